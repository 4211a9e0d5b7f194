package org.convergence.screening;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.convergence.model.ConvergenceModel;
import org.convergence.screening.names.NameNormalizer;
import org.junit.jupiter.api.Test;

class ScorerTest {
    private static final ConvergenceModel MODEL = ConvergenceModel.standard();
    private static final Scorer SCORER = new Scorer(ScoringModel.standard());

    private static ScreenedEntity entity(String schema, Map<String, List<String>> properties) {
        return ScreenedEntity.of("e", "test", MODEL.requireSchema(schema), null, properties, NameNormalizer.standard());
    }

    private static double feature(Scorer.Score score, String name) {
        return score.features().stream().filter(f -> f.name().equals(name)).mapToDouble(Feature::value).findFirst().orElse(0);
    }

    @Test
    void nameOrderAndRomanisationDoNotChangeTheNameFeatures() {
        ScreenedEntity listed = entity("Person", Map.of("name", List.of("Yuriy Shchukin")));
        Scorer.Score reordered = SCORER.score(entity("Person", Map.of("name", List.of("SHCHUKIN, Iurii"))), listed);
        assertEquals(1.0, feature(reordered, Scorer.QUERY_COVERAGE), 1e-9);
        assertEquals(1.0, feature(reordered, Scorer.EXACT), 1e-9);
    }

    @Test
    void aPartialNameCoversTheQueryButNotTheListedName() {
        Scorer.Score score = SCORER.score(entity("Person", Map.of("name", List.of("John Smith"))),
                entity("Person", Map.of("name", List.of("John Adam Smith"))));
        assertEquals(1.0, feature(score, Scorer.QUERY_COVERAGE), 1e-9);
        assertTrue(feature(score, Scorer.RESULT_COVERAGE) < 0.8);
    }

    @Test
    void agreeingFactsRaiseTheScoreAndConflictingFactsLowerIt() {
        ScreenedEntity listed = entity("Person", Map.of("name", List.of("Ivan Petrov"), "birthDate", List.of("1970-05-01"),
                "nationality", List.of("ru"), "passportNumber", List.of("AB 123456")));
        double agreeing = SCORER.score(entity("Person", Map.of("name", List.of("Ivan Petrov"), "birthDate", List.of("1970-05-01"),
                "nationality", List.of("ru"))), listed).score();
        double silent = SCORER.score(entity("Person", Map.of("name", List.of("Ivan Petrov"))), listed).score();
        Scorer.Score conflicting = SCORER.score(entity("Person", Map.of("name", List.of("Ivan Petrov"), "birthDate", List.of("1991-02-03"),
                "nationality", List.of("fr"))), listed);
        assertTrue(agreeing > silent && silent > conflicting.score(), agreeing + " " + silent + " " + conflicting.score());
        assertEquals(-1.0, feature(conflicting, Scorer.DATE), 1e-9);
        assertEquals(-1.0, feature(conflicting, Scorer.COUNTRY), 1e-9);
        Scorer.Score byPassport = SCORER.score(entity("Person", Map.of("name", List.of("I. Petrov"), "passportNumber", List.of("ab123456"))), listed);
        assertEquals(1.0, feature(byPassport, Scorer.IDENTIFIER), 1e-9);
    }

    @Test
    void aPersonIsNotAnOrganisation() {
        Scorer.Score score = SCORER.score(entity("Person", Map.of("name", List.of("Almaz Antey"))),
                entity("Company", Map.of("name", List.of("Almaz-Antey"))));
        assertEquals(1.0, feature(score, Scorer.SCHEMA_CONFLICT), 1e-9);
        assertTrue(score.features().stream().anyMatch(f -> f.detail().contains("Person vs Company")));
    }

    @Test
    void arabicNamesMeetTheirLatinSpellingOnConsonants() {
        Scorer.Score score = SCORER.score(entity("Person", Map.of("name", List.of("محمد علي"))),
                entity("Person", Map.of("name", List.of("Mohamed Ali"))));
        assertEquals(1.0, feature(score, Scorer.QUERY_COVERAGE), 1e-9, score.toString());
        assertEquals(1.0, feature(score, Scorer.EXACT), 1e-9, "agreeing consonants are all the agreement a script without vowels allows");
    }

    private static boolean isMatch(String query, String listed) {
        return SCORER.score(entity("Person", Map.of("name", List.of(query))), entity("Person", Map.of("name", List.of(listed)))).match();
    }

    @Test
    void namesInOtherScriptsMeetTheirUsualLatinSpelling() {
        assertTrue(isMatch("山田太郎", "Yamada Taro"), "a Japanese name in kanji is read as Japanese, not as Chinese");
        assertTrue(isMatch("田中花子", "Tanaka Hanako"));
        assertTrue(isMatch("金正恩", "Kim Jong Un"), "a Korean name in hanja is read as Korean too");
        assertTrue(isMatch("朴智星", "Park Ji Sung"));
        assertTrue(isMatch("Αλέξανδρος", "Alexander"), "a Greek name meets its English form without the case ending");
        assertTrue(isMatch("דוד", "David"), "vav read as a consonant");
        assertTrue(isMatch("خالد محمود", "Khaled Mahmoud"), "waw read as a vowel");
        assertTrue(isMatch("박지성", "Park Ji Sung"), "성 is seong, song or sung");
        assertTrue(isMatch("ABD RAHMAN", "Abdul Rahman"));
        assertTrue(isMatch("Abd al-Rahman", "Abdurrahman"));
    }

    @Test
    void aTypoAgreesNearlyAndAMiddleInitialTheListLeavesOutDoesNotDisagree() {
        ScreenedEntity listed = entity("Person", Map.of("name", List.of("BIN LADIN, Usama")));
        Scorer.Score typo = SCORER.score(entity("Person", Map.of("name", List.of("USAMA BIN LDIN"))), listed);
        Scorer.Score initial = SCORER.score(entity("Person", Map.of("name", List.of("USAMA M BIN LADIN"))), listed);
        Scorer.Score same = SCORER.score(entity("Person", Map.of("name", List.of("USAMA BIN LADIN"))), listed);
        assertEquals(1.0, feature(typo, Scorer.NEAR_EXACT), 1e-9, typo.toString());
        assertEquals(1.0, feature(initial, Scorer.EXACT), 1e-9, "a middle initial the listed name leaves out: " + initial);
        assertTrue(initial.match(), initial.toString());
        assertTrue(same.score() > typo.score());
        Scorer.Score initialForAName = SCORER.score(entity("Person", Map.of("name", List.of("U BIN LADIN"))), listed);
        assertEquals(0.0, feature(initialForAName, Scorer.EXACT) + feature(initialForAName, Scorer.NEAR_EXACT), 1e-9,
                "an initial in place of a name is not the same name");
        Scorer.Score twoTypos = SCORER.score(entity("Person", Map.of("name", List.of("USAMO BIN LDIN"))), listed);
        assertEquals(0.0, feature(twoTypos, Scorer.NEAR_EXACT), 1e-9, "two typos are not nearly the same name");
    }

    @Test
    void oneEditApartMeansOneLetterAddedDroppedChangedOrTwoSwapped() {
        assertTrue(Scorer.oneEditApart("usama", "usamo"));
        assertTrue(Scorer.oneEditApart("ladin", "ldin"));
        assertTrue(Scorer.oneEditApart("usama", "usamaa"));
        assertTrue(Scorer.oneEditApart("ladin", "lad1n"));
        assertTrue(Scorer.oneEditApart("ladin", "aldin"));
        assertTrue(!Scorer.oneEditApart("ladin", "ladin"));
        assertTrue(!Scorer.oneEditApart("ladin", "lidan"));
        assertTrue(!Scorer.oneEditApart("rixo", "rix1x"));
    }

    @Test
    void aListedNameInsideALongerTextIsFoundButNotAnOrganisationsWordsInAnother() {
        Scorer.Score payment = SCORER.score(entity("Person", Map.of("name", List.of("PAYMENT FOR USAMA BIN LADIN"))),
                entity("Person", Map.of("name", List.of("BIN LADIN, Usama"))));
        assertEquals(1.0, feature(payment, Scorer.IN_TEXT), 1e-9, payment.toString());
        assertTrue(payment.match(), payment.toString());
        Scorer.Score academy = SCORER.score(entity("Organization", Map.of("name", List.of("中国人民解放军海军大连舰艇学院"))),
                entity("Organization", Map.of("name", List.of("Naval Research Academy"))));
        assertEquals(0.0, feature(academy, Scorer.IN_TEXT), 1e-9, academy.toString());
        assertTrue(!academy.match(), academy.toString());
    }

    @Test
    void aWeakAliasAloneIsNotAMatchUntilAnotherFactAgrees() {
        ScreenedEntity listed = entity("Person", Map.of("name", List.of("AMIN MUHAMMAD UL HAQ SAAM KHAN"), "weakAlias", List.of("Dr. Amin"),
                "birthDate", List.of("1960")));
        Scorer.Score alone = SCORER.score(entity("Person", Map.of("name", List.of("DR AMIN"))), listed);
        Scorer.Score withBirth = SCORER.score(entity("Person", Map.of("name", List.of("DR AMIN"), "birthDate", List.of("1960"))), listed);
        assertEquals(1.0, feature(alone, Scorer.WEAK_ALIAS), 1e-9);
        assertTrue(!alone.match(), alone.toString());
        assertTrue(withBirth.match(), withBirth.toString());
    }

    @Test
    void publicAndNonPublicJointStockCompaniesDoNotConflict() {
        Scorer.Score score = SCORER.score(entity("Company", Map.of("name", List.of("VTB BANK JSC"))),
                entity("Company", Map.of("name", List.of("VTB Bank (Public Joint-Stock Company)"))));
        assertEquals(0.0, feature(score, Scorer.LEGAL_FORM_CONFLICT), 1e-9);
        assertTrue(score.match(), score.toString());
    }
}

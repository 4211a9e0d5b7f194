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

    private static Scorer.Score score(String schema, String query, String listed) {
        return SCORER.score(entity(schema, Map.of("name", List.of(query))), entity(schema, Map.of("name", List.of(listed))));
    }

    private static void assertMatch(String schema, String query, String listed) {
        Scorer.Score score = score(schema, query, listed);
        assertTrue(score.match(), query + " should match " + listed + ": " + score);
    }

    private static void assertNoMatch(String schema, String query, String listed) {
        Scorer.Score score = score(schema, query, listed);
        assertTrue(!score.match(), query + " should not match " + listed + ": " + score);
    }

    @Test
    void aNameAloneCanBeAMatch() {
        Scorer.Score score = score("Person", "Valery Gerasimov", "GERASIMOV, Valery");
        assertTrue(score.match(), "most screening requests carry a name alone: " + score);
        assertEquals(1.0, feature(score, Scorer.CLOSENESS), 1e-9);
    }

    @Test
    void typosWithinThePartsBudgetStillMatch() {
        assertMatch("Person", "Evgeny Viktorovich Prigozhn", "Evgeny Viktorovich Prigozhin");
        assertMatch("Person", "Mikhial Yefimovich Fradkov", "Mikhail Yefimovich Fradkov");
        assertMatch("Organization", "Tomsk Polytecnic University", "Tomsk Polytechnic University");
    }

    @Test
    void transliterationsAndScriptsOfOneNameMeet() {
        assertMatch("Person", "Yevgeniy Prigozhin", "Evgeny Viktorovich Prigozhin");
        assertMatch("Person", "Сергей Лавров", "Sergey Viktorovich Lavrov");
        assertMatch("Person", "محمد علي", "Mohamed Ali");
        assertMatch("Organization", "国防科技大学", "National University of Defense Technology");
    }

    @Test
    void shortFormsAndInitialsOfGivenNamesMeetTheName() {
        assertMatch("Person", "Dima Petrov", "Dmitry Petrov");
        assertMatch("Person", "Bob Menendez", "Robert Menendez");
        assertMatch("Person", "S. Lavrov", "Sergey Lavrov");
    }

    @Test
    void wordsWrittenTogetherOrApartMeet() {
        assertMatch("Person", "Abdulhakim Salek", "Abdul Hakim Salek");
        assertMatch("Company", "Rosoboron Export", "Rosoboronexport");
        assertMatch("Company", "Kronshtadt JSC", "KronshtadtJSC");
    }

    @Test
    void digitsForLettersAndNumbersAsWordsMeet() {
        assertMatch("Company", "R0SNEFT", "Rosneft");
        assertMatch("Company", "Tr4nsneft", "Transneft");
        assertMatch("Organization", "Fourth Directorate", "4th Directorate");
        assertMatch("Organization", "Plant No. 7", "Seventh Plant");
    }

    @Test
    void titlesAbbreviationsAcronymsAndLegalFormsAreReadAsTheyAreMeant() {
        assertMatch("Person", "General Valery Gerasimov", "Valery Vasilyevich Gerasimov");
        assertMatch("Company", "Intl Trading Co", "International Trading Company");
        assertMatch("Organization", "BMSTU", "Bauman Moscow State Technical University");
        assertMatch("Company", "OOO Romashka", "Romashka LLC");
        assertMatch("Vessel", "MV Ocean Star", "OCEAN STAR");
    }

    @Test
    void lookAlikeLettersAndInvisibleCharactersDoNotHideAListedName() {
        assertMatch("Company", "R\u043Estec", "Rostec");
        assertMatch("Company", "Ros\u200Btec", "Rostec");
        assertMatch("Company", "\u001B[31mRostec\u001B[0m", "Rostec");
    }

    @Test
    void hardNegativesStayApart() {
        assertNoMatch("Person", "Salman bin Abdulaziz", "Abdulaziz bin Salman");
        assertNoMatch("Person", "Kim Jong Chol", "Kim Jong Nam");
        assertNoMatch("Person", "Zhang Wei", "Zhang Wen");
        assertNoMatch("Company", "Sukhoi AG", "Sukhoi GmbH");
        assertNoMatch("Organization", "Second Research Institute", "Fifth Research Institute");
        assertNoMatch("Vessel", "Ocean Star 2", "Ocean Star 3");
        assertNoMatch("Person", "Nikolai Patrushev", "Dmitry Patrushev");
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

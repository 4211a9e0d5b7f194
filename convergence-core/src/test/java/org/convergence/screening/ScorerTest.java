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
}

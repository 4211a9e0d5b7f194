package org.convergence.screening.eval;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.convergence.ConvergenceException;
import org.convergence.screening.Feature;
import org.convergence.screening.Scope;
import org.convergence.screening.ScreenedEntity;
import org.convergence.screening.Scorer;
import org.convergence.screening.ScoringModel;
import org.convergence.screening.Screener;
import org.convergence.screening.ScreeningIndex;
import org.convergence.screening.Thresholds;
import org.convergence.screening.compare.TokenWeights;
import org.convergence.screening.eval.LabelledCase.Alert;
import org.convergence.screening.eval.LabelledCase.Finds;
import org.convergence.screening.eval.LabelledCase.NoMatch;
import org.convergence.screening.eval.LabelledCase.Pair;
import org.convergence.screening.names.NameNormalizer;

/**
 * Runs labelled cases through the screener and keeps, for every case, each result's score and feature
 * values, so that any threshold can be judged afterwards and any refitted model can score the same
 * results again ({@link Outcome#rescored}) without screening again.
 */
public final class Evaluation {
    /** Results kept per case: enough to see the right entity when it is not first, and to fit on the hard wrong ones. */
    static final int RESULTS_PER_CASE = 10;
    /** The id a {@link Pair}'s listed party is scored under. */
    static final String LISTED = "listed";

    /** One scored result: the entity, its score, and its feature values in {@link Scorer#FEATURES} order. */
    public record Scored(String entityId, double score, double[] features) {}

    /**
     * A case and what the screener answered.
     *
     * @param script the script of the query's name (Latin, Cyrillic, Han ...)
     * @param kind the kind of party the query names (Person, Organization, Vessel, LegalEntity)
     */
    public record Outcome(LabelledCase kase, String script, String kind, List<Scored> results, String error) {

        public boolean nonLatin() {
            return !script.equals("Latin");
        }

        /** True when the answer is right at this match threshold. */
        public boolean right(double threshold) {
            return switch (kase.expectation()) {
                case Finds finds when finds.first() -> !results.isEmpty() && results.getFirst().entityId().equals(finds.entityId())
                        && results.getFirst().score() >= threshold;
                case Finds finds -> results.stream().anyMatch(r -> r.entityId().equals(finds.entityId()) && r.score() >= threshold);
                case NoMatch none -> results.stream().noneMatch(r -> r.score() >= threshold);
                case Alert alert -> results.stream().anyMatch(r -> r.score() >= threshold) == alert.expected();
                case Pair pair -> !results.isEmpty() && (results.getFirst().score() >= threshold) == pair.match();
            };
        }

        /** The same results scored by another model, best first: exact, since a score is the model's function of the features. */
        public Outcome rescored(ScoringModel model) {
            double[] weights = Scorer.FEATURES.stream().mapToDouble(model::weight).toArray();
            List<Scored> scored = new ArrayList<>(results.size());
            for (Scored result : results) {
                double logit = model.intercept();
                for (int i = 0; i < weights.length; i++) {
                    logit += weights[i] * result.features()[i];
                }
                scored.add(new Scored(result.entityId(), 1 / (1 + Math.exp(-logit)), result.features()));
            }
            scored.sort(java.util.Comparator.comparingDouble(Scored::score).reversed());
            return new Outcome(kase, script, kind, scored, error);
        }
    }

    private final Screener screener;

    public Evaluation(Screener screener) {
        this.screener = screener;
    }

    public List<Outcome> run(List<LabelledCase> cases) {
        return cases.parallelStream().map(this::run).toList();
    }

    private Outcome run(LabelledCase kase) {
        ScreeningIndex index = screener.current();
        String kind = kind(kase.query().schema());
        try {
            ScreenedEntity query = screener.screen(kase.query(), index);
            String script = script(kase.query());
            Scorer scorer = screener.scorer();
            if (kase.expectation() instanceof Pair pair) {
                ScreenedEntity listed = screener.screen(new Screener.Query(LISTED, pair.schema(), pair.listed()), index);
                return new Outcome(kase, script, kind, List.of(scored(LISTED, scorer, query, listed, TokenWeights.UNIFORM)), null);
            }
            List<Scored> results = new ArrayList<>();
            Thresholds thresholds = new Thresholds(scorer.model().threshold(), 0);
            for (Screener.Result result : screener.match(index, kase.query(), Scope.resolve(Scope.Spec.of(kase.scope()), index.versions()),
                    RESULTS_PER_CASE, thresholds)) {
                results.add(new Scored(result.entity().screened().id(), result.score().score(), vector(result.score().features())));
            }
            if (kase.expectation() instanceof Alert alert && !alert.presupposed().isEmpty()) {
                for (LabelledCase.Presupposed party : alert.presupposed()) {
                    ScreenedEntity listed = screener.screen(new Screener.Query("presupposed:" + party.name(), party.schema(),
                            Map.of("name", List.of(party.name()))), index);
                    results.add(scored(listed.id(), scorer, query, listed, index.tokenWeights()));
                }
                results.sort(java.util.Comparator.comparingDouble(Scored::score).reversed());
            }
            return new Outcome(kase, script, kind, results, null);
        } catch (ConvergenceException e) {
            return new Outcome(kase, "Latin", kind, List.of(), e.getMessage());
        }
    }

    private static Scored scored(String id, Scorer scorer, ScreenedEntity query, ScreenedEntity candidate, TokenWeights weights) {
        Scorer.Score score = scorer.score(query, candidate, weights, scorer.model().threshold());
        return new Scored(id, score.score(), vector(score.features()));
    }

    static double[] vector(List<Feature> features) {
        double[] vector = new double[Scorer.FEATURES.size()];
        for (Feature feature : features) {
            int i = Scorer.FEATURES.indexOf(feature.name());
            if (i >= 0) {
                vector[i] = feature.value();
            }
        }
        return vector;
    }

    /** The script of the query's first name, in the groups the report gives (Latin, Cyrillic, Han, Arabic, Hangul, Japanese, other). */
    static String script(Screener.Query query) {
        String name = query.properties().getOrDefault("name", List.of("")).stream().findFirst().orElse("");
        return switch (NameNormalizer.scriptOf(name)) {
            case LATIN, COMMON -> "Latin";
            case CYRILLIC -> "Cyrillic";
            case HAN -> "Han";
            case ARABIC -> "Arabic";
            case HANGUL -> "Hangul";
            case HIRAGANA, KATAKANA -> "Japanese";
            case GREEK -> "Greek";
            case HEBREW -> "Hebrew";
            default -> "other";
        };
    }

    /** The kind of party a schema names, in the groups the report gives. */
    static String kind(String schema) {
        return switch (schema) {
            case "Person" -> "Person";
            case "Organization", "Company", "PublicBody" -> "Organization";
            case "Vessel", "Airplane" -> "Vessel";
            default -> "LegalEntity";
        };
    }
}

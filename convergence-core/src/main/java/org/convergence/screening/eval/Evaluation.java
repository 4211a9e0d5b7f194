package org.convergence.screening.eval;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.convergence.ConvergenceException;
import org.convergence.screening.Feature;
import org.convergence.screening.ScreenedEntity;
import org.convergence.screening.Scorer;
import org.convergence.screening.Screener;
import org.convergence.screening.ScreeningIndex;
import org.convergence.screening.TokenWeights;
import org.convergence.screening.eval.LabelledCase.Alert;
import org.convergence.screening.eval.LabelledCase.Finds;
import org.convergence.screening.eval.LabelledCase.NoMatch;
import org.convergence.screening.eval.LabelledCase.SameAs;
import tech.followthemoney.model.Schema;

/**
 * Runs labelled cases through the screener and keeps, for every case, each result's score and feature
 * values, so that any threshold can be judged afterwards and the scoring model refitted.
 */
public final class Evaluation {
    /** Results kept per case: enough to see the right entity when it is not first. */
    static final int RESULTS_PER_CASE = 10;

    /** One scored result: the entity, its score, and its feature values in {@link Scorer#FEATURES} order. */
    public record Scored(String entityId, double score, double[] features) {}

    /** A case and what the screener answered. */
    public record Outcome(LabelledCase kase, boolean nonLatin, List<Scored> results, String error) {

        /** True when the answer is right at this match threshold. */
        public boolean right(double threshold) {
            return switch (kase.expectation()) {
                case Finds finds when finds.first() -> !results.isEmpty() && results.getFirst().entityId().equals(finds.entityId());
                case Finds finds -> results.stream().anyMatch(r -> r.entityId().equals(finds.entityId()) && r.score() >= threshold);
                case NoMatch none -> results.stream().noneMatch(r -> r.score() >= threshold);
                case Alert alert -> results.stream().anyMatch(r -> r.score() >= threshold) == alert.expected();
                case SameAs same -> !results.isEmpty() && results.getFirst().score() >= threshold;
            };
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
        try {
            ScreenedEntity query = screener.screen(kase.query(), index);
            boolean nonLatin = query.allNames().stream().anyMatch(name -> name.nonLatin());
            Scorer scorer = screener.scorer();
            if (kase.expectation() instanceof SameAs same) {
                Schema schema = query.schema();
                ScreenedEntity other = ScreenedEntity.of("expected", "", schema, same.name(), Map.of("name", List.of(same.name())), index.normalizer());
                return new Outcome(kase, nonLatin, List.of(scored("expected", scorer, query, other, index.tokenWeights())), null);
            }
            List<Scored> results = new ArrayList<>();
            for (Screener.Result result : screener.match(kase.query(), kase.scope(), RESULTS_PER_CASE, 0)) {
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
            return new Outcome(kase, nonLatin, results, null);
        } catch (ConvergenceException e) {
            return new Outcome(kase, false, List.of(), e.getMessage());
        }
    }

    private static Scored scored(String id, Scorer scorer, ScreenedEntity query, ScreenedEntity candidate, TokenWeights weights) {
        Scorer.Score score = scorer.score(query, candidate, weights);
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
}

package org.convergence.screening.eval;

import java.util.ArrayList;
import java.util.List;
import org.convergence.screening.eval.Evaluation.Outcome;
import org.convergence.screening.eval.LabelledCase.Alert;
import org.convergence.screening.eval.LabelledCase.Finds;
import org.convergence.screening.eval.LabelledCase.NoMatch;
import org.convergence.screening.eval.LabelledCase.SameAs;

/** Precision, recall, F1 and calibration of outcomes. */
public final class Metrics {
    private Metrics() {}

    /** At one threshold: true and false positives, false negatives, and the measures. */
    public record AtThreshold(double threshold, long truePositives, long falsePositives, long falseNegatives) {
        public double precision() {
            return truePositives + falsePositives == 0 ? 1 : (double) truePositives / (truePositives + falsePositives);
        }

        public double recall() {
            return truePositives + falseNegatives == 0 ? 1 : (double) truePositives / (truePositives + falseNegatives);
        }

        public double f1() {
            double p = precision();
            double r = recall();
            return p + r == 0 ? 0 : 2 * p * r / (p + r);
        }
    }

    /**
     * Counts at a threshold. A labelled entity found at or above it is a true positive, and missed a
     * false negative; every other result at or above it is a false positive. For alert cases the
     * entity is not labelled: an expected alert raised is one true positive, and each result raised
     * where none was expected a false positive. First-place cases (ranking) are not counted here.
     */
    public static AtThreshold at(List<Outcome> outcomes, double threshold) {
        long tp = 0;
        long fp = 0;
        long fn = 0;
        for (Outcome outcome : outcomes) {
            long raised = outcome.results().stream().filter(r -> r.score() >= threshold).count();
            switch (outcome.kase().expectation()) {
                case Finds finds when finds.first() -> { }
                case Finds finds -> {
                    boolean found = outcome.results().stream().anyMatch(r -> r.entityId().equals(finds.entityId()) && r.score() >= threshold);
                    tp += found ? 1 : 0;
                    fn += found ? 0 : 1;
                    fp += raised - (found ? 1 : 0);
                }
                case NoMatch none -> fp += raised;
                case Alert alert when alert.expected() -> {
                    tp += raised > 0 ? 1 : 0;
                    fn += raised > 0 ? 0 : 1;
                }
                case Alert alert -> fp += raised;
                case SameAs same -> {
                    tp += raised > 0 ? 1 : 0;
                    fn += raised > 0 ? 0 : 1;
                }
            }
        }
        return new AtThreshold(threshold, tp, fp, fn);
    }

    /** Scored pairs whose truth is known: (score, feature values, label). */
    public record LabelledPair(double score, double[] features, boolean match) {}

    public static List<LabelledPair> labelledPairs(List<Outcome> outcomes) {
        List<LabelledPair> pairs = new ArrayList<>();
        for (Outcome outcome : outcomes) {
            switch (outcome.kase().expectation()) {
                case Finds finds -> outcome.results().forEach(r -> pairs.add(new LabelledPair(r.score(), r.features(), r.entityId().equals(finds.entityId()))));
                case NoMatch none -> outcome.results().forEach(r -> pairs.add(new LabelledPair(r.score(), r.features(), false)));
                case SameAs same -> outcome.results().forEach(r -> pairs.add(new LabelledPair(r.score(), r.features(), true)));
                case Alert alert -> { }
            }
        }
        return pairs;
    }

    /** One calibration bin: scores in [from, to), their mean, and the share that are true matches. */
    public record Bin(double from, double to, long count, double meanScore, double observed) {}

    public static List<Bin> calibration(List<LabelledPair> pairs, int bins) {
        long[] count = new long[bins];
        double[] scores = new double[bins];
        long[] matches = new long[bins];
        for (LabelledPair pair : pairs) {
            int bin = Math.min(bins - 1, (int) (pair.score() * bins));
            count[bin]++;
            scores[bin] += pair.score();
            matches[bin] += pair.match() ? 1 : 0;
        }
        List<Bin> result = new ArrayList<>();
        for (int i = 0; i < bins; i++) {
            result.add(new Bin((double) i / bins, (double) (i + 1) / bins, count[i], count[i] == 0 ? 0 : scores[i] / count[i],
                    count[i] == 0 ? 0 : (double) matches[i] / count[i]));
        }
        return result;
    }

    /** Expected calibration error: the count-weighted mean gap between mean score and observed share. */
    public static double expectedCalibrationError(List<Bin> bins) {
        long total = bins.stream().mapToLong(Bin::count).sum();
        return total == 0 ? 0 : bins.stream().mapToDouble(b -> b.count() * Math.abs(b.meanScore() - b.observed())).sum() / total;
    }

    /** The share of outcomes that are right at a threshold. */
    public static double rightShare(List<Outcome> outcomes, double threshold) {
        return outcomes.isEmpty() ? 0 : (double) outcomes.stream().filter(o -> o.right(threshold)).count() / outcomes.size();
    }
}

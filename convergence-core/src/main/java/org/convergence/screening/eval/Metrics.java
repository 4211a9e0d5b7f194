package org.convergence.screening.eval;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.convergence.screening.eval.Evaluation.Outcome;
import org.convergence.screening.eval.LabelledCase.Alert;
import org.convergence.screening.eval.LabelledCase.Finds;
import org.convergence.screening.eval.LabelledCase.NoMatch;
import org.convergence.screening.eval.LabelledCase.Pair;

/** Precision, recall, F1 and calibration of outcomes. */
public final class Metrics {
    private Metrics() {}

    /** At one threshold: true and false positives, false negatives, and the measures. */
    public record AtThreshold(double threshold, double truePositives, double falsePositives, double falseNegatives) {
        public double precision() {
            return truePositives + falsePositives == 0 ? 1 : truePositives / (truePositives + falsePositives);
        }

        public double recall() {
            return truePositives + falseNegatives == 0 ? 1 : truePositives / (truePositives + falseNegatives);
        }

        public double f1() {
            double p = precision();
            double r = recall();
            return p + r == 0 ? 0 : 2 * p * r / (p + r);
        }

        AtThreshold plus(AtThreshold other, double weight) {
            return new AtThreshold(threshold, truePositives + weight * other.truePositives, falsePositives + weight * other.falsePositives,
                    falseNegatives + weight * other.falseNegatives);
        }
    }

    /**
     * Counts at a threshold. A labelled entity found at or above it is a true positive, and missed a
     * false negative; every other result at or above it is a false positive. A case that must find its
     * entity first counts the first result only. For alert cases the entity is not labelled: an
     * expected alert raised is one true positive, and each result raised where none was expected a
     * false positive. A pair is one true or false positive or false negative, as labelled.
     */
    public static AtThreshold at(List<Outcome> outcomes, double threshold) {
        long tp = 0;
        long fp = 0;
        long fn = 0;
        for (Outcome outcome : outcomes) {
            long raised = outcome.results().stream().filter(r -> r.score() >= threshold).count();
            switch (outcome.kase().expectation()) {
                case Finds finds when finds.first() -> {
                    boolean firstRaised = !outcome.results().isEmpty() && outcome.results().getFirst().score() >= threshold;
                    boolean right = firstRaised && outcome.results().getFirst().entityId().equals(finds.entityId());
                    tp += right ? 1 : 0;
                    fn += right ? 0 : 1;
                    fp += firstRaised && !right ? 1 : 0;
                }
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
                case Pair pair when pair.match() -> {
                    tp += raised > 0 ? 1 : 0;
                    fn += raised > 0 ? 0 : 1;
                }
                case Pair pair -> fp += raised;
            }
        }
        return new AtThreshold(threshold, tp, fp, fn);
    }

    /**
     * Counts at a threshold over several sets, each set counting alike however many cases it holds
     * (its counts scaled by its share of the cases), so that a large set does not decide alone.
     */
    public static AtThreshold balancedAt(Map<String, List<Outcome>> bySet, double threshold) {
        AtThreshold total = new AtThreshold(threshold, 0, 0, 0);
        for (List<Outcome> outcomes : bySet.values()) {
            if (!outcomes.isEmpty()) {
                total = total.plus(at(outcomes, threshold), 1.0 / outcomes.size());
            }
        }
        return total;
    }

    /**
     * Scored pairs whose truth is known: (set, score, feature values, label, weight in a fit).
     *
     * @param weight how much the pair counts in a fit or a calibration table (see {@link #balanced})
     */
    public record LabelledPair(String set, double score, double[] features, boolean match, double weight) {
        public LabelledPair(double score, double[] features, boolean match) {
            this("", score, features, match, 1);
        }
    }

    public static List<LabelledPair> labelledPairs(List<Outcome> outcomes) {
        List<LabelledPair> pairs = new ArrayList<>();
        for (Outcome outcome : outcomes) {
            String set = outcome.kase().set();
            switch (outcome.kase().expectation()) {
                case Finds finds -> outcome.results().forEach(r -> pairs.add(new LabelledPair(set, r.score(), r.features(),
                        r.entityId().equals(finds.entityId()), 1)));
                case NoMatch none -> outcome.results().forEach(r -> pairs.add(new LabelledPair(set, r.score(), r.features(), false, 1)));
                case Pair pair -> outcome.results().forEach(r -> pairs.add(new LabelledPair(set, r.score(), r.features(), pair.match(), 1)));
                case Alert alert -> { }
            }
        }
        return pairs;
    }

    /**
     * The family of a set: where it comes from, the part of its name before the first colon or slash
     * (yente, watchman, nomenklatura, aliases, generated ...).
     */
    static String family(String set) {
        int end = set.length();
        for (char separator : new char[] {':', '/'}) {
            int at = set.indexOf(separator);
            end = at > 0 ? Math.min(end, at) : end;
        }
        return set.substring(0, end);
    }

    /**
     * The pairs weighted so that every family of sets counts alike and every set of a family alike
     * (see {@link #family}), and within a set the matches and the non-matches alike: a fit on them is
     * not told that matches are rare because one set holds 50,000 people on no list, nor led by one
     * source's many sets, and scores read as the chance of a match between a query and a candidate
     * that come up together. At most {@code perClass} pairs of each class of each set are kept, chosen
     * by a hash of the pair (not by score), so that a fit stays fast.
     */
    public static List<LabelledPair> balanced(List<LabelledPair> pairs, int perClass) {
        Map<String, List<LabelledPair>> byClass = new HashMap<>();
        for (LabelledPair pair : pairs) {
            byClass.computeIfAbsent(pair.set() + (pair.match() ? "\u0001" : "\u0000"), key -> new ArrayList<>()).add(pair);
        }
        Map<String, Integer> classesPerSet = new HashMap<>();
        byClass.keySet().forEach(key -> classesPerSet.merge(key.substring(0, key.length() - 1), 1, Integer::sum));
        Map<String, Integer> setsPerFamily = new HashMap<>();
        classesPerSet.keySet().forEach(set -> setsPerFamily.merge(family(set), 1, Integer::sum));
        List<LabelledPair> out = new ArrayList<>();
        byClass.forEach((key, members) -> {
            List<LabelledPair> kept = members;
            if (members.size() > perClass) {
                kept = new ArrayList<>(members);
                kept.sort(java.util.Comparator.comparingLong(Metrics::hash));
                kept = kept.subList(0, perClass);
            }
            String set = key.substring(0, key.length() - 1);
            double weight = 1.0 / setsPerFamily.get(family(set)) / classesPerSet.get(set) / kept.size();
            kept.forEach(pair -> out.add(new LabelledPair(pair.set(), pair.score(), pair.features(), pair.match(), weight)));
        });
        return out;
    }

    private static long hash(LabelledPair pair) {
        long h = pair.set().hashCode();
        for (double feature : pair.features()) {
            h = h * 0x9E3779B97F4A7C15L + Double.hashCode(feature);
        }
        return (h ^ (h >>> 31)) * 0xBF58476D1CE4E5B9L;
    }

    /** One calibration bin: scores in [from, to), their (weighted) number, their mean, and the share that are true matches. */
    public record Bin(double from, double to, double count, double meanScore, double observed) {}

    /** Calibration bins of the pairs, each counting by its weight. */
    public static List<Bin> calibration(List<LabelledPair> pairs, int bins) {
        double[] count = new double[bins];
        double[] scores = new double[bins];
        double[] matches = new double[bins];
        for (LabelledPair pair : pairs) {
            int bin = Math.min(bins - 1, (int) (pair.score() * bins));
            count[bin] += pair.weight();
            scores[bin] += pair.weight() * pair.score();
            matches[bin] += pair.match() ? pair.weight() : 0;
        }
        List<Bin> result = new ArrayList<>();
        for (int i = 0; i < bins; i++) {
            result.add(new Bin((double) i / bins, (double) (i + 1) / bins, count[i], count[i] == 0 ? 0 : scores[i] / count[i],
                    count[i] == 0 ? 0 : matches[i] / count[i]));
        }
        return result;
    }

    /** Expected calibration error: the count-weighted mean gap between mean score and observed share. */
    public static double expectedCalibrationError(List<Bin> bins) {
        double total = bins.stream().mapToDouble(Bin::count).sum();
        return total == 0 ? 0 : bins.stream().mapToDouble(b -> b.count() * Math.abs(b.meanScore() - b.observed())).sum() / total;
    }

    /** The share of outcomes that are right at a threshold. */
    public static double rightShare(List<Outcome> outcomes, double threshold) {
        return outcomes.isEmpty() ? 0 : (double) outcomes.stream().filter(o -> o.right(threshold)).count() / outcomes.size();
    }
}

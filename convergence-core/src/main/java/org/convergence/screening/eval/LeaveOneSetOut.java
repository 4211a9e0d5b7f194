package org.convergence.screening.eval;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.convergence.screening.ScoringModel;
import org.convergence.screening.eval.Evaluation.Outcome;
import org.convergence.screening.eval.Metrics.AtThreshold;
import org.convergence.screening.eval.Metrics.LabelledPair;

/**
 * Leave one set out: for every labelled set, the scoring model is fitted on all the other sets and
 * judged on the one left out, so that a model which learnt one set's quirks shows it as a gap
 * between that set's in-sample and held-out figures. The match threshold is chosen on the held-out
 * figures alone (the highest F1 whose precision is at least {@link #PRECISION_FLOOR}, every set
 * counting alike, among the thresholds that flag at most {@link #MOST_PEOPLE_FLAGGED} of the people
 * on no list of yente's negatives, screened with their dates of birth and nationalities as a
 * customer file gives them, by the model fitted without them and by the model fitted on every set),
 * and the model fitted on every set takes it.
 */
public final class LeaveOneSetOut {
    /** The least precision the chosen threshold may give on held-out cases: screening that raises more false matches than this is ignored. */
    public static final double PRECISION_FLOOR = 0.9;
    /** The largest share of people on no list that screening may flag (a compliance team reviews every flag). */
    public static final double MOST_PEOPLE_FLAGGED = 0.005;
    /** Pairs of each class of each set a fit uses at most (chosen by a hash of the pair), so that twenty fits stay fast. */
    private static final int PAIRS_PER_CLASS = 20_000;

    private LeaveOneSetOut() {}

    /** One set's figures at the chosen threshold: scored by the model fitted on every set, and by the model fitted without it. */
    public record SetFigures(String set, int cases, long positives, AtThreshold inSample, AtThreshold heldOut) {
        /** How many points of recall the set loses when it is not fitted on. */
        public double recallGap() {
            return 100 * (inSample.recall() - heldOut.recall());
        }
    }

    /**
     * The report.
     *
     * @param model the model fitted on every set, with the threshold chosen on held-out figures
     * @param sets each set's figures, in the order given
     * @param heldOut every case scored by the model fitted without its set (cases of sets that cannot
     *     be fitted on, with no labelled pairs, scored by {@code model})
     * @param heldOutPairs the held-out scores with their labels, weighted as the fit weighs them
     */
    public record Report(ScoringModel model, List<SetFigures> sets, List<Outcome> heldOut, List<LabelledPair> heldOutPairs) {}

    public static Report run(List<Outcome> outcomes, ScoringModel prior, String provenance) {
        Map<String, List<Outcome>> bySet = new LinkedHashMap<>();
        outcomes.forEach(outcome -> bySet.computeIfAbsent(outcome.kase().set(), set -> new ArrayList<>()).add(outcome));
        List<LabelledPair> pairs = Metrics.labelledPairs(outcomes);
        ScoringModel all = LogisticFit.fit(Metrics.balanced(pairs, PAIRS_PER_CLASS), prior, provenance);
        Map<String, List<Outcome>> heldOutBySet = new LinkedHashMap<>();
        bySet.entrySet().parallelStream().forEach(entry -> {
            String set = entry.getKey();
            boolean fitted = pairs.stream().anyMatch(pair -> pair.set().equals(set));
            ScoringModel without = fitted ? LogisticFit.fit(Metrics.balanced(pairs.stream().filter(pair -> !pair.set().equals(set)).toList(),
                    PAIRS_PER_CLASS), prior, provenance) : all;
            List<Outcome> rescored = entry.getValue().stream().map(outcome -> outcome.rescored(without)).toList();
            synchronized (heldOutBySet) {
                heldOutBySet.put(set, rescored);
            }
        });
        // the people on no list are judged by the model that ships as well as by the one fitted without them
        List<Outcome> shipped = bySet.getOrDefault(LabelledSets.NEGATIVES, List.of()).stream().map(outcome -> outcome.rescored(all)).toList();
        double threshold = chooseThreshold(heldOutBySet, shipped);
        ScoringModel model = all.refitted(all.intercept(), all.weights(), threshold, provenance);
        List<SetFigures> figures = new ArrayList<>();
        List<Outcome> heldOut = new ArrayList<>();
        for (var entry : bySet.entrySet()) {
            List<Outcome> inSample = entry.getValue().stream().map(outcome -> outcome.rescored(model)).toList();
            List<Outcome> out = heldOutBySet.get(entry.getKey());
            long positives = Metrics.labelledPairs(entry.getValue()).stream().filter(LabelledPair::match).count();
            figures.add(new SetFigures(entry.getKey(), entry.getValue().size(), positives, Metrics.at(inSample, threshold),
                    Metrics.at(out, threshold)));
            heldOut.addAll(out);
        }
        return new Report(model, figures, heldOut, Metrics.balanced(Metrics.labelledPairs(heldOut), Integer.MAX_VALUE));
    }

    /**
     * The threshold with the highest held-out F1, every set counting alike, among those whose
     * held-out precision reaches the floor and that flag few enough people on no list (or the highest
     * F1 of all when none does), to two decimals.
     */
    static double chooseThreshold(Map<String, List<Outcome>> heldOutBySet, List<Outcome> peopleOnNoListAsShipped) {
        List<Outcome> nobody = heldOutBySet.getOrDefault(LabelledSets.NEGATIVES, List.of());
        double best = 0.5;
        double bestF1 = -1;
        boolean bestMeetsFloor = false;
        for (int percent = 20; percent <= 95; percent++) {
            double threshold = percent / 100.0;
            AtThreshold at = Metrics.balancedAt(heldOutBySet, threshold);
            double flagged = Math.max(nobody.isEmpty() ? 0 : 1 - Metrics.rightShare(nobody, threshold),
                    peopleOnNoListAsShipped.isEmpty() ? 0 : 1 - Metrics.rightShare(peopleOnNoListAsShipped, threshold));
            boolean meets = at.precision() >= PRECISION_FLOOR && flagged <= MOST_PEOPLE_FLAGGED;
            if (meets && !bestMeetsFloor || meets == bestMeetsFloor && at.f1() > bestF1) {
                best = threshold;
                bestF1 = at.f1();
                bestMeetsFloor = meets;
            }
        }
        return best;
    }
}

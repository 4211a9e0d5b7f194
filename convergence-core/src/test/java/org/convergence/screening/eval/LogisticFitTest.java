package org.convergence.screening.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.convergence.screening.Scorer;
import org.convergence.screening.ScoringModel;
import org.convergence.screening.eval.Metrics.LabelledPair;
import org.junit.jupiter.api.Test;

class LogisticFitTest {
    private static final int COVERAGE = Scorer.FEATURES.indexOf(Scorer.SIMILARITY);

    /** Pairs whose truth follows a known logistic law of query coverage: p = 1 / (1 + e^-(12 c - 9)). */
    private static List<LabelledPair> pairs(int count, long seed) {
        Random random = new Random(seed);
        List<LabelledPair> pairs = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            double[] features = new double[Scorer.FEATURES.size()];
            features[COVERAGE] = random.nextDouble();
            double p = 1 / (1 + Math.exp(-(12 * features[COVERAGE] - 9)));
            pairs.add(new LabelledPair(0, features, random.nextDouble() < p));
        }
        return pairs;
    }

    @Test
    void theFitRecoversTheLawTheLabelsFollowAndItsScoresAreCalibrated() {
        ScoringModel fitted = LogisticFit.fit(pairs(20_000, 1), ScoringModel.standard(), "test");
        assertEquals(12, fitted.weight(Scorer.SIMILARITY), 1.0);
        assertEquals(-9, fitted.intercept(), 1.0);
        List<LabelledPair> scored = pairs(20_000, 2).stream().map(pair -> new LabelledPair(
                1 / (1 + Math.exp(-(fitted.intercept() + fitted.weight(Scorer.SIMILARITY) * pair.features()[COVERAGE]))), pair.features(),
                pair.match())).toList();
        assertTrue(Metrics.expectedCalibrationError(Metrics.calibration(scored, 10)) < 0.02);
    }

    @Test
    void agreementNeverLowersAScore() {
        int rarity = Scorer.FEATURES.indexOf(Scorer.RARITY);
        List<LabelledPair> pairs = pairs(5_000, 4).stream().map(pair -> {
            double[] features = pair.features().clone();
            features[rarity] = pair.match() ? 0 : 1; // in these pairs, only the wrong ones have rare names
            return new LabelledPair(0, features, pair.match());
        }).toList();
        assertEquals(0.0, LogisticFit.fit(pairs, ScoringModel.standard(), "test").weight(Scorer.RARITY));
    }

    @Test
    void aFeatureTheLabelledPairsNeverShowKeepsItsPriorWeight() {
        ScoringModel prior = ScoringModel.standard();
        ScoringModel fitted = LogisticFit.fit(pairs(2_000, 3), prior, "test");
        assertEquals(prior.weight(Scorer.IDENTIFIER), fitted.weight(Scorer.IDENTIFIER));
        assertEquals(prior.weight(Scorer.SCHEMA_CONFLICT), fitted.weight(Scorer.SCHEMA_CONFLICT));
    }

    @Test
    void aWeightSetByPolicyIsKeptEvenWhenThePairsSayOtherwise() {
        int weak = Scorer.FEATURES.indexOf(Scorer.WEAK_ALIAS);
        List<LabelledPair> pairs = pairs(5_000, 5).stream().map(pair -> {
            double[] features = pair.features().clone();
            features[weak] = pair.match() ? 1 : 0; // in these pairs, weak aliases only ever name the right party
            return new LabelledPair(0, features, pair.match());
        }).toList();
        ScoringModel prior = ScoringModel.standard();
        ScoringModel fitted = LogisticFit.fit(pairs, prior, "test");
        assertTrue(prior.policy().containsKey(Scorer.WEAK_ALIAS));
        assertEquals(prior.weight(Scorer.WEAK_ALIAS), fitted.weight(Scorer.WEAK_ALIAS));
        assertEquals(prior.policy(), fitted.policy());
    }
}

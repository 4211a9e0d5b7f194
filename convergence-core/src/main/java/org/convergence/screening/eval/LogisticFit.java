package org.convergence.screening.eval;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.convergence.screening.Scorer;
import org.convergence.screening.ScoringModel;
import org.convergence.screening.eval.Metrics.LabelledPair;

/**
 * Fits the scoring model's weights to labelled pairs by weighted logistic regression (Newton's
 * method with a small ridge penalty), so that scores are probabilities calibrated on those pairs as
 * weighted (see {@link Metrics#balanced}). A feature the
 * pairs never show (no labelled pair shares an identifier, say) cannot be fitted: it keeps the prior
 * model's weight rather than falling to zero, and the fit holds it fixed, as it holds the weights the
 * model sets by policy ({@link ScoringModel#policy}). Weights keep the sign of
 * their feature ({@link Scorer#PENALTIES} at or below zero, agreement at or above): a feature whose
 * unconstrained weight comes out the other way (an artefact of features that move together) is held
 * at zero and the rest refitted.
 */
public final class LogisticFit {
    private static final int ITERATIONS = 30;
    /**
     * A pull of every feature's weight towards zero, per unit of pair weight: features that move
     * together share the weight, and a feature that alone separates the pairs of a fit (as one set left
     * out can make one) gets a finite weight rather than an infinite one.
     */
    private static final double RIDGE = 1e-4;

    private LogisticFit() {}

    public static ScoringModel fit(List<LabelledPair> allPairs, ScoringModel prior, String provenance) {
        // A name found inside a longer text agrees in full on the run of words that holds it; that agreement is
        // not the name field's, so such pairs do not teach the name-field weights (the text's own weight is policy).
        int inText = Scorer.FEATURES.indexOf(Scorer.IN_TEXT);
        List<LabelledPair> pairs = allPairs.stream().filter(pair -> pair.features()[inText] == 0).toList();
        int n = Scorer.FEATURES.size() + 1;
        double[] w = new double[n];
        boolean[] fixed = new boolean[n];
        for (int i = 1; i < n; i++) {
            int feature = i - 1;
            fixed[i] = prior.policy().containsKey(Scorer.FEATURES.get(feature)) || pairs.stream().allMatch(pair -> pair.features()[feature] == 0);
            w[i] = fixed[i] ? prior.weight(Scorer.FEATURES.get(feature)) : 0;
        }
        for (int round = 0; round < n; round++) {
            newton(pairs, w, fixed);
            boolean violated = false;
            for (int i = 1; i < n; i++) {
                boolean penalty = Scorer.PENALTIES.contains(Scorer.FEATURES.get(i - 1));
                if (!fixed[i] && (penalty ? w[i] > 0 : w[i] < 0)) {
                    fixed[i] = true;
                    w[i] = 0;
                    violated = true;
                }
            }
            if (!violated) {
                break;
            }
        }
        Map<String, Double> weights = new LinkedHashMap<>();
        for (int i = 0; i < Scorer.FEATURES.size(); i++) {
            weights.put(Scorer.FEATURES.get(i), round(w[i + 1]));
        }
        return prior.refitted(round(w[0]), weights, prior.threshold(), provenance);
    }

    /** Newton's method on the weights that are not fixed, in place, each step halved until it lowers the penalised loss. */
    private static void newton(List<LabelledPair> pairs, double[] w, boolean[] fixed) {
        int n = w.length;
        double totalWeight = pairs.stream().mapToDouble(LabelledPair::weight).sum();
        double loss = loss(pairs, w, totalWeight);
        for (int iteration = 0; iteration < ITERATIONS; iteration++) {
            double[] gradient = new double[n];
            double[][] hessian = new double[n][n];
            for (LabelledPair pair : pairs) {
                double[] x = withIntercept(pair.features());
                double p = sigmoid(dot(w, x));
                double y = pair.match() ? 1 : 0;
                double weight = pair.weight();
                for (int i = 0; i < n; i++) {
                    gradient[i] += weight * (p - y) * x[i];
                    for (int j = 0; j < n; j++) {
                        hessian[i][j] += weight * p * (1 - p) * x[i] * x[j];
                    }
                }
            }
            for (int i = 1; i < n; i++) {
                gradient[i] += RIDGE * totalWeight * w[i];
                hessian[i][i] += RIDGE * totalWeight;
            }
            for (int i = 0; i < n; i++) {
                if (fixed[i]) {
                    // a held weight: no gradient, and a unit row so the step for it is zero
                    gradient[i] = 0;
                    java.util.Arrays.fill(hessian[i], 0);
                    for (int j = 0; j < n; j++) {
                        hessian[j][i] = 0;
                    }
                    hessian[i][i] = 1;
                }
            }
            double[] step = solve(hessian, gradient);
            double[] next = new double[n];
            double nextLoss = Double.POSITIVE_INFINITY;
            for (int halving = 0; halving < 20; halving++) {
                for (int i = 0; i < n; i++) {
                    next[i] = w[i] - step[i];
                }
                nextLoss = loss(pairs, next, totalWeight);
                if (nextLoss <= loss) {
                    break;
                }
                for (int i = 0; i < n; i++) {
                    step[i] /= 2;
                }
            }
            if (!(nextLoss <= loss)) {
                break;
            }
            double change = 0;
            for (int i = 0; i < n; i++) {
                change = Math.max(change, Math.abs(next[i] - w[i]));
            }
            System.arraycopy(next, 0, w, 0, n);
            loss = nextLoss;
            if (change < 1e-6) {
                break;
            }
        }
    }

    /** The weighted log-loss of the pairs, with the ridge penalty on the features' weights. */
    private static double loss(List<LabelledPair> pairs, double[] w, double totalWeight) {
        double loss = 0;
        for (LabelledPair pair : pairs) {
            double z = dot(w, withIntercept(pair.features()));
            // log(1 + e^z) - y z, written so that it neither overflows nor loses precision
            loss += pair.weight() * (Math.max(z, 0) + Math.log1p(Math.exp(-Math.abs(z))) - (pair.match() ? z : 0));
        }
        double penalty = 0;
        for (int i = 1; i < w.length; i++) {
            penalty += w[i] * w[i];
        }
        return loss + RIDGE * totalWeight * penalty / 2;
    }

    private static double round(double value) {
        return Math.round(value * 10_000) / 10_000.0;
    }

    private static double[] withIntercept(double[] features) {
        double[] x = new double[features.length + 1];
        x[0] = 1;
        System.arraycopy(features, 0, x, 1, features.length);
        return x;
    }

    private static double dot(double[] a, double[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += a[i] * b[i];
        }
        return sum;
    }

    private static double sigmoid(double z) {
        return 1 / (1 + Math.exp(-z));
    }

    /** Solves A x = b by Gaussian elimination with partial pivoting (A is small and, with the ridge, positive definite). */
    static double[] solve(double[][] a, double[] b) {
        int n = b.length;
        double[][] m = new double[n][];
        for (int i = 0; i < n; i++) {
            m[i] = java.util.Arrays.copyOf(a[i], n + 1);
            m[i][n] = b[i];
        }
        for (int col = 0; col < n; col++) {
            int pivot = col;
            for (int row = col + 1; row < n; row++) {
                if (Math.abs(m[row][col]) > Math.abs(m[pivot][col])) {
                    pivot = row;
                }
            }
            double[] swap = m[col];
            m[col] = m[pivot];
            m[pivot] = swap;
            for (int row = col + 1; row < n; row++) {
                double factor = m[row][col] / m[col][col];
                for (int k = col; k <= n; k++) {
                    m[row][k] -= factor * m[col][k];
                }
            }
        }
        double[] x = new double[n];
        for (int row = n - 1; row >= 0; row--) {
            double sum = m[row][n];
            for (int k = row + 1; k < n; k++) {
                sum -= m[row][k] * x[k];
            }
            x[row] = sum / m[row][row];
        }
        return x;
    }
}

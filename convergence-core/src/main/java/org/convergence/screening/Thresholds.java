package org.convergence.screening;

import org.convergence.ConvergenceException;
import org.convergence.ErrorCategory;

/**
 * The two scores a screening request is answered at, with yente's meaning of both, the same in the
 * API, the command line, the workbench and the audit record: {@code threshold} decides whether a
 * result is a match; {@code cutoff} is the lowest score returned at all.
 *
 * @param threshold a result scoring at least this is a match
 * @param cutoff results scoring below this are not returned
 */
public record Thresholds(double threshold, double cutoff) {
    /** yente's default cutoff: weaker results are noise to a reviewer. */
    public static final double DEFAULT_CUTOFF = 0.5;
    /**
     * The cutoff of a lookup (searching by name, suggesting as one types), which lists weak results
     * too, best first: below this, a result shares at most a common word with the query.
     */
    public static final double LOOKUP_CUTOFF = 0.01;

    public Thresholds {
        check("threshold", threshold);
        check("cutoff", cutoff);
    }

    /** The scoring model's threshold, chosen on held-out figures, and the default cutoff. */
    public static Thresholds of(ScoringModel model) {
        return new Thresholds(model.threshold(), DEFAULT_CUTOFF);
    }

    /** These thresholds with a lookup's cutoff. */
    public Thresholds forLookup() {
        return new Thresholds(threshold, LOOKUP_CUTOFF);
    }

    public Thresholds withCutoff(double cutoff) {
        return new Thresholds(threshold, cutoff);
    }

    private static void check(String name, double value) {
        if (!(value >= 0 && value <= 1)) {
            throw new ConvergenceException(ErrorCategory.INVALID_INPUT, name + " is a score from 0 to 1, got " + value);
        }
    }
}

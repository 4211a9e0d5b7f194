package org.convergence.screening.compare;

/**
 * How much a name part says about who is meant, by its romanisation key: a rare surname says much,
 * Mohammed or University little. The index knows how often each part occurs in the lists.
 */
@FunctionalInterface
public interface TokenWeights {
    /** Every part counts alike (for scoring two names with no index at hand). */
    TokenWeights UNIFORM = key -> 1.0;

    /** A factor of about 0.2 (common, or a weak word) to 1.25 (unseen). */
    double of(String key);
}

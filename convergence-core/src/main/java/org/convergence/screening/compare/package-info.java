/**
 * What screening compares, one home per kind of value, as nomenklatura's {@code matching/compare}
 * is laid out: names ({@link org.convergence.screening.compare.NameAlignment}, part by part with
 * {@link org.convergence.screening.compare.PartSimilarity}), dates, countries and identifiers. Each
 * comparison says how much two values agree and why; the {@link org.convergence.screening.Scorer}
 * turns the comparisons into features and the scoring model into a score. Nothing here reads the store
 * or the index.
 */
package org.convergence.screening.compare;

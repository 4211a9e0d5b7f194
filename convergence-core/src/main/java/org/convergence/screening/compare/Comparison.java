package org.convergence.screening.compare;

/**
 * One property compared: a value from -1 (conflict) through 0 (says nothing) to 1 (agreement), and the
 * values compared, for a reviewer ("1970-05-01 vs 1970").
 */
public record Comparison(double value, String detail) {}

package org.convergence.screening;

/**
 * One piece of evidence in a score: its name, its value (0 to 1, or -1 for a conflict), and a short
 * detail a reviewer can check ("vladimir putin ~ vladimir vladimirovich putin").
 */
public record Feature(String name, double value, String detail) {}

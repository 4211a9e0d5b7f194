package org.convergence.screening.compare;

import java.util.Set;

/**
 * Dates of birth, incorporation or build compared: the same full date agrees (1), the same at the
 * precision of the vaguer one (a year against a full date of that year) agrees less (0.7), dates a
 * year apart say nothing (a date of birth is often off by one), dates further apart conflict (-1).
 */
public final class Dates {
    private Dates() {}

    /** The comparison of the best-agreeing pair of dates, or null when either side has none. */
    public static Comparison compare(Set<String> query, Set<String> candidate) {
        if (query.isEmpty() || candidate.isEmpty()) {
            return null;
        }
        double best = -1;
        String bestQuery = null;
        String bestCandidate = null;
        for (String a : query) {
            for (String b : candidate) {
                int precision = Math.min(a.length(), b.length());
                double value = a.equals(b) && a.length() >= 10 ? 1 : a.regionMatches(0, b, 0, precision) ? 0.7
                        : Math.abs(year(a) - year(b)) <= 1 ? 0 : -1;
                if (bestQuery == null || value > best) {
                    best = value;
                    bestQuery = a;
                    bestCandidate = b;
                }
            }
        }
        return new Comparison(best, bestQuery + " vs " + bestCandidate);
    }

    private static int year(String date) {
        try {
            return Integer.parseInt(date.substring(0, 4));
        } catch (NumberFormatException e) {
            return Integer.MIN_VALUE / 2;
        }
    }
}

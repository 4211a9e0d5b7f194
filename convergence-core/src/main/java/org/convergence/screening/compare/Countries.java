package org.convergence.screening.compare;

import java.util.Set;

/**
 * Countries compared (nationality, citizenship, jurisdiction, country: every country-typed property):
 * one in common agrees (1); none in common conflicts (-1), since a party's countries are few.
 */
public final class Countries {
    private Countries() {}

    /** The comparison, or null when either side states no country. */
    public static Comparison compare(Set<String> query, Set<String> candidate) {
        if (query.isEmpty() || candidate.isEmpty()) {
            return null;
        }
        for (String country : query) {
            if (candidate.contains(country)) {
                return new Comparison(1, country);
            }
        }
        return new Comparison(-1, query + " vs " + candidate);
    }
}

package org.convergence.screening.compare;

import java.util.Set;

/**
 * Identifiers compared (passport, tax, registration, IMO numbers: every identifier-typed property, as
 * letters and digits in upper case): one in common agrees (1). Different identifiers say nothing,
 * since a party has many and lists give few of them.
 */
public final class Identifiers {
    private Identifiers() {}

    /** The agreement, or null when no identifier is shared. */
    public static Comparison compare(Set<String> query, Set<String> candidate) {
        for (String id : query) {
            if (candidate.contains(id)) {
                return new Comparison(1, "identifier " + id);
            }
        }
        return null;
    }
}

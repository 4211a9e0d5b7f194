package org.convergence.web;

import java.util.List;
import org.convergence.screening.Feature;

/**
 * The screening page: the form as filled in, and after a request its results with the features behind
 * each score, and the audit request they are recorded under.
 */
public record ScreenPage(String name, String schema, List<String> schemata, String birthDate, String country, String error, Long requestId,
        String minScore, List<Result> results, String decided) {

    /** One listed entity found, with its score and explanation. */
    public record Result(String id, String caption, String schema, String dataset, String score, boolean match, List<Feature> features) {}

    static final List<String> SCHEMATA = List.of("Person", "Organization", "Company", "LegalEntity", "Vessel");

    static ScreenPage empty() {
        return new ScreenPage("", "Person", SCHEMATA, "", "", null, null, null, List.of(), null);
    }
}

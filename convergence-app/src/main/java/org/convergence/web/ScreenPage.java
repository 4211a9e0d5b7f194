package org.convergence.web;

import java.util.List;
import org.convergence.screening.Feature;

/**
 * The screening page: the form as filled in, and after a request its results with the features behind
 * each score, the audit request they are recorded under and the link to download them; or the outcome
 * of a decision; or why an uploaded file was not screened.
 *
 * @param cutoff the lowest score shown (see {@code Thresholds}), as written on the page
 * @param download the link to the results as CSV, or null
 * @param batchError why an uploaded file was not screened, or null
 */
public record ScreenPage(String name, String schema, List<String> schemata, String birthDate, String country, String error, Long requestId,
        String cutoff, List<Result> results, String download, String decided, String batchError) {

    public ScreenPage {
        schemata = List.copyOf(schemata);
        results = List.copyOf(results);
    }

    /** One listed entity found, with its score and explanation. */
    public record Result(String id, String caption, String schema, String dataset, String score, boolean match, List<Feature> features) {
        public Result {
            features = List.copyOf(features);
        }
    }

    static final List<String> SCHEMATA = List.of("Person", "Organization", "Company", "LegalEntity", "Vessel");

    static ScreenPage empty() {
        return new ScreenPage("", "Person", SCHEMATA, "", "", null, null, null, List.of(), null, null, null);
    }

    static ScreenPage decided(String message) {
        return new ScreenPage("", "Person", SCHEMATA, "", "", null, null, null, List.of(), null, message, null);
    }

    static ScreenPage batchError(String message) {
        return new ScreenPage("", "Person", SCHEMATA, "", "", null, null, null, List.of(), null, null, message);
    }
}

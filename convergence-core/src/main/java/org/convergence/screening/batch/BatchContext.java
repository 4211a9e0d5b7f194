package org.convergence.screening.batch;

import java.time.Instant;
import java.util.List;
import org.convergence.screening.ScoringModel;
import org.convergence.screening.Thresholds;
import org.convergence.screening.audit.Requester;

/**
 * What a batch run is, for the heads of its outputs.
 *
 * @param file the input file's name
 * @param input how the input's columns were read ({@link BatchInput#describe()})
 * @param requester who screened, and in which workspace
 * @param started when the run started
 * @param scope the scope screened, as {@code Scope.Spec#label()} writes it
 * @param limit the most results per row
 * @param thresholds the score from which a result is a match, and the lowest score reported
 * @param listVersions the dataset versions in the index when the run started
 * @param model the scoring model, whose weights rank the features of an explanation
 */
public record BatchContext(String file, String input, Requester requester, Instant started, String scope, int limit, Thresholds thresholds,
        List<String> listVersions, ScoringModel model) {
    public BatchContext {
        listVersions = List.copyOf(listVersions);
    }
}

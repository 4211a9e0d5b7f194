package org.convergence.screening.audit;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.convergence.screening.Scope;
import org.convergence.screening.Screener;
import org.convergence.screening.Thresholds;

/**
 * One screening request as the audit log records it.
 *
 * @param requestedAt when it was asked (kept to the microsecond, as both stores keep it)
 * @param requester who asked, and in which workspace
 * @param query what was asked
 * @param scope the scope asked for, as {@link Scope.Spec#label()} writes it ("all", "all +ca-sema")
 * @param limit the most results asked for
 * @param thresholds the threshold the results' match flags were set at, and the cutoff below which none was returned
 * @param listVersions the dataset versions of the index that answered, e.g. {@code ca-sema@3}
 * @param source where the query came from (a file and row, an API client), or null
 * @param error why the request was rejected without screening, or null when it was screened
 */
public record ScreeningRequest(Instant requestedAt, Requester requester, Screener.Query query, String scope, int limit, Thresholds thresholds,
        List<String> listVersions, String source, String error) {

    public ScreeningRequest {
        requestedAt = requireNonNull(requestedAt, "requestedAt is null").truncatedTo(ChronoUnit.MICROS);
        requireNonNull(requester, "requester is null");
        requireNonNull(query, "query is null");
        requireNonNull(scope, "scope is null");
        requireNonNull(thresholds, "thresholds is null");
        listVersions = List.copyOf(listVersions);
    }
}

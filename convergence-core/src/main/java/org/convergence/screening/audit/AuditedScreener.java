package org.convergence.screening.audit;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.convergence.ConvergenceException;
import org.convergence.ErrorCategory;
import org.convergence.screening.Scope;
import org.convergence.screening.Screener;
import org.convergence.screening.ScreeningIndex;
import org.convergence.screening.Thresholds;
import org.convergence.store.DatasetVersion;

/**
 * Screening through the audit log, for every caller (the command line, the HTTP API): each request is
 * recorded with the list versions that answered it, its results and the workspace it was made in, and a
 * result the same query (by content) was decided a false positive on in that workspace is returned flagged
 * suppressed, as long as the listed entity's content is what it was when the decision was made. A rejected request (no name, an unknown
 * scope, an over-long value) is recorded with its error before the error is thrown. Thread-safe.
 */
public final class AuditedScreener {
    /**
     * The longest property value screened. Real names are far shorter; a longer value is a column
     * mapped wrongly or a pasted document, and would make a query of thousands of name parts.
     */
    public static final int MAX_VALUE_LENGTH = 1_000;
    /** How much of a rejected over-long value the log keeps. */
    private static final int KEPT_OF_LONG_VALUE = 200;

    private final Screener screener;
    private final AuditLog log;

    public AuditedScreener(Screener screener, AuditLog log) {
        this.screener = requireNonNull(screener, "screener is null");
        this.log = requireNonNull(log, "log is null");
    }

    /**
     * One answered request.
     *
     * @param requestId the audit log's id of the request, for decisions
     * @param listVersions the dataset versions that answered, e.g. {@code ca-sema@3}
     * @param results every result, best first, suppressed ones included and flagged
     */
    public record Screening(long requestId, List<String> listVersions, List<AuditedResult> results) {
        public Screening {
            listVersions = List.copyOf(listVersions);
            results = List.copyOf(results);
        }

        /** The results to show: those not suppressed as known false positives. */
        public List<AuditedResult> raised() {
            return results.stream().filter(result -> !result.suppressed()).toList();
        }

        public int suppressedCount() {
            return results.size() - raised().size();
        }
    }

    /**
     * Screens a query as {@link Screener#match} does and records the request: one request, one record,
     * however many datasets the scope holds.
     *
     * @param scope the scope as asked for, resolved here against the index that answers
     * @param thresholds the threshold that sets the match flags (recorded as answered) and the cutoff
     * @param requester who asks, and in which workspace (recorded; false positives decided in that workspace are suppressed)
     * @param source where the query comes from, e.g. "customers.csv row 17", or null
     * @throws ConvergenceException INVALID_INPUT for a query without schema, name or identifier, or with a value
     *     longer than {@link #MAX_VALUE_LENGTH}, or an unknown dataset to include or
     *     exclude; NOT_FOUND for an unknown scope
     */
    public Screening screen(Screener.Query query, Scope.Spec scope, int limit, Thresholds thresholds, Requester requester, String source) {
        Instant asked = Instant.now();
        ScreeningIndex index = screener.current();
        List<String> versions = index.versions().stream().map(DatasetVersion::label).sorted().toList();
        List<Screener.Result> results;
        try {
            check(query);
            results = screener.match(index, query, Scope.resolve(scope, index.versions()), limit, thresholds);
        } catch (ConvergenceException e) {
            log.record(new ScreeningRequest(asked, requester, recordable(query), scope.label(), limit, thresholds, versions, source,
                    e.getMessage()), List.of());
            throw e;
        }
        List<AuditedResult> audited = flagKnownFalsePositives(query, results, requester.workspace());
        long id = log.record(new ScreeningRequest(asked, requester, query, scope.label(), limit, thresholds, versions, source, null), audited);
        return new Screening(id, versions, audited);
    }

    /**
     * Screens a query as {@link #screen} does, known false positives flagged alike, without recording it: for
     * lookups that anyone's browser may be made to send (a reconciliation GET from an {@code <img>} on any page),
     * which must not fill the audit log.
     *
     * @param workspace the workspace whose false positives are suppressed; null for those decided outside any
     *
     * @throws ConvergenceException as {@link #screen} does
     */
    public List<AuditedResult> lookUp(Screener.Query query, Scope.Spec scope, int limit, Thresholds thresholds, String workspace) {
        ScreeningIndex index = screener.current();
        check(query);
        return flagKnownFalsePositives(query, screener.match(index, query, Scope.resolve(scope, index.versions()), limit, thresholds), workspace);
    }

    private List<AuditedResult> flagKnownFalsePositives(Screener.Query query, List<Screener.Result> results, String workspace) {
        Map<String, AuditLog.LatestDecision> decisions = results.isEmpty() ? Map.of() : log.latestDecisions(ContentHash.query(query), workspace);
        List<AuditedResult> audited = new ArrayList<>(results.size());
        for (Screener.Result result : results) {
            String entityHash = ContentHash.entity(result.entity());
            AuditLog.LatestDecision decision = decisions.get(result.entity().screened().id());
            boolean suppressed = decision != null && decision.decision() == Decision.FALSE_POSITIVE && decision.entityHash().equals(entityHash);
            audited.add(new AuditedResult(result, entityHash, suppressed));
        }
        return audited;
    }

    private static void check(Screener.Query query) {
        if (query.schema() == null || query.properties() == null) {
            throw new ConvergenceException(ErrorCategory.INVALID_INPUT, "the query needs a schema and properties, e.g. "
                    + "{\"schema\": \"Person\", \"properties\": {\"name\": [\"...\"]}}");
        }
        query.properties().forEach((property, values) -> {
            if (values == null) {
                throw new ConvergenceException(ErrorCategory.INVALID_INPUT, "property '" + property + "' has no list of values");
            }
            for (String value : values) {
                if (value != null && value.length() > MAX_VALUE_LENGTH) {
                    throw new ConvergenceException(ErrorCategory.INVALID_INPUT, "property '" + property + "' has a value of "
                            + String.format("%,d", value.length()) + " characters; at most " + String.format("%,d", MAX_VALUE_LENGTH)
                            + " are screened [Hint: is the right column mapped to it?]");
                }
            }
        });
    }

    /** The query as the log keeps it: over-long values cut to their start and length, so that a rejected document stays small. */
    private static Screener.Query recordable(Screener.Query query) {
        Map<String, List<String>> properties = new LinkedHashMap<>();
        if (query.properties() != null) {
            query.properties().forEach((property, values) -> properties.put(property, values == null ? List.of() : values.stream()
                    .map(value -> value != null && value.length() > MAX_VALUE_LENGTH
                            ? value.substring(0, KEPT_OF_LONG_VALUE) + "… (" + value.length() + " characters)" : value)
                    .toList()));
        }
        return new Screener.Query(query.id(), query.schema() == null ? "" : query.schema(), properties);
    }
}

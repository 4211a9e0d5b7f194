package org.convergence.screening.audit;

import static java.util.Objects.requireNonNull;

import org.convergence.screening.Screener;

/**
 * A screening result as recorded: the result, the fingerprint of the listed entity's content it was
 * scored against, and whether a known false positive kept it from being raised.
 */
public record AuditedResult(Screener.Result result, String entityHash, boolean suppressed) {
    public AuditedResult {
        requireNonNull(result, "result is null");
        requireNonNull(entityHash, "entityHash is null");
    }

    public String entityId() {
        return result.entity().screened().id();
    }
}

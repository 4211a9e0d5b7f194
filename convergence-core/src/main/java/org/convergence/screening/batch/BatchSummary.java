package org.convergence.screening.batch;

import java.time.Duration;

/**
 * The counts of a batch run.
 *
 * @param rows rows read
 * @param rowsWithHits rows with at least one result raised
 * @param hits results raised
 * @param suppressed results not raised because they are known false positives
 * @param errors rows not screened (unreadable, or the query rejected)
 * @param firstRequestId the lowest audit request id of the run, 0 when none
 * @param lastRequestId the highest audit request id of the run, 0 when none
 * @param elapsed the run's wall-clock time
 */
public record BatchSummary(long rows, long rowsWithHits, long hits, long suppressed, long errors, long firstRequestId, long lastRequestId,
        Duration elapsed) {

    public double rowsPerSecond() {
        return rows / Math.max(elapsed.toNanos() / 1e9, 1e-9);
    }
}

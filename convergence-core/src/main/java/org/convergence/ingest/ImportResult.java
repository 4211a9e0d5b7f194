package org.convergence.ingest;

import java.time.Duration;
import java.util.List;
import org.convergence.InvalidRecordException;
import org.convergence.store.DatasetVersion;

/**
 * The outcome of an import that did not fail.
 *
 * @param version the dataset version that now holds the data (the previous one when unchanged)
 * @param unchanged true when the source was identical to the latest version and nothing was written
 * @param entities entities written
 * @param statements statements written
 * @param skipped records skipped as invalid (only with skip-invalid), with where and why
 * @param skippedCount the number of skipped records (skipped may list only the first ones)
 * @param elapsed how long the import took
 */
public record ImportResult(
        DatasetVersion version,
        boolean unchanged,
        long entities,
        long statements,
        List<InvalidRecordException> skipped,
        long skippedCount,
        Duration elapsed) {

    public ImportResult {
        skipped = List.copyOf(skipped);
    }

    public double entitiesPerSecond() {
        double seconds = elapsed.toNanos() / 1e9;
        return seconds == 0 ? entities : entities / seconds;
    }
}

package org.convergence.screening.batch;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.convergence.ConvergenceException;
import org.convergence.ErrorCategory;
import org.convergence.ingest.ImportProgress;
import org.convergence.screening.Scope;
import org.convergence.screening.Screener;
import org.convergence.screening.Thresholds;
import org.convergence.screening.audit.AuditLog;
import org.convergence.screening.audit.AuditedScreener;
import org.convergence.screening.audit.Requester;
import org.convergence.store.DatasetVersion;

/**
 * Screens a file row by row through the audit log and writes every output as it goes, in input
 * order. Rows are screened on several threads, through {@link RowsInOrder}.
 */
public final class BatchScreening {

    private final Screener screener;
    private final AuditedScreener audited;

    public BatchScreening(Screener screener, AuditLog log) {
        this.screener = requireNonNull(screener, "screener is null");
        this.audited = new AuditedScreener(screener, log);
    }

    /**
     * How to screen.
     *
     * @param scope where to screen ("all", a dataset, narrowed by included or excluded datasets)
     * @param limit the most results per row
     * @param thresholds the score from which a result is a match, and the lowest score reported
     * @param requester who screens, and in which workspace (recorded with every request)
     * @param threads rows screened at once
     */
    public record Settings(Scope.Spec scope, int limit, Thresholds thresholds, Requester requester, int threads) {
        public Settings {
            requireNonNull(scope, "scope is null");
            requireNonNull(thresholds, "thresholds is null");
            requireNonNull(requester, "requester is null");
            if (limit < 1) {
                throw new ConvergenceException(ErrorCategory.INVALID_INPUT, "the limit must be at least 1, got " + limit);
            }
            if (threads < 1) {
                throw new ConvergenceException(ErrorCategory.INVALID_INPUT, "threads must be at least 1, got " + threads);
            }
        }
    }

    /**
     * Screens every row of the input. When the input turns out malformed part-way, the rows before it
     * are written and the outputs finished before the error is thrown.
     *
     * @throws ConvergenceException NOT_FOUND for an unknown scope or a store without lists; INVALID_INPUT for a malformed line
     */
    public BatchSummary run(BatchInput input, String file, Settings settings, List<ResultWriter> writers, ImportProgress progress) {
        long started = System.nanoTime();
        List<String> versions = check(settings);
        BatchContext context = new BatchContext(file, input.describe(), settings.requester(), Instant.now(), settings.scope().label(), settings.limit(),
                settings.thresholds(), versions, screener.scorer().model());
        writers.forEach(writer -> writer.start(context));
        Totals totals = new Totals();
        try {
            RowsInOrder.run(input, settings.threads(), "screen", row -> screen(row, settings), outcome -> {
                totals.add(outcome);
                writers.forEach(writer -> writer.write(outcome));
            }, progress);
        } catch (RuntimeException e) {
            finish(writers, totals, started);
            throw e;
        }
        return finish(writers, totals, started);
    }

    /**
     * Checks that the settings can be run against the store, so that a caller can do so before it creates outputs.
     *
     * @return the list versions screened against, e.g. {@code ca-sema@3}
     * @throws ConvergenceException NOT_FOUND for an unknown scope or a store without lists; INVALID_INPUT for an
     *     unknown dataset to include or exclude
     */
    public List<String> check(Settings settings) {
        List<DatasetVersion> versions = screener.current().versions();
        if (versions.isEmpty()) {
            throw new ConvergenceException(ErrorCategory.NOT_FOUND,
                    "the store has no lists to screen against [Hint: import one first, e.g. 'convergence lists import ca-sema FILE']");
        }
        Scope.resolve(settings.scope(), versions);
        return versions.stream().map(DatasetVersion::label).sorted().toList();
    }

    /** One row through the audited screener; a query it rejects is the row's error, not the run's. */
    private RowOutcome screen(BatchRow row, Settings settings) {
        if (row.error() != null) {
            return new RowOutcome(row, null, row.error());
        }
        try {
            return new RowOutcome(row, audited.screen(row.query(), settings.scope(), settings.limit(), settings.thresholds(), settings.requester(),
                    row.location()), null);
        } catch (ConvergenceException e) {
            if (e.category() != ErrorCategory.INVALID_INPUT) {
                throw e;
            }
            return new RowOutcome(row, null, e.getMessage());
        }
    }

    private static BatchSummary finish(List<ResultWriter> writers, Totals totals, long started) {
        BatchSummary summary = totals.summary(Duration.ofNanos(System.nanoTime() - started));
        writers.forEach(writer -> writer.finish(summary));
        return summary;
    }

    /** The running counts; touched by the writing thread only. */
    private static final class Totals {
        long rows;
        long rowsWithHits;
        long hits;
        long suppressed;
        long errors;
        long firstRequest = Long.MAX_VALUE;
        long lastRequest;

        void add(RowOutcome outcome) {
            rows++;
            int raised = outcome.hits().size();
            hits += raised;
            rowsWithHits += raised > 0 ? 1 : 0;
            suppressed += outcome.suppressed();
            errors += outcome.error() != null ? 1 : 0;
            if (outcome.screening() != null) {
                firstRequest = Math.min(firstRequest, outcome.screening().requestId());
                lastRequest = Math.max(lastRequest, outcome.screening().requestId());
            }
        }

        BatchSummary summary(Duration elapsed) {
            return new BatchSummary(rows, rowsWithHits, hits, suppressed, errors, lastRequest == 0 ? 0 : firstRequest, lastRequest, elapsed);
        }
    }
}

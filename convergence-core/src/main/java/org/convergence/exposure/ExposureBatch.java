package org.convergence.exposure;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.List;
import org.convergence.ConvergenceException;
import org.convergence.ErrorCategory;
import org.convergence.ingest.ImportProgress;
import org.convergence.screening.Scope;
import org.convergence.screening.batch.BatchInput;
import org.convergence.screening.batch.BatchRow;
import org.convergence.screening.batch.RowsInOrder;
import org.convergence.store.DatasetVersion;

/** The exposure check of a file of partners, row by row on several threads, each report written in input order as it goes. */
public final class ExposureBatch {
    private final ExposureCheck check;

    public ExposureBatch(ExposureCheck check) {
        this.check = requireNonNull(check, "check is null");
    }

    /**
     * Checks every row of the input. When the input turns out malformed part-way, the rows before it
     * are written and the reports finished before the error is thrown.
     *
     * @param versions the dataset versions checked against, for the reports' heads
     * @throws ConvergenceException INVALID_INPUT for a malformed line; NOT_FOUND for a store without lists
     */
    public ExposureReport.Summary run(BatchInput input, String file, ExposureCheck.Settings settings, int threads, List<DatasetVersion> versions,
            List<ExposureReport> reports, ImportProgress progress) {
        if (versions.isEmpty()) {
            throw new ConvergenceException(ErrorCategory.NOT_FOUND,
                    "the store has no lists to check against [Hint: import them first, e.g. 'scripts/import-shared-lists' or 'convergence lists import ca-nro FILE']");
        }
        long started = System.nanoTime();
        ExposureReport.Context context = new ExposureReport.Context(file, input.describe(), settings.requester().describe(), settings.scope().label(), settings.hops(),
                versions.stream().map(DatasetVersion::label).sorted().toList());
        reports.forEach(report -> report.start(context));
        long[] totals = new long[4];
        try {
            RowsInOrder.run(input, threads, "exposure", row -> check(row, settings), exposure -> {
                totals[exposure.error() != null ? 3 : exposure.tier().ordinal()]++;
                reports.forEach(report -> report.write(exposure));
            }, progress);
        } catch (RuntimeException e) {
            // the rows before a malformed line are written, and the reports finished, before the error goes on
            ExposureReport.Summary partial = summary(totals, started);
            reports.forEach(report -> report.finish(partial));
            throw e;
        }
        ExposureReport.Summary summary = summary(totals, started);
        reports.forEach(report -> report.finish(summary));
        return summary;
    }

    private Exposure check(BatchRow row, ExposureCheck.Settings settings) {
        if (row.error() != null) {
            return Exposure.notChecked(row.row(), "", row.error());
        }
        return check.check(row.row(), row.location(), row.query(), settings);
    }

    private static ExposureReport.Summary summary(long[] totals, long started) {
        long rows = totals[0] + totals[1] + totals[2] + totals[3];
        return new ExposureReport.Summary(rows, totals[0], totals[1], totals[2], totals[3], Duration.ofNanos(System.nanoTime() - started));
    }
}

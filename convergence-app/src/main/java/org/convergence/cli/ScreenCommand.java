package org.convergence.cli;

import java.io.FilterWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.convergence.ConvergenceException;
import org.convergence.ErrorCategory;
import org.convergence.model.ConvergenceModel;
import org.convergence.screening.Scope;
import org.convergence.screening.Screener;
import org.convergence.screening.Thresholds;
import org.convergence.screening.ScoringModel;
import org.convergence.screening.audit.AuditLog;
import org.convergence.screening.audit.Requester;
import org.convergence.screening.batch.BatchInput;
import org.convergence.screening.batch.BatchScreening;
import org.convergence.screening.batch.BatchSummary;
import org.convergence.screening.batch.CsvResultWriter;
import org.convergence.screening.batch.HtmlReport;
import org.convergence.screening.batch.JsonLinesResultWriter;
import org.convergence.screening.batch.ResultWriter;
import org.convergence.store.StatementStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code convergence screen FILE}: batch screening of a file of parties, through the audit log. */
@Command(name = "screen", mixinStandardHelpOptions = true,
        description = {"Screen a CSV or JSON lines file of parties against the lists in the store, row by row, streamed.",
                "Every row's request and results are recorded in the audit log; results an analyst decided are false positives "
                        + "are not raised again while the listed entity is unchanged.",
                "Output: one row per input row and hit (row, input name, request id, matched id, caption, dataset, score, match, "
                        + "top features, notes)."})
final class ScreenCommand implements Callable<Integer> {
    @ParentCommand
    ConvergenceCommand root;

    @Spec
    CommandSpec spec;

    @Mixin
    RowFileOptions options;

    @Parameters(paramLabel = "FILE", description = "The parties: CSV with a header row, or JSON lines (FtM-style or flat objects).")
    Path file;

    @Option(names = "--format", paramLabel = "csv|jsonl", description = "The input's format (default: from the file name).")
    String format;

    @Option(names = "--schema", paramLabel = "NAME",
            description = "The FtM schema of the rows (default: Person when a column gives a birth date or nationality, else LegalEntity).")
    String schema;

    @Option(names = "--threshold", paramLabel = "SCORE",
            description = "A result scoring at least this is a match, 0 to 1 (default: the scoring model's threshold).")
    Double threshold;

    @Option(names = "--cutoff", paramLabel = "SCORE",
            description = "Report results scoring at least this, 0 to 1 (default: the threshold, so that only matches are reported).")
    Double cutoff;

    @Option(names = "--limit", defaultValue = "5", paramLabel = "N", description = "The most results per row (default: ${DEFAULT-VALUE}).")
    int limit;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE",
            description = "Write the results to FILE, CSV or JSON lines by its extension (default: CSV on standard output).")
    Path output;

    @Option(names = "--html", paramLabel = "FILE", description = "Also write a readable HTML report with the explanation of every hit.")
    Path html;

    @Override
    public Integer call() throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        ConvergenceModel model = ConvergenceModel.standard();
        BatchInput.Format inputFormat = format == null ? BatchInput.Format.of(file) : parseFormat(format);
        BatchInput.Format resultFormat = output == null ? BatchInput.Format.CSV : outputFormat(output);
        Thresholds defaults = Thresholds.of(ScoringModel.standard());
        double matchFrom = threshold != null ? threshold : defaults.threshold();
        BatchScreening.Settings settings = new BatchScreening.Settings(Scope.Spec.of(options.scope), limit,
                new Thresholds(matchFrom, cutoff != null ? cutoff : matchFrom), Requester.outsideWorkspaces(AuditUser.resolve(options.user)),
                options.threads());
        // The input first: a wrong column mapping is reported before the index is built; outputs are created once all is checked.
        try (BatchInput input = BatchInput.open(file, inputFormat, options.columns, schema, options.skipInvalid, model);
                StatementStore store = root.openStore();
                Screener screener = Screener.open(store)) {
            BatchScreening batch = new BatchScreening(screener, AuditLog.of(store));
            batch.check(settings);
            try (Writer results = output == null ? nonClosing(spec.commandLine().getOut()) : open(output);
                    Writer report = html == null ? null : open(html)) {
                List<ResultWriter> writers = new ArrayList<>();
                writers.add(resultFormat == BatchInput.Format.CSV ? new CsvResultWriter(results) : new JsonLinesResultWriter(results));
                if (report != null) {
                    writers.add(new HtmlReport(report));
                }
                err.println("reading " + file.getFileName() + ": " + input.describe());
                ProgressBar progress = new ProgressBar(err, "screening " + file.getFileName());
                BatchSummary summary;
                try {
                    summary = batch.run(input, file.getFileName().toString(), settings, writers, progress);
                } finally {
                    progress.finish();
                }
                PrintWriter summaryOut = output == null ? err : spec.commandLine().getOut();
                summaryOut.println(describe(summary));
                summaryOut.flush();
            }
        } catch (UncheckedIOException e) {
            throw new ConvergenceException(ErrorCategory.INVALID_INPUT, "cannot write the results: " + e.getCause().getMessage(), e);
        }
        return 0;
    }

    static String describe(BatchSummary summary) {
        return String.format(Locale.ROOT, "screened %,d rows in %.1f s (%,.0f rows/s): %,d with hits (%,d hits), %,d known false positives"
                        + " not raised, %,d not screened; audit requests %s", summary.rows(), summary.elapsed().toNanos() / 1e9,
                summary.rowsPerSecond(), summary.rowsWithHits(), summary.hits(), summary.suppressed(), summary.errors(),
                summary.firstRequestId() == 0 ? "none" : summary.firstRequestId() + " to " + summary.lastRequestId());
    }

    static BatchInput.Format parseFormat(String name) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "csv" -> BatchInput.Format.CSV;
            case "jsonl", "json", "ndjson" -> BatchInput.Format.JSONL;
            default -> throw new ConvergenceException(ErrorCategory.INVALID_INPUT, "unknown format '" + name + "': use csv or jsonl");
        };
    }

    private static BatchInput.Format outputFormat(Path output) {
        try {
            return BatchInput.Format.of(output);
        } catch (ConvergenceException e) {
            throw new ConvergenceException(ErrorCategory.INVALID_INPUT,
                    "cannot tell the output format of " + output.getFileName() + ": name it .csv or .jsonl");
        }
    }

    static Writer open(Path path) {
        try {
            return Files.newBufferedWriter(path, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ConvergenceException(ErrorCategory.INVALID_INPUT, "cannot write " + path + ": " + e.getMessage(), e);
        }
    }

    /** Standard output, flushed but left open at the end. */
    static Writer nonClosing(PrintWriter standardOutput) {
        return new FilterWriter(standardOutput) {
            @Override
            public void close() {
                standardOutput.flush();
            }
        };
    }
}

package org.convergence.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.convergence.ConvergenceException;
import org.convergence.ErrorCategory;
import org.convergence.exposure.ExposureBatch;
import org.convergence.exposure.ExposureCheck;
import org.convergence.exposure.ExposureCsv;
import org.convergence.exposure.ExposureHtml;
import org.convergence.exposure.ExposureJsonLines;
import org.convergence.exposure.ExposureReport;
import java.time.Duration;
import org.convergence.graph.BackgroundExposureGraph;
import org.convergence.model.ConvergenceModel;
import org.convergence.screening.Scope;
import org.convergence.screening.ScoringModel;
import org.convergence.screening.Screener;
import org.convergence.screening.Thresholds;
import org.convergence.screening.audit.AuditLog;
import org.convergence.screening.audit.AuditedScreener;
import org.convergence.screening.audit.Requester;
import org.convergence.screening.batch.BatchInput;
import org.convergence.store.StatementStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code convergence exposure FILE}: each partner of a file, listed, linked or clear, with the paths that say why. */
@Command(name = "exposure", mixinStandardHelpOptions = true,
        description = {"Check a CSV or JSON lines file of partners (names or co-authors' affiliations) for exposure, row by row, streamed: "
                + "listed (on a list itself), linked (a path of at most --hops relations to a listed party or the China–Russia defence "
                + "nexus) or clear, with every path's steps and their sources.",
                "An affiliation is read into its units (lab, department, institution, city, postcode, country) and each unit that can "
                        + "name an organisation is screened; every screening is recorded in the audit log."})
final class ExposureCommand implements Callable<Integer> {
    @ParentCommand
    ConvergenceCommand root;

    @Spec
    CommandSpec spec;

    @Mixin
    RowFileOptions options;

    @Parameters(paramLabel = "FILE", description = "The partners: CSV with a header row, or JSON lines.")
    Path file;

    @Option(names = "--input-format", paramLabel = "csv|jsonl", description = "The input's format (default: from the file name).")
    String inputFormat;

    @Option(names = "--format", paramLabel = "jsonl|csv|html", description = "The output's format (default: from -o's extension, else JSON lines).")
    String format;

    @Option(names = "--schema", paramLabel = "NAME", defaultValue = "Organization",
            description = "The FtM schema of the rows (default: ${DEFAULT-VALUE}; Person screens each name whole).")
    String schema;

    @Option(names = "--hops", defaultValue = "3", paramLabel = "N", description = "The most relations a path follows (default: ${DEFAULT-VALUE}).")
    int hops;

    @Option(names = "--threshold", paramLabel = "SCORE",
            description = "A unit scoring at least this against a listed name is its match, 0 to 1 (default: the scoring model's threshold).")
    Double threshold;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write the results to FILE (default: standard output).")
    Path output;

    private enum Output { JSONL, CSV, HTML }

    /** How long the check waits for the graph: its build runs beside the index's and takes about as long. */
    private static final Duration GRAPH_WAIT = Duration.ofMinutes(30);

    @Override
    public Integer call() throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        ConvergenceModel model = ConvergenceModel.standard();
        BatchInput.Format input = inputFormat == null ? BatchInput.Format.of(file) : ScreenCommand.parseFormat(inputFormat);
        Output outputFormat = outputFormat(); // a wrong output format is refused before anything is built
        double matchFrom = threshold != null ? threshold : Thresholds.of(ScoringModel.standard()).threshold();
        ExposureCheck.Settings settings = new ExposureCheck.Settings(Scope.Spec.of(options.scope), new Thresholds(matchFrom, matchFrom),
                Requester.outsideWorkspaces(AuditUser.resolve(options.user)), hops, ExposureCheck.Settings.DEFAULT_PATHS);
        // The input first: a wrong column mapping is reported before the index and the graph are built.
        try (BatchInput rows = BatchInput.open(file, input, options.columns, schema, options.skipInvalid, model);
                StatementStore store = root.openStore()) {
            // the graph is built on a thread of its own while the screening index is built on this one
            BackgroundExposureGraph graph = BackgroundExposureGraph.start(store);
            err.println("reading " + file.getFileName() + ": " + rows.describe());
            err.println("building the screening index and the exposure graph...");
            try (Screener screener = Screener.open(store)) {
                screener.scope(settings.scope());
                ExposureCheck check = new ExposureCheck(screener, new AuditedScreener(screener, AuditLog.of(store)), () -> graph.current(GRAPH_WAIT),
                        model);
                run(check, screener, rows, settings, outputFormat, err);
            }
        } catch (UncheckedIOException e) {
            throw new ConvergenceException(ErrorCategory.INVALID_INPUT, "cannot write the results: " + e.getCause().getMessage(), e);
        }
        return 0;
    }

    private void run(ExposureCheck check, Screener screener, BatchInput rows, ExposureCheck.Settings settings, Output outputFormat, PrintWriter err)
            throws IOException {
        try (Writer results = output == null ? ScreenCommand.nonClosing(spec.commandLine().getOut()) : ScreenCommand.open(output)) {
            ExposureReport report = switch (outputFormat) {
                case JSONL -> new ExposureJsonLines(results);
                case CSV -> new ExposureCsv(results);
                case HTML -> new ExposureHtml(results);
            };
            ProgressBar progress = new ProgressBar(err, "checking " + file.getFileName());
            ExposureReport.Summary summary;
            try {
                summary = new ExposureBatch(check).run(rows, file.getFileName().toString(), settings,
                        options.threads(), screener.current().versions(), List.of(report), progress);
            } finally {
                progress.finish();
            }
            err.println(String.format(Locale.ROOT, "checked %,d partners in %.1f s (%,.0f rows/s): %,d listed, %,d linked, %,d clear, %,d not checked",
                    summary.rows(), summary.elapsed().toNanos() / 1e9, summary.rowsPerSecond(), summary.listed(), summary.linked(), summary.clear(),
                    summary.errors()));
        }
    }

    private Output outputFormat() {
        String name = format != null ? format : output == null ? "jsonl" : extension(output);
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "jsonl", "ndjson", "json" -> Output.JSONL;
            case "csv" -> Output.CSV;
            case "html", "htm" -> Output.HTML;
            default -> throw new ConvergenceException(ErrorCategory.INVALID_INPUT, "unknown output format '" + name + "': use --format jsonl, csv or html"
                    + (format == null ? " (or name the output .jsonl, .csv or .html)" : ""));
        };
    }

    private static String extension(Path path) {
        String name = path.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot + 1);
    }
}

package org.convergence.web;

import io.javalin.http.Context;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.convergence.CsvRows;
import org.convergence.ConvergenceException;
import org.convergence.http.Caller;
import org.convergence.http.HttpStatuses;
import org.convergence.ingest.ImportProgress;
import org.convergence.model.ConvergenceModel;
import org.convergence.screening.Feature;
import org.convergence.screening.Scope;
import org.convergence.screening.Screener;
import org.convergence.screening.Thresholds;
import org.convergence.screening.audit.AuditLog;
import org.convergence.screening.audit.AuditedResult;
import org.convergence.screening.audit.AuditedScreener;
import org.convergence.screening.audit.Decision;
import org.convergence.screening.audit.Requester;
import org.convergence.screening.batch.BatchContext;
import org.convergence.screening.batch.BatchInput;
import org.convergence.screening.batch.BatchScreening;
import org.convergence.screening.batch.BatchSummary;
import org.convergence.screening.batch.CsvResultWriter;
import org.convergence.screening.batch.HtmlReport;
import org.convergence.screening.batch.JsonLinesResultWriter;
import org.convergence.screening.batch.ResultWriter;
import org.convergence.screening.batch.RowOutcome;

/**
 * The screening pages: one name in a form, or a CSV or JSON lines file uploaded; results with the
 * features behind each score, decisions to the audit log, and downloads of the results. Every request,
 * single or batch, goes through the audit log.
 */
final class ScreeningPages {
    /** The path files are uploaded to (the server leaves its size to this page, which explains a refusal). */
    static final String UPLOAD_PATH = "/workbench/screen/batch";
    /** Hits listed on the results page; the downloads have them all. */
    static final int HITS_SHOWN = 1_000;
    private static final int ERRORS_SHOWN = 100;
    private static final int RESULTS = 5;
    /** Matches listed in the review queue at once: the oldest wait until newer ones are decided. */
    static final int REVIEW_SHOWN = 200;
    private static final String EXPECTED = "The workbench takes a CSV file of up to 20 MB with a header row that has a 'name' column "
            + "(optional columns: schema, birthDate, country, id), or JSON lines.";
    private static final String LARGER = "Split the file, or screen it with 'convergence screen FILE', which takes a file of any size.";
    static final List<String> RESULTS_HEADER = List.of("request_id", "query_name", "matched_id", "caption", "schema", "dataset", "score", "match",
            "feature", "feature_value", "feature_detail");

    private final Pages pages;
    private final Screener screener;
    private final AuditedScreener audited;
    private final AuditLog log;
    private final ConvergenceModel model;
    private final Downloads downloads;
    private final Uploads uploads;

    ScreeningPages(Pages pages, Screener screener, AuditedScreener audited, AuditLog log, ConvergenceModel model, Downloads downloads, Uploads uploads) {
        this.pages = pages;
        this.screener = screener;
        this.audited = audited;
        this.log = log;
        this.model = model;
        this.downloads = downloads;
        this.uploads = uploads;
    }

    void form(Context ctx) {
        pages.render(ctx, "screen.jte", Map.of("page", ScreenPage.empty()));
    }

    /** One name through the audited screener; the results, features and all, are kept for download as CSV. */
    void screen(Context ctx) {
        String name = Pages.form(ctx, "name");
        String schema = ScreenPage.SCHEMATA.contains(Pages.form(ctx, "schema")) ? Pages.form(ctx, "schema") : "Person";
        String born = Pages.form(ctx, "birthDate");
        String country = Pages.form(ctx, "country").toLowerCase(Locale.ROOT);
        Map<String, List<String>> properties = new LinkedHashMap<>();
        properties.put("name", List.of(name));
        if (!born.isEmpty()) {
            properties.put(schema.equals("Person") ? "birthDate" : "incorporationDate", List.of(born));
        }
        if (!country.isEmpty()) {
            properties.put(schema.equals("Person") ? "nationality" : "country", List.of(country));
        }
        ScreenPage page;
        try {
            Thresholds thresholds = screener.thresholds();
            AuditedScreener.Screening screening = audited.screen(new Screener.Query("workbench", schema, properties), Scope.Spec.of(Scope.ALL),
                    RESULTS, thresholds, Caller.of(ctx).requester(), "workbench");
            List<ScreenPage.Result> results = screening.raised().stream().map(found -> {
                var entity = found.result().entity();
                var score = found.result().score();
                return new ScreenPage.Result(entity.screened().id(), entity.screened().caption(), entity.screened().schema().getName(),
                        entity.screened().dataset(), String.format(Locale.ROOT, "%.2f", score.score()), score.match(), score.features());
            }).toList();
            page = new ScreenPage(name, schema, ScreenPage.SCHEMATA, born, country, null, screening.requestId(),
                    String.format(Locale.ROOT, "%.2f", thresholds.cutoff()),
                    results, keepResults(screening.requestId(), name, results, Caller.of(ctx).workspace()), null, null);
        } catch (ConvergenceException e) {
            page = new ScreenPage(name, schema, ScreenPage.SCHEMATA, born, country, e.getMessage(), null, null, List.of(), null, null, null);
        }
        pages.render(ctx, "screen.jte", Map.of("page", page));
    }

    /**
     * Writes a single screening's results (one row per result and feature) for download by the workspace; the link to it,
     * or null without results.
     */
    private String keepResults(long requestId, String name, List<ScreenPage.Result> results, String workspace) {
        if (results.isEmpty()) {
            return null;
        }
        List<List<String>> rows = new ArrayList<>();
        for (ScreenPage.Result result : results) {
            for (Feature feature : result.features()) {
                rows.add(List.of(String.valueOf(requestId), name, result.id(), result.caption(), result.schema(), result.dataset(), result.score(),
                        String.valueOf(result.match()), feature.name(), String.format(Locale.ROOT, "%.3f", feature.value()), feature.detail()));
            }
        }
        Downloads.Run run = downloads.create("screening-request-" + requestId, workspace);
        try {
            Files.writeString(run.folder().resolve("results.csv"), CsvRows.table(RESULTS_HEADER, rows), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the results for download: " + e.getMessage(), e);
        }
        return "/workbench/screen/results/" + run.id() + ".csv";
    }

    /**
     * Records a decision on a request of the caller's workspace; one not recorded answers 400 (or 404 for an unknown
     * request, or one of another workspace) with the page saying why.
     */
    void decide(Context ctx) {
        String message;
        try {
            long request = Long.parseLong(Pages.form(ctx, "request"));
            Decision decision = Decision.parse(Pages.form(ctx, "decision"));
            log.decide(request, Pages.form(ctx, "entity"), decision, Caller.of(ctx).requester(), Pages.form(ctx, "comment"));
            message = "Recorded: " + Pages.form(ctx, "entity") + " is a " + decision.label() + " for request " + request + ".";
        } catch (NumberFormatException e) {
            ctx.status(400);
            message = "Not recorded: the request number is missing.";
        } catch (ConvergenceException e) {
            ctx.status(HttpStatuses.of(e.category()));
            message = "Not recorded: " + e.getMessage();
        }
        if (Pages.form(ctx, "from").equals("review")) {
            renderReview(ctx, message);
            return;
        }
        pages.render(ctx, "screen.jte", Map.of("page", ScreenPage.decided(message)));
    }

    /** The review queue: the caller's workspace's matches that no analyst has decided on yet, each with its decision form. */
    void review(Context ctx) {
        renderReview(ctx, "");
    }

    private void renderReview(Context ctx, String decided) {
        pages.render(ctx, "review.jte", Map.of("items", log.awaitingReview(Caller.of(ctx).workspace(), REVIEW_SHOWN), "decided", decided,
                "shown", REVIEW_SHOWN));
    }

    /**
     * An uploaded file through batch screening (the command line's {@code screen}: the same column
     * mapping, the audit log, the CSV, JSON lines and HTML outputs), kept for download.
     */
    void batch(Context ctx) {
        switch (uploads.receive(ctx, Caller.of(ctx).workspace(), EXPECTED, LARGER)) {
            case Uploads.Refused refused -> refuse(ctx, refused.status(), refused.message());
            case Uploads.Received received -> {
                try {
                    pages.render(ctx, "batch.jte", Map.of("page", screenFile(received.file(), received.run(), Caller.of(ctx).requester())));
                } catch (ConvergenceException e) {
                    refuse(ctx, HttpStatuses.of(e.category()), Uploads.explain(e.getMessage(), received, EXPECTED));
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot write the results of " + received.fileName() + ": " + e.getMessage(), e);
                } finally {
                    uploads.discard(received);
                }
            }
        }
    }

    private BatchPage screenFile(Path input, Downloads.Run run, Requester requester) throws IOException {
        String fileName = input.getFileName().toString();
        BatchScreening batch = new BatchScreening(screener, log);
        BatchScreening.Settings settings = new BatchScreening.Settings(Scope.Spec.of(Scope.ALL), RESULTS, screener.thresholds(), requester,
                Runtime.getRuntime().availableProcessors());
        try (BatchInput rows = BatchInput.open(input, format(fileName), List.of(), null, false, model)) {
            List<String> versions = batch.check(settings);
            PageRows shown = new PageRows();
            BatchSummary summary;
            try (Writer csv = Files.newBufferedWriter(run.folder().resolve("results.csv"), StandardCharsets.UTF_8);
                    Writer jsonl = Files.newBufferedWriter(run.folder().resolve("results.jsonl"), StandardCharsets.UTF_8);
                    Writer html = Files.newBufferedWriter(run.folder().resolve("report.html"), StandardCharsets.UTF_8)) {
                summary = batch.run(rows, fileName, settings, List.of(new CsvResultWriter(csv), new JsonLinesResultWriter(jsonl), new HtmlReport(html),
                        shown), ImportProgress.NONE);
            }
            return new BatchPage(fileName, rows.describe().replaceAll("; set them with --column [^)]*\\)", ")"),
                    String.join(", ", versions), describe(summary), shown.hits, summary.hits(), shown.errors, "/workbench/screen/batch/" + run.id());
        }
    }

    /** GET /workbench/screen/batch/{id}.csv, .jsonl or .html: a batch run's results as a file. */
    void batchDownload(Context ctx) {
        downloads.serve(ctx, Caller.of(ctx).workspace(), Map.of("csv", "results.csv", "jsonl", "results.jsonl", "html", "report.html"));
    }

    /** GET /workbench/screen/results/{id}.csv: a single screening's results as CSV. */
    void resultsDownload(Context ctx) {
        downloads.serve(ctx, Caller.of(ctx).workspace(), Map.of("csv", "results.csv"));
    }


    private void refuse(Context ctx, int status, String message) {
        ctx.status(status);
        pages.render(ctx, "screen.jte", Map.of("page", ScreenPage.batchError(message)));
    }

    /** A core message for the page: without the temporary folder, without the command line's hints, naming the file, saying what is expected. */
    private static String describe(BatchSummary summary) {
        return String.format(Locale.ROOT, "%,d rows screened: %,d hits in %,d rows; %,d known false positives not raised; %,d rows not screened;"
                        + " audit requests %s.", summary.rows(), summary.hits(), summary.rowsWithHits(), summary.suppressed(), summary.errors(),
                summary.firstRequestId() == 0 ? "none" : summary.firstRequestId() + " to " + summary.lastRequestId());
    }

    private static BatchInput.Format format(String fileName) {
        String name = fileName.toLowerCase(Locale.ROOT);
        return name.endsWith(".jsonl") || name.endsWith(".ndjson") || name.endsWith(".json") ? BatchInput.Format.JSONL : BatchInput.Format.CSV;
    }

    /** Keeps the first hits and errors of a run for the results page, as they are written. Used from the writing thread only. */
    private static final class PageRows implements ResultWriter {
        final List<BatchPage.Hit> hits = new ArrayList<>();
        final List<String> errors = new ArrayList<>();

        @Override
        public void start(BatchContext context) {}

        @Override
        public void write(RowOutcome outcome) {
            for (AuditedResult hit : outcome.hits()) {
                if (hits.size() < HITS_SHOWN) {
                    var screened = hit.result().entity().screened();
                    hits.add(new BatchPage.Hit(outcome.row().row(), outcome.row().reference(), outcome.row().inputName(), hit.entityId(),
                            screened.caption(), hit.result().entity().version().label(),
                            String.format(Locale.ROOT, "%.2f", hit.result().score().score()), hit.result().score().match()));
                }
            }
            if (outcome.error() != null && errors.size() < ERRORS_SHOWN) {
                errors.add(outcome.row().location() + ": " + outcome.error());
            }
        }

        @Override
        public void finish(BatchSummary summary) {}
    }
}

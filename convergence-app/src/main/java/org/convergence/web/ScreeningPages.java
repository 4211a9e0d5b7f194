package org.convergence.web;

import io.javalin.http.Context;
import io.javalin.http.UploadedFile;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
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
import org.convergence.ConvergenceException;
import org.convergence.api.ApiServer;
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
    /** The path files are uploaded to (ApiServer leaves its size to this page, which explains a refusal). */
    static final String UPLOAD_PATH = "/workbench/screen/batch";
    /** The largest file taken: about half a million names; a larger file is for {@code convergence screen}, which streams it. */
    static final long MAX_UPLOAD_BYTES = 20L * 1024 * 1024;
    /** Room for the multipart envelope around the file. */
    static final long MAX_REQUEST_BYTES = MAX_UPLOAD_BYTES + 64 * 1024;
    /** Hits listed on the results page; the downloads have them all. */
    static final int HITS_SHOWN = 1_000;
    private static final int ERRORS_SHOWN = 100;
    private static final int RESULTS = 5;
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

    ScreeningPages(Pages pages, Screener screener, AuditedScreener audited, AuditLog log, ConvergenceModel model, Downloads downloads) {
        this.pages = pages;
        this.screener = screener;
        this.audited = audited;
        this.log = log;
        this.model = model;
        this.downloads = downloads;
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
                    RESULTS, thresholds, user(ctx), "workbench");
            List<ScreenPage.Result> results = screening.raised().stream().map(found -> {
                var entity = found.result().entity();
                var score = found.result().score();
                return new ScreenPage.Result(entity.screened().id(), entity.screened().caption(), entity.screened().schema().getName(),
                        entity.screened().dataset(), String.format(Locale.ROOT, "%.2f", score.score()), score.match(), score.features());
            }).toList();
            page = new ScreenPage(name, schema, ScreenPage.SCHEMATA, born, country, null, screening.requestId(),
                    String.format(Locale.ROOT, "%.2f", thresholds.cutoff()),
                    results, keepResults(screening.requestId(), name, results), null, null);
        } catch (ConvergenceException e) {
            page = new ScreenPage(name, schema, ScreenPage.SCHEMATA, born, country, e.getMessage(), null, null, List.of(), null, null, null);
        }
        pages.render(ctx, "screen.jte", Map.of("page", page));
    }

    /** Writes a single screening's results (one row per result and feature) for download; the link to it, or null without results. */
    private String keepResults(long requestId, String name, List<ScreenPage.Result> results) {
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
        Downloads.Run run = downloads.create("screening-request-" + requestId);
        try {
            Files.writeString(run.folder().resolve("results.csv"), Csv.table(RESULTS_HEADER, rows), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the results for download: " + e.getMessage(), e);
        }
        return "/workbench/screen/results/" + run.id() + ".csv";
    }

    void decide(Context ctx) {
        String message;
        try {
            long request = Long.parseLong(Pages.form(ctx, "request"));
            Decision decision = Decision.parse(Pages.form(ctx, "decision"));
            log.decide(request, Pages.form(ctx, "entity"), decision, user(ctx), Pages.form(ctx, "comment"));
            message = "Recorded: " + Pages.form(ctx, "entity") + " is a " + decision.label() + " for request " + request + ".";
        } catch (NumberFormatException e) {
            message = "Not recorded: the request number is missing.";
        } catch (ConvergenceException e) {
            message = "Not recorded: " + e.getMessage();
        }
        pages.render(ctx, "screen.jte", Map.of("page", ScreenPage.decided(message)));
    }

    /**
     * An uploaded file through batch screening (the command line's {@code screen}: the same column
     * mapping, the audit log, the CSV, JSON lines and HTML outputs), kept for download.
     */
    void batch(Context ctx) {
        if (ctx.contentLength() > MAX_REQUEST_BYTES) {
            refuse(ctx, 413, String.format(Locale.ROOT, "The upload is %,d bytes, over the limit. %s %s", ctx.contentLength(), EXPECTED, LARGER));
            return;
        }
        UploadedFile upload;
        try {
            upload = ctx.uploadedFile("file");
        } catch (Exception e) {
            // Jetty's multipart parser refuses a body that is not multipart, or one that grows past the limit as it arrives.
            refuse(ctx, 400, "The upload could not be read as a form with a file (" + e.getMessage() + "). " + EXPECTED);
            return;
        }
        if (upload == null || upload.filename().isBlank()) {
            refuse(ctx, 400, "No file was uploaded: choose a file in the field 'CSV or JSON lines file'. " + EXPECTED);
            return;
        }
        String fileName = safeName(upload.filename());
        if (upload.size() == 0) {
            refuse(ctx, 400, fileName + " is empty. " + EXPECTED);
            return;
        }
        if (upload.size() > MAX_UPLOAD_BYTES) {
            refuse(ctx, 413, String.format(Locale.ROOT, "%s is %,d bytes, over the limit. %s %s", fileName, upload.size(), EXPECTED, LARGER));
            return;
        }
        Downloads.Run run = downloads.create(baseName(fileName));
        Path input = run.folder().resolve(fileName);
        try {
            try (InputStream content = upload.content()) {
                Files.copy(content, input);
            }
            pages.render(ctx, "batch.jte", Map.of("page", screenFile(input, run, user(ctx))));
        } catch (ConvergenceException e) {
            refuse(ctx, ApiServer.status(e.category()), explain(e.getMessage(), run.folder(), fileName));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the uploaded file in the temporary directory: " + e.getMessage(), e);
        } finally {
            try {
                Files.deleteIfExists(input);
            } catch (IOException e) {
                // the run's folder goes with the temporary directory
            }
        }
    }

    private BatchPage screenFile(Path input, Downloads.Run run, String user) throws IOException {
        String fileName = input.getFileName().toString();
        BatchScreening batch = new BatchScreening(screener, log);
        BatchScreening.Settings settings = new BatchScreening.Settings(Scope.Spec.of(Scope.ALL), RESULTS, screener.thresholds(), user,
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
        download(ctx, Map.of("csv", "results.csv", "jsonl", "results.jsonl", "html", "report.html"));
    }

    /** GET /workbench/screen/results/{id}.csv: a single screening's results as CSV. */
    void resultsDownload(Context ctx) {
        download(ctx, Map.of("csv", "results.csv"));
    }

    private void download(Context ctx, Map<String, String> files) {
        String requested = ctx.pathParam("file");
        int dot = requested.lastIndexOf('.');
        String extension = dot < 0 ? "" : requested.substring(dot + 1);
        String file = files.get(extension);
        Optional<Downloads.Run> run = file == null ? Optional.empty() : downloads.find(requested.substring(0, dot));
        Path path = run.map(found -> found.folder().resolve(file)).filter(Files::isRegularFile).orElse(null);
        if (path == null) {
            ctx.status(404).contentType("text/plain; charset=utf-8").result("No results " + requested + ": the server keeps the last "
                    + Downloads.KEPT + " screenings until it stops; screen again (the audit log keeps every result).");
            return;
        }
        String contentType = switch (extension) {
            case "jsonl" -> "application/x-ndjson; charset=utf-8";
            case "html" -> "text/html; charset=utf-8";
            default -> "text/csv; charset=utf-8";
        };
        String name = run.get().name() + (extension.equals("html") ? "-report.html" : "-results." + extension);
        try {
            Pages.attachment(ctx, name, contentType).result(Files.newInputStream(path));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the kept results " + path.getFileName() + ": " + e.getMessage(), e);
        }
    }

    private void refuse(Context ctx, int status, String message) {
        ctx.status(status);
        pages.render(ctx, "screen.jte", Map.of("page", ScreenPage.batchError(message)));
    }

    /** A core message for the page: without the temporary folder, without the command line's hints, naming the file, saying what is expected. */
    private static String explain(String message, Path folder, String fileName) {
        String text = message.replace(folder + File.separator, "").replace(folder.toString(), "").replaceAll(" ?\\[Hint: [^]]*]", "");
        return (text.contains(fileName) ? text : fileName + ": " + text) + (text.endsWith(".") ? " " : ". ") + EXPECTED;
    }

    private static String describe(BatchSummary summary) {
        return String.format(Locale.ROOT, "%,d rows screened: %,d hits in %,d rows; %,d known false positives not raised; %,d rows not screened;"
                        + " audit requests %s.", summary.rows(), summary.hits(), summary.rowsWithHits(), summary.suppressed(), summary.errors(),
                summary.firstRequestId() == 0 ? "none" : summary.firstRequestId() + " to " + summary.lastRequestId());
    }

    private static BatchInput.Format format(String fileName) {
        String name = fileName.toLowerCase(Locale.ROOT);
        return name.endsWith(".jsonl") || name.endsWith(".ndjson") || name.endsWith(".json") ? BatchInput.Format.JSONL : BatchInput.Format.CSV;
    }

    /** The uploaded file's own name, reduced to safe characters (it names the file in messages and downloads). */
    private static String safeName(String uploaded) {
        String name = uploaded.substring(Math.max(uploaded.lastIndexOf('/'), uploaded.lastIndexOf('\\')) + 1).replaceAll("[^\\p{L}\\p{N}._-]", "_");
        name = name.replaceAll("^\\.+", "");
        if (name.length() > 100) {
            name = name.substring(name.length() - 100);
        }
        return name.isEmpty() ? "upload.csv" : name;
    }

    private static String baseName(String fileName) {
        int dot = fileName.lastIndexOf('.');
        return dot > 0 ? fileName.substring(0, dot) : fileName;
    }

    /** Who uses the workbench, for the audit log: the header a proxy sets, else "workbench". */
    static String user(Context ctx) {
        String header = ctx.header(ApiServer.USER_HEADER);
        return header == null || header.isBlank() ? "workbench" : header.strip();
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

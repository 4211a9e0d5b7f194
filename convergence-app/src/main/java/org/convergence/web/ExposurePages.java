package org.convergence.web;

import io.javalin.http.Context;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.convergence.ConvergenceException;
import org.convergence.http.Caller;
import org.convergence.http.HttpStatuses;
import org.convergence.exposure.Exposure;
import org.convergence.exposure.ExposureBatch;
import org.convergence.exposure.ExposureCheck;
import org.convergence.exposure.ExposureCsv;
import org.convergence.exposure.ExposureHtml;
import org.convergence.exposure.ExposureJsonLines;
import org.convergence.exposure.ExposureReport;
import org.convergence.ingest.ImportProgress;
import org.convergence.model.ConvergenceModel;
import org.convergence.screening.Scope;
import org.convergence.screening.Screener;
import org.convergence.screening.batch.BatchInput;

/**
 * The workbench's exposure page: partners pasted one a line, or a file of them uploaded, each checked
 * as {@code convergence exposure} checks a file's rows; an uploaded file's results kept for download
 * as JSON lines, CSV and the HTML report.
 */
final class ExposurePages {
    /** The path files are uploaded to (the server leaves its size to this page, which explains a refusal). */
    static final String UPLOAD_PATH = "/workbench/exposure/file";
    /** Partners checked from the form: more belong in a file. */
    static final int MAX_PARTNERS = 50;
    /** Flagged partners of a file shown on the page; the downloads have every row. */
    static final int SHOWN = 200;
    private static final String EXPECTED = "The workbench takes a CSV file of up to 20 MB with a header row that has a 'name' or 'affiliation' "
            + "column (optional: country, id), or JSON lines.";
    private static final String LARGER = "Split the file, or check it with 'convergence exposure FILE', which takes a file of any size.";

    private final Pages pages;
    private final Screener screener;
    private final ExposureCheck check;
    private final ConvergenceModel model;
    private final Downloads downloads;
    private final Uploads uploads;

    ExposurePages(Pages pages, Screener screener, ExposureCheck check, ConvergenceModel model, Downloads downloads, Uploads uploads) {
        this.pages = pages;
        this.screener = screener;
        this.check = check;
        this.model = model;
        this.downloads = downloads;
        this.uploads = uploads;
    }

    void form(Context ctx) {
        pages.render(ctx, "exposure.jte", Map.of("page", ExposurePage.empty()));
    }

    void check(Context ctx) {
        String text = Pages.form(ctx, "partners");
        List<String> partners = text.lines().map(String::strip).filter(line -> !line.isEmpty()).toList();
        ExposurePage page;
        if (partners.isEmpty()) {
            page = new ExposurePage(text, "Give at least one partner: a name or an affiliation, one a line.", List.of(), null);
        } else if (partners.size() > MAX_PARTNERS) {
            page = new ExposurePage(text, "%d partners; at most %d are checked from this form: upload them as a file below.".formatted(partners.size(),
                    MAX_PARTNERS), List.of(), null);
        } else {
            List<Exposure> results = new ArrayList<>();
            try {
                for (int i = 0; i < partners.size(); i++) {
                    results.add(check.check(i + 1, "workbench exposure line " + (i + 1), new Screener.Query("workbench", "Organization",
                            Map.of("name", List.of(partners.get(i)))), settings(ctx)));
                }
                page = new ExposurePage(text, null, results, null);
            } catch (ConvergenceException e) {
                page = new ExposurePage(text, e.getMessage(), results, null);
            }
        }
        pages.render(ctx, "exposure.jte", Map.of("page", page));
    }

    /** A file of partners, checked row by row; the flagged ones first found are shown, and every row kept for download. */
    void upload(Context ctx) {
        switch (uploads.receive(ctx, Caller.of(ctx).workspace(), EXPECTED, LARGER)) {
            case Uploads.Refused refused -> {
                ctx.status(refused.status());
                pages.render(ctx, "exposure.jte", Map.of("page", ExposurePage.refused(refused.message())));
            }
            case Uploads.Received received -> {
                try {
                    pages.render(ctx, "exposure.jte", Map.of("page", checkFile(received, settings(ctx))));
                } catch (ConvergenceException e) {
                    ctx.status(HttpStatuses.of(e.category()));
                    pages.render(ctx, "exposure.jte", Map.of("page", ExposurePage.refused(Uploads.explain(e.getMessage(), received, EXPECTED))));
                } finally {
                    uploads.discard(received);
                }
            }
        }
    }

    private ExposurePage checkFile(Uploads.Received received, ExposureCheck.Settings settings) {
        BatchInput.Format format = received.fileName().toLowerCase(Locale.ROOT).endsWith(".csv") ? BatchInput.Format.CSV : BatchInput.Format.JSONL;
        List<Exposure> shown = new ArrayList<>();
        ExposureReport page = new ExposureReport() {
            @Override
            public void start(ExposureReport.Context context) {}

            @Override
            public void write(Exposure exposure) {
                if ((exposure.flagged() || exposure.error() != null) && shown.size() < SHOWN) {
                    shown.add(exposure);
                }
            }

            @Override
            public void finish(Summary summary) {}
        };
        try (BatchInput rows = BatchInput.open(received.file(), format, List.of(), "Organization", false, model);
                Writer jsonl = Files.newBufferedWriter(received.run().folder().resolve("results.jsonl"), StandardCharsets.UTF_8);
                Writer csv = Files.newBufferedWriter(received.run().folder().resolve("results.csv"), StandardCharsets.UTF_8);
                Writer html = Files.newBufferedWriter(received.run().folder().resolve("report.html"), StandardCharsets.UTF_8)) {
            ExposureReport.Summary summary = new ExposureBatch(check).run(rows, received.fileName(), settings, Runtime.getRuntime().availableProcessors(),
                    screener.current().versions(), List.of(new ExposureJsonLines(jsonl), new ExposureCsv(csv), new ExposureHtml(html), page),
                    ImportProgress.NONE);
            String totals = String.format(Locale.ROOT, "%,d partners checked in %.1f s: %,d listed, %,d linked, %,d clear, %,d not checked.",
                    summary.rows(), summary.elapsed().toNanos() / 1e9, summary.listed(), summary.linked(), summary.clear(), summary.errors());
            return new ExposurePage("", null, shown, new ExposurePage.FileRun(received.fileName(), rows.describe(), totals,
                    UPLOAD_PATH + "/" + received.run().id()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the results of " + received.fileName() + ": " + e.getMessage(), e);
        }
    }

    /** GET /workbench/exposure/file/{id}.jsonl, .csv or .html: a file's results. */
    void download(Context ctx) {
        downloads.serve(ctx, Caller.of(ctx).workspace(), Map.of("jsonl", "results.jsonl", "csv", "results.csv", "html", "report.html"));
    }

    private ExposureCheck.Settings settings(Context ctx) {
        return new ExposureCheck.Settings(Scope.Spec.of(Scope.ALL), screener.thresholds(), Caller.of(ctx).requester(), ExposureCheck.Settings.DEFAULT_HOPS,
                ExposureCheck.Settings.DEFAULT_PATHS);
    }
}

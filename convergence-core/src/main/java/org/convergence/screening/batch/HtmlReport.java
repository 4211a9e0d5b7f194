package org.convergence.screening.batch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.convergence.screening.Feature;
import org.convergence.screening.ScoringModel;
import org.convergence.screening.Screener;
import org.convergence.screening.audit.AuditedResult;

/**
 * A readable batch report in one self-contained HTML file (styles inline, no scripts, nothing
 * fetched), written as rows are screened: a head with what was screened against what; a section per
 * row with hits, each hit explained feature by feature; a line per row not screened; the totals at
 * the end. Rows without hits are only counted, so that the report of a large clean file stays short.
 */
public final class HtmlReport implements ResultWriter {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);
    private static final String STYLE = """
            body{font:15px/1.45 system-ui,-apple-system,"Segoe UI",sans-serif;margin:2em auto;max-width:72em;padding:0 1em;color:#1d232a}
            h1{font-size:1.6em;margin-bottom:.2em}h2{font-size:1.15em;margin:0 0 .3em}h3{font-size:1em;margin:0 0 .3em}
            dl.head{display:grid;grid-template-columns:max-content auto;gap:.2em 1em;margin:1em 0 2em}dt{color:#59636e}dd{margin:0}
            section.row{border-top:1px solid #d0d7de;padding:1em 0}.query{color:#59636e;margin:.2em 0 .6em}
            .notes{color:#7d4e00;margin:.2em 0 .6em}article.hit{border-left:4px solid #d0d7de;padding:.3em .9em;margin:.7em 0}
            article.match{border-left-color:#cf222e}.score{font-variant-numeric:tabular-nums;font-weight:600}
            .badge{display:inline-block;font-size:.75em;padding:.05em .5em;border-radius:1em;background:#eaeef2;margin-left:.4em}
            .match .badge{background:#cf222e;color:#fff}.meta{color:#59636e;font-size:.9em;margin:.1em 0 .4em}
            table{border-collapse:collapse;font-size:.9em}th,td{text-align:left;padding:.15em .8em .15em 0;vertical-align:top}
            th{color:#59636e;font-weight:500}td.num{font-variant-numeric:tabular-nums;text-align:right}.neg{color:#cf222e}
            p.error{color:#cf222e;margin:.3em 0}footer{border-top:2px solid #1d232a;margin-top:2em;padding-top:1em}
            """;

    private final Writer out;
    private ScoringModel model;

    public HtmlReport(Writer out) {
        this.out = out;
    }

    @Override
    public void start(BatchContext context) {
        this.model = context.model();
        write("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>Screening report: " + escape(context.file())
                + "</title>\n<style>\n" + STYLE + "</style>\n</head>\n<body>\n<header>\n<h1>Screening report</h1>\n<dl class=\"head\">\n"
                + term("File", context.file()) + term("Input", context.input()) + term("Screened by", context.requester().describe())
                + term("Started", TIME.format(context.started())) + term("Scope", context.scope())
                + term("Lists", context.listVersions().isEmpty() ? "none: the store has no lists" : String.join(", ", context.listVersions()))
                + term("Reported", String.format(Locale.ROOT, "up to %d results per row scored %.2f or more; a match from %.2f", context.limit(),
                        context.thresholds().cutoff(), context.thresholds().threshold()))
                + "</dl>\n</header>\n<main>\n");
    }

    @Override
    public void write(RowOutcome outcome) {
        BatchRow row = outcome.row();
        List<AuditedResult> hits = outcome.hits();
        if (hits.isEmpty()) {
            if (outcome.error() != null) {
                write("<p class=\"error\">" + escape(row.location()) + ": not screened: " + escape(outcome.error()) + "</p>\n");
            }
            return;
        }
        StringBuilder html = new StringBuilder(4096);
        html.append("<section class=\"row\">\n<h2>Row ").append(row.row()).append(": ").append(escape(row.inputName()));
        if (row.reference() != null) {
            html.append(" <span class=\"badge\">").append(escape(row.reference())).append("</span>");
        }
        html.append("</h2>\n<p class=\"query\">").append(escape(describe(row.query()))).append(" · request ")
                .append(outcome.screening().requestId()).append("</p>\n");
        List<String> notes = outcome.notes();
        if (!notes.isEmpty()) {
            html.append("<p class=\"notes\">").append(escape(String.join("; ", notes))).append("</p>\n");
        }
        for (AuditedResult hit : hits) {
            appendHit(html, hit);
        }
        write(html.append("</section>\n").toString());
    }

    private void appendHit(StringBuilder html, AuditedResult hit) {
        Screener.Result result = hit.result();
        boolean match = result.score().match();
        html.append("<article class=\"hit").append(match ? " match" : "").append("\">\n<h3>").append(escape(result.entity().screened().caption()))
                .append(" <span class=\"score\">").append(String.format(Locale.ROOT, "%.3f", result.score().score())).append("</span>")
                .append("<span class=\"badge\">").append(match ? "match" : "below threshold").append("</span></h3>\n")
                .append("<p class=\"meta\">").append(escape(hit.entityId())).append(" · ").append(escape(result.entity().version().label()))
                .append(" · ").append(escape(result.entity().screened().schema().getName())).append("</p>\n")
                .append("<table>\n<tr><th>feature</th><th>value</th><th>weight</th><th>detail</th></tr>\n");
        for (Feature feature : Explanations.ordered(result.score().features(), model)) {
            html.append("<tr><td>").append(escape(feature.name())).append("</td><td class=\"num").append(feature.value() < 0 ? " neg" : "")
                    .append("\">").append(String.format(Locale.ROOT, "%.2f", feature.value())).append("</td><td class=\"num\">")
                    .append(String.format(Locale.ROOT, "%+.1f", model.weight(feature.name()))).append("</td><td>")
                    .append(escape(feature.detail() == null ? "" : feature.detail())).append("</td></tr>\n");
        }
        html.append("</table>\n</article>\n");
    }

    /** "Person: name Aleksey Oleksin; birthDate 1975". */
    private static String describe(Screener.Query query) {
        StringBuilder text = new StringBuilder(query.schema()).append(':');
        String separator = " ";
        for (Map.Entry<String, List<String>> property : query.properties().entrySet()) {
            text.append(separator).append(property.getKey()).append(' ').append(String.join(", ", property.getValue()));
            separator = "; ";
        }
        return text.toString();
    }

    @Override
    public void finish(BatchSummary summary) {
        write("</main>\n<footer>\n<h2>Totals</h2>\n<dl class=\"head\">\n" + term("Rows", String.format(Locale.ROOT, "%,d", summary.rows()))
                + term("Rows with hits", String.format(Locale.ROOT, "%,d (%,d hits)", summary.rowsWithHits(), summary.hits()))
                + term("Known false positives not raised", String.format(Locale.ROOT, "%,d", summary.suppressed()))
                + term("Rows not screened", String.format(Locale.ROOT, "%,d", summary.errors()))
                + term("Audit requests", summary.firstRequestId() == 0 ? "none"
                        : summary.firstRequestId() + " to " + summary.lastRequestId())
                + term("Time", String.format(Locale.ROOT, "%.1f s (%,.0f rows/s)", summary.elapsed().toNanos() / 1e9, summary.rowsPerSecond()))
                + "</dl>\n</footer>\n</body>\n</html>\n");
        try {
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the HTML report: " + e.getMessage(), e);
        }
    }

    private static String term(String name, String value) {
        return "<dt>" + escape(name) + "</dt><dd>" + escape(value) + "</dd>\n";
    }

    private void write(String html) {
        try {
            out.write(html);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the HTML report: " + e.getMessage(), e);
        }
    }

    public static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder escaped = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '&' -> escaped.append("&amp;");
                case '"' -> escaped.append("&quot;");
                case '\'' -> escaped.append("&#39;");
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }
}

package org.convergence.exposure;

import static org.convergence.screening.batch.HtmlReport.escape;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.Locale;
import org.convergence.WebAddresses;

/**
 * A readable exposure report in one self-contained HTML file (styles inline, no scripts, nothing
 * fetched), written as rows are checked: a section per flagged partner with its reasons and each path
 * drawn as a chain of entities, every tie's label linking to its first web source and every source
 * listed below it; the partners found clear listed in one line each; the totals at the end.
 */
public final class ExposureHtml implements ExposureReport {
    private static final String STYLE = """
            body{font:15px/1.45 system-ui,-apple-system,"Segoe UI",sans-serif;margin:2em auto;max-width:76em;padding:0 1em;color:#1d232a}
            h1{font-size:1.6em;margin-bottom:.2em}h2{font-size:1.15em;margin:0 0 .3em}
            dl.head{display:grid;grid-template-columns:max-content auto;gap:.2em 1em;margin:1em 0 2em}dt{color:#59636e}dd{margin:0}
            section.row{border-top:1px solid #d0d7de;padding:1em 0}.badge{display:inline-block;font-size:.75em;padding:.05em .6em;
            border-radius:1em;background:#eaeef2;margin-left:.4em}.listed .badge{background:#cf222e;color:#fff}
            .linked .badge{background:#bf8700;color:#fff}ul.reasons{margin:.3em 0 .8em}svg{display:block;margin:.5em 0;max-width:100%}
            ol.steps{font-size:.9em;color:#3d444d;margin:.2em 0 1em}.units{color:#59636e;font-size:.9em}p.error{color:#cf222e}
            footer{border-top:2px solid #1d232a;margin-top:2em;padding-top:1em}
            """;
    private static final int BOX_WIDTH = 200;
    private static final int GAP = 150;

    private final Writer out;
    private final StringBuilder clear = new StringBuilder();

    public ExposureHtml(Writer out) {
        this.out = out;
    }

    @Override
    public void start(Context context) {
        write("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>Exposure report: " + escape(context.file())
                + "</title>\n<style>" + STYLE + "</style>\n</head>\n<body>\n<h1>Exposure report</h1>\n<dl class=\"head\"><dt>Partners</dt><dd>"
                + escape(context.file()) + " (" + escape(context.mapping()) + ")</dd><dt>Checked by</dt><dd>" + escape(context.checkedBy())
                + "</dd><dt>Against</dt><dd>" + escape(context.scope()) + ": " + escape(String.join(", ", context.versions()))
                + "</dd><dt>Paths</dt><dd>at most " + context.hops() + " hops to a listed party or the China–Russia defence nexus</dd></dl>\n");
    }

    @Override
    public void write(Exposure exposure) {
        if (exposure.error() != null) {
            write("<p class=\"error\">Row " + exposure.row() + ": not checked: " + escape(exposure.error()) + "</p>\n");
            return;
        }
        if (!exposure.flagged()) {
            clear.append("<li>Row ").append(exposure.row()).append(": ").append(escape(exposure.input())).append("</li>\n");
            return;
        }
        StringBuilder html = new StringBuilder();
        html.append("<section class=\"row ").append(exposure.tier().label()).append("\">\n<h2>Row ").append(exposure.row()).append(": ")
                .append(escape(exposure.input())).append("<span class=\"badge\">").append(exposure.tier().label()).append("</span></h2>\n");
        html.append("<p class=\"units\">Read as: ");
        exposure.units().forEach(unit -> html.append(escape(unit.text())).append(" <i>(").append(unit.kind().name().toLowerCase(Locale.ROOT))
                .append(")</i>; "));
        html.append("audit requests ").append(exposure.auditRequests()).append("</p>\n<ul class=\"reasons\">");
        exposure.reasons().forEach(reason -> html.append("<li>").append(escape(reason)).append("</li>"));
        html.append("</ul>\n");
        if (!exposure.areas().isEmpty()) {
            html.append("<p>Sensitive Technology Research Areas: ").append(escape(String.join("; ", exposure.areas()))).append("</p>\n");
        }
        exposure.paths().forEach(path -> html.append(path(path)));
        html.append("</section>\n");
        write(html.toString());
    }

    /** A path drawn and its steps listed with their sources, as HTML with every text escaped: for this report and the workbench's page. */
    public static String path(Exposure.Path path) {
        return svg(path) + steps(path);
    }

    /** A path as a chain of boxes, each tie's label over its arrow. */
    static String svg(Exposure.Path path) {
        int n = path.steps().size();
        int width = n * BOX_WIDTH + (n - 1) * GAP + 10;
        StringBuilder svg = new StringBuilder("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" + width + "\" height=\"84\" viewBox=\"0 0 " + width
                + " 84\" role=\"img\" aria-label=\"path\">");
        svg.append("<defs><marker id=\"arrow\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\" markerWidth=\"7\" markerHeight=\"7\" orient=\"auto-start-reverse\">"
                + "<path d=\"M0,0L10,5L0,10z\" fill=\"#59636e\"/></marker></defs>");
        for (int i = 0; i < n; i++) {
            Exposure.Step step = path.steps().get(i);
            int x = 5 + i * (BOX_WIDTH + GAP);
            String fill = step.listed() ? "#ffebe9" : step.nexus() ? "#fff8c5" : "#f6f8fa";
            String stroke = step.listed() ? "#cf222e" : step.nexus() ? "#bf8700" : "#8c959f";
            svg.append("<rect x=\"").append(x).append("\" y=\"22\" width=\"").append(BOX_WIDTH).append("\" height=\"48\" rx=\"6\" fill=\"").append(fill)
                    .append("\" stroke=\"").append(stroke).append("\"/>");
            svg.append("<text x=\"").append(x + 8).append("\" y=\"42\" font-size=\"12\">").append(escape(shorten(step.caption(), 30))).append("</text>");
            svg.append("<text x=\"").append(x + 8).append("\" y=\"60\" font-size=\"11\" fill=\"#59636e\">").append(escape(step.dataset()))
                    .append(step.listed() ? " · listed" : step.nexus() ? " · nexus" : "").append(step.score() != null
                            ? String.format(Locale.ROOT, " · %.2f", step.score()) : "").append("</text>");
            if (step.link() != null) {
                int from = x + BOX_WIDTH;
                int to = from + GAP;
                if (step.link().schema().equals(Exposure.Link.SAME_PARTY)) {
                    // one party on two lists: a tie without a direction
                    svg.append("<line x1=\"").append(from).append("\" y1=\"46\" x2=\"").append(to).append("\" y2=\"46\" stroke=\"#59636e\" stroke-dasharray=\"4 3\"/>");
                } else {
                    svg.append("<line x1=\"").append(step.link().forward() ? from : to - 2).append("\" y1=\"46\" x2=\"")
                            .append(step.link().forward() ? to - 2 : from).append("\" y2=\"46\" stroke=\"#59636e\" marker-end=\"url(#arrow)\"/>");
                }
                String label = "<text x=\"" + (from + 4) + "\" y=\"16\" font-size=\"10\" fill=\"#3d444d\"><title>" + escape(step.link().label())
                        + "</title>" + escape(shorten(step.link().label(), 26)) + "</text>";
                // the tie's label links to the first source that is a web address
                String source = step.link().urls().stream().filter(WebAddresses::isWebAddress).findFirst().orElse(null);
                svg.append(source == null ? label : "<a href=\"" + escape(source) + "\" rel=\"noopener noreferrer\">" + label + "</a>");
            }
        }
        return svg.append("</svg>\n").toString();
    }

    /** Each tie of a path with its sources, linked where a source is a web address. */
    private static String steps(Exposure.Path path) {
        StringBuilder html = new StringBuilder("<ol class=\"steps\">");
        for (Exposure.Step step : path.steps()) {
            html.append("<li>").append(escape(step.caption())).append(" <code>").append(escape(step.id())).append("</code>");
            if (step.link() != null) {
                html.append(" — ").append(escape(step.link().label()));
                for (String url : step.link().urls()) {
                    if (WebAddresses.isWebAddress(url)) {
                        html.append(" [<a href=\"").append(escape(url)).append("\" rel=\"noopener noreferrer\">source</a>]");
                    }
                }
                if (!step.link().publishers().isEmpty()) {
                    html.append(" · ").append(escape(String.join(", ", step.link().publishers())));
                }
                if (!step.link().records().isEmpty()) {
                    html.append(" · ").append(escape(String.join("; ", step.link().records())));
                }
            }
            html.append("</li>");
        }
        return html.append("</ol>\n").toString();
    }

    private static String shorten(String text, int length) {
        return text == null ? "" : text.length() <= length ? text : text.substring(0, length - 1) + "…";
    }

    @Override
    public void finish(Summary summary) {
        if (!clear.isEmpty()) {
            write("<section class=\"row\"><h2>Clear</h2>\n<ul>\n" + clear + "</ul></section>\n");
        }
        write(String.format(Locale.ROOT, "<footer>%,d partners in %.1f s: %,d listed, %,d linked, %,d clear, %,d not checked.</footer>\n</body>\n</html>\n",
                summary.rows(), summary.elapsed().toNanos() / 1e9, summary.listed(), summary.linked(), summary.clear(), summary.errors()));
        try {
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the HTML report: " + e.getMessage(), e);
        }
    }

    private void write(String text) {
        try {
            out.write(text);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the HTML report: " + e.getMessage(), e);
        }
    }
}

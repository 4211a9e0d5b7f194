package org.convergence.web;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import io.javalin.http.Context;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.convergence.CsvRows;
import org.convergence.http.Caller;

/** What every page handler does: render a template, send a table as a CSV download, read a parameter, build a link. Thread-safe. */
final class Pages {
    private final TemplateEngine templates = TemplateEngine.createPrecompiled(ContentType.Html);

    /** Renders a page template with its parameters and the caller, whom every page's header shows and whose form token its forms carry. */
    void render(Context ctx, String template, Map<String, Object> parameters) {
        Map<String, Object> withCaller = new HashMap<>(parameters);
        withCaller.put("caller", Caller.of(ctx));
        StringOutput output = new StringOutput();
        templates.render(template, withCaller, output);
        ctx.contentType("text/html; charset=utf-8").result(output.toString());
    }

    static void csv(Context ctx, String filename, List<String> header, List<List<String>> rows) {
        attachment(ctx, filename, "text/csv; charset=utf-8").result(CsvRows.table(header, rows));
    }

    /** Marks the response as a file to save rather than a page to show. */
    static Context attachment(Context ctx, String filename, String contentType) {
        return ctx.contentType(contentType).header("Content-Disposition", "attachment; filename=\"" + filename + "\"");
    }

    /** A query parameter, stripped; empty when absent. */
    static String query(Context ctx, String name) {
        String value = ctx.queryParam(name);
        return value == null ? "" : value.strip();
    }

    /** A form field, stripped; empty when absent. */
    static String form(Context ctx, String name) {
        String value = ctx.formParam(name);
        return value == null ? "" : value.strip();
    }

    /** A year from a parameter, or null when blank or not a year (a filter left open). */
    static Integer year(String text) {
        return text.matches("\\d{4}") ? Integer.valueOf(text) : null;
    }

    /** Parameters as name, value, name, value ..., in that order. */
    static Map<String, String> parameters(String... namesAndValues) {
        Map<String, String> parameters = new LinkedHashMap<>();
        for (int i = 0; i + 1 < namesAndValues.length; i += 2) {
            parameters.put(namesAndValues[i], namesAndValues[i + 1]);
        }
        return parameters;
    }

    /** The path of an entity's page, its id encoded as one path segment (an id may hold any character). */
    static String entityPath(String id) {
        return "/workbench/entities/" + URLEncoder.encode(id, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** A link with the non-empty parameters, in the order given: the same filter always gives the same URL. */
    static String link(String path, Map<String, String> parameters) {
        List<String> pairs = new ArrayList<>();
        parameters.forEach((name, value) -> {
            if (value != null && !value.isEmpty()) {
                pairs.add(name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8));
            }
        });
        return pairs.isEmpty() ? path : path + "?" + String.join("&", pairs);
    }
}

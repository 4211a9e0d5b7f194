package org.convergence.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.convergence.model.ConvergenceModel;
import tech.followthemoney.model.Property;
import tech.followthemoney.model.Schema;

/** The reconciliation preview: a self-contained HTML fragment of an entity (no scripts, no remote assets). */
final class PreviewHtml {
    private static final int PROPERTIES = 12;
    private static final int VALUES = 4;
    private static final int VALUE_LENGTH = 160;
    /** The preview's only style, inline so that the fragment stands alone in OpenRefine's frame; its CSP allows it by hash. */
    static final String STYLE = "body{font:13px sans-serif;margin:8px}h3{margin:0 0 4px}dt{color:#555;margin-top:4px}dd{margin:0 0 0 8px}.meta{color:#555}";

    private PreviewHtml() {}

    /** Renders an entity as {@link EntityResource} nests it: its properties, then its sanctions and relations by caption. */
    static String render(JsonNode entity, ConvergenceModel model) {
        Schema schema = model.schema(entity.path("schema").asText()).orElse(null);
        StringBuilder html = new StringBuilder(2048);
        html.append("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>").append(escape(entity.path("caption").asText()))
                .append("</title><style>").append(STYLE).append("</style></head><body>");
        html.append("<h3>").append(escape(entity.path("caption").asText())).append("</h3>");
        html.append("<div class=\"meta\">").append(escape(schema == null ? entity.path("schema").asText() : schema.getLabel())).append(" · ")
                .append(escape(join(entity.path("datasets")))).append(" · ").append(escape(entity.path("id").asText())).append("</div><dl>");
        // Plain properties first (at most a screenful), then every relation: the sanctions are what a reviewer looks for.
        int shown = 0;
        for (var field : entity.path("properties").properties()) {
            if (!isRelation(field.getValue()) && shown++ < PROPERTIES) {
                appendProperty(html, schema, field.getKey(), field.getValue());
            }
        }
        for (var field : entity.path("properties").properties()) {
            if (isRelation(field.getValue())) {
                appendProperty(html, schema, field.getKey(), field.getValue());
            }
        }
        return html.append("</dl></body></html>").toString();
    }

    private static boolean isRelation(JsonNode values) {
        for (JsonNode value : values) {
            if (value.isObject()) {
                return true;
            }
        }
        return false;
    }

    private static void appendProperty(StringBuilder html, Schema schema, String property, JsonNode values) {
        html.append("<dt>").append(escape(label(schema, property))).append("</dt>");
        List<String> texts = new ArrayList<>();
        for (JsonNode value : values) {
            texts.add(value.isObject() ? nested(value) : value.asText());
        }
        for (String text : texts.subList(0, Math.min(VALUES, texts.size()))) {
            html.append("<dd>").append(escape(cut(text))).append("</dd>");
        }
        if (texts.size() > VALUES) {
            html.append("<dd class=\"meta\">and ").append(texts.size() - VALUES).append(" more</dd>");
        }
    }

    /** A nested entity (a sanction, an ownership) as one line: its caption and, for a sanction, its programme. */
    private static String nested(JsonNode entity) {
        String caption = entity.path("caption").asText();
        JsonNode program = entity.path("properties").path("program");
        return program.isArray() && !program.isEmpty() && !program.get(0).asText().equals(caption)
                ? caption + " (" + program.get(0).asText() + ")" : caption;
    }

    private static String label(Schema schema, String property) {
        Property found = schema == null ? null : schema.getProperty(property);
        return found == null ? property : found.getLabel();
    }

    private static String join(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(value -> values.add(value.asText()));
        return String.join(", ", values);
    }

    private static String cut(String value) {
        return value.length() <= VALUE_LENGTH ? value : value.substring(0, VALUE_LENGTH - 1) + "…";
    }

    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}

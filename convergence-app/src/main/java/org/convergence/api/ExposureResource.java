package org.convergence.api;

import static org.convergence.api.Parameters.invalid;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import org.convergence.http.Caller;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.convergence.exposure.Exposure;
import org.convergence.exposure.ExposureCheck;
import org.convergence.exposure.ExposureJson;
import org.convergence.graph.ExposureGraph;
import org.convergence.screening.Scope;
import org.convergence.screening.Screener;
import org.convergence.screening.Thresholds;

/**
 * {@code POST /exposure/{scope}}: partners in, for each its finding in the shape of {@code convergence
 * exposure}'s JSON lines ({@link ExposureJson}): listed, linked or clear, with the paths and their sources.
 * Every unit screened is recorded in the audit log as asked by the request's user.
 */
final class ExposureResource {
    static final int MAX_PARTNERS = 100;

    private final Screening screening;
    private final ExposureCheck check;

    ExposureResource(Screening screening, ExposureCheck check) {
        this.screening = screening;
        this.check = check;
    }

    void exposure(Context ctx) {
        int hops = Parameters.integer(ctx, "hops", ExposureCheck.Settings.DEFAULT_HOPS, 1, ExposureGraph.Bounds.MAX_HOPS);
        Thresholds defaults = screening.screener().thresholds();
        double threshold = Parameters.fraction(ctx, "threshold", defaults.threshold());
        Scope.Spec scope = screening.scope(ctx);
        JsonNode body = Json.read(ctx.bodyAsBytes());
        JsonNode partners = body.get("partners");
        if (partners == null || !partners.isArray() || partners.isEmpty()) {
            throw invalid("the body needs \"partners\": an array of partners, each a name or affiliation, e.g. {\"partners\": [{\"name\": "
                    + "\"State Key Laboratory of X, Harbin Institute of Technology, Harbin 150001, China\", \"country\": \"cn\"}]} or {\"partners\": "
                    + "[\"Harbin Institute of Technology\"]}");
        }
        if (partners.size() > MAX_PARTNERS) {
            throw invalid("%d partners in one request; the limit is %d: split them, or run `convergence exposure FILE`".formatted(partners.size(),
                    MAX_PARTNERS));
        }
        List<Screener.Query> queries = new ArrayList<>();
        for (int i = 0; i < partners.size(); i++) {
            queries.add(query(partners.get(i), i));
        }
        ExposureCheck.Settings settings = new ExposureCheck.Settings(scope, new Thresholds(threshold, threshold), Caller.of(ctx).requester(), hops,
                ExposureCheck.Settings.DEFAULT_PATHS);
        ObjectNode response = JsonNodeFactory.instance.objectNode();
        ArrayNode results = response.putArray("results");
        for (int i = 0; i < queries.size(); i++) {
            Exposure exposure = check.check(i + 1, "POST /exposure/" + scope.name() + " partner " + (i + 1), queries.get(i), settings);
            ObjectNode result = ExposureJson.of(exposure);
            if (queries.get(i).id() != null) {
                result.put("id", queries.get(i).id());
            }
            results.add(result);
        }
        response.put("hops", hops);
        response.put("threshold", threshold);
        ctx.json(response);
    }

    /** A partner: a string, or an object with {@code name} (a string or strings), and optionally {@code id}, {@code country}, {@code schema}. */
    private static Screener.Query query(JsonNode partner, int index) {
        String where = "partner " + (index + 1);
        if (partner.isTextual()) {
            return new Screener.Query(null, "Organization", Map.of("name", List.of(partner.asText())));
        }
        if (!partner.isObject()) {
            throw invalid(where + ": expected a name or an object with \"name\", got " + partner.getNodeType().name().toLowerCase(java.util.Locale.ROOT));
        }
        Map<String, List<String>> properties = new LinkedHashMap<>();
        properties.put("name", strings(partner.get("name"), where + " name"));
        if (partner.hasNonNull("country")) {
            properties.put("country", strings(partner.get("country"), where + " country"));
        }
        String schema = partner.hasNonNull("schema") ? partner.get("schema").asText() : "Organization";
        if (!schema.equals("Organization") && !schema.equals("Person") && !schema.equals("Company") && !schema.equals("LegalEntity")) {
            throw invalid(where + ": schema '" + Parameters.shorten(schema) + "' is not a partner's: use Organization, Company, LegalEntity or Person");
        }
        return new Screener.Query(partner.hasNonNull("id") ? partner.get("id").asText() : null, schema, properties);
    }

    private static List<String> strings(JsonNode value, String where) {
        if (value == null || value.isNull()) {
            return List.of();
        }
        if (value.isTextual()) {
            return List.of(value.asText());
        }
        if (value.isArray()) {
            List<String> strings = new ArrayList<>();
            value.forEach(item -> {
                if (!item.isTextual()) {
                    throw invalid(where + ": expected strings");
                }
                strings.add(item.asText());
            });
            return strings;
        }
        throw invalid(where + ": expected a string or strings");
    }
}

package org.convergence.api;

import static org.convergence.api.Parameters.invalid;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import org.convergence.http.Caller;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.convergence.model.ConvergenceModel;
import org.convergence.screening.Scope;
import org.convergence.screening.Screener;
import org.convergence.screening.Thresholds;
import org.convergence.screening.ScoringModel;

/**
 * {@code POST /match/{scope}} and {@code GET /search/{scope}}, in yente's shapes: a batch of entity
 * examples in, for each a list of scored entities out, with the features behind each score.
 */
final class MatchResource {
    static final int DEFAULT_MATCH_LIMIT = 5;
    static final int DEFAULT_SEARCH_LIMIT = 10;
    static final int MAX_LIMIT = 500;
    static final int MAX_BATCH = 100;
    /** The one algorithm behind every score. */
    static final String ALGORITHM = "convergence-logistic";
    /** yente's algorithm names, accepted so that yente clients work unchanged; all are answered by {@link #ALGORITHM}. */
    private static final List<String> ACCEPTED_ALGORITHMS = List.of(ALGORITHM, "default", "best", "logic-v1", "logic-v2", "name-based",
            "name-qualified", "regression-v1", "regression-v2");

    private final Screening screening;
    private final ConvergenceModel model;

    MatchResource(Screening screening, ConvergenceModel model) {
        this.screening = screening;
        this.model = model;
    }

    void match(Context ctx) {
        ScoringModel scoring = screening.screener().scorer().model();
        int limit = Parameters.integer(ctx, "limit", DEFAULT_MATCH_LIMIT, 1, MAX_LIMIT);
        Thresholds thresholds = Screening.thresholds(ctx, screening.screener().thresholds());
        String algorithm = algorithm(ctx);
        Scope.Spec scope = screening.scope(ctx);

        JsonNode body = Json.read(ctx.bodyAsBytes());
        requireEmpty(body, "weights");
        requireEmpty(body, "config");
        JsonNode queries = body.get("queries");
        if (queries == null || !queries.isObject() || queries.isEmpty()) {
            throw invalid("the body needs \"queries\": an object of named entity examples, e.g. "
                    + "{\"queries\": {\"q1\": {\"schema\": \"Person\", \"properties\": {\"name\": [\"Vladimir Putin\"]}}}}");
        }
        if (queries.size() > MAX_BATCH) {
            throw invalid("%d queries in one batch; the limit is %d: split the batch".formatted(queries.size(), MAX_BATCH));
        }
        List<Map.Entry<String, Screener.Query>> parsed = new ArrayList<>();
        for (var entry : queries.properties()) {
            parsed.add(Map.entry(entry.getKey(), QueryBuilder.fromExample(entry.getKey(), entry.getValue(), model)));
        }

        ObjectNode response = JsonNodeFactory.instance.objectNode();
        ObjectNode responses = response.putObject("responses");
        for (var entry : parsed) {
            List<Screener.Result> results = screening.screen(entry.getKey(), entry.getValue(), scope, limit + 1, thresholds,
                    Caller.of(ctx).requester(), "POST /match/" + scope.name());
            ObjectNode answer = responses.putObject(entry.getKey());
            answer.put("status", 200);
            ArrayNode list = answer.putArray("results");
            results.stream().limit(limit).forEach(result -> list.add(EntityJson.scored(result)));
            total(answer, results.size(), limit);
            answer.set("query", echo(entry.getValue()));
        }
        response.put("limit", limit);
        ObjectNode used = response.putObject("algorithm");
        used.put("name", ALGORITHM);
        used.put("requested", algorithm);
        used.put("threshold", thresholds.threshold());
        used.put("cutoff", thresholds.cutoff());
        used.put("provenance", scoring.provenance());
        ctx.header("x-batch-size", String.valueOf(parsed.size()));
        ctx.json(response);
    }

    /**
     * Looks up parties by name, best first, with the same scope parameters as {@code /match}; the
     * cutoff is a lookup's unless the request sets one, and {@code threshold} sets the match flags.
     */
    void search(Context ctx) {
        String text = Parameters.required(ctx, "q", "give the name to look for, e.g. ?q=Rosoboronexport");
        String schema = ctx.queryParam("schema") == null ? "LegalEntity" : ctx.queryParam("schema");
        int limit = Parameters.integer(ctx, "limit", DEFAULT_SEARCH_LIMIT, 1, MAX_LIMIT);
        int offset = Parameters.integer(ctx, "offset", 0, 0, MAX_LIMIT - limit);
        Scope.Spec scope = screening.scope(ctx);
        Thresholds thresholds = Screening.thresholds(ctx, screening.screener().thresholds().forLookup());
        Screener.Query query = QueryBuilder.of("q", schema, model).add("name", text).build("search");
        List<Screener.Result> results = screening.match("q", query, scope, offset + limit + 1, thresholds);

        ObjectNode response = JsonNodeFactory.instance.objectNode();
        response.put("limit", limit);
        response.put("offset", offset);
        total(response, results.size(), offset + limit);
        ArrayNode list = response.putArray("results");
        results.stream().skip(offset).limit(limit).forEach(result -> list.add(EntityJson.of(result.entity()).put("score", result.score().score())
                .put("match", result.score().match())));
        response.putObject("facets");
        ctx.json(response);
    }

    /** yente's total: exact when fewer results than asked for were found, else "at least". */
    private static void total(ObjectNode node, int found, int asked) {
        node.putObject("total").put("value", Math.min(found, asked + 1)).put("relation", found > asked ? "gte" : "eq");
    }

    private static ObjectNode echo(Screener.Query query) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("id", query.id());
        node.put("schema", query.schema());
        ObjectNode properties = node.putObject("properties");
        query.properties().entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(entry -> {
            ArrayNode values = properties.putArray(entry.getKey());
            entry.getValue().forEach(values::add);
        });
        return node;
    }

    private static String algorithm(Context ctx) {
        String requested = ctx.queryParam("algorithm");
        if (requested == null || requested.isBlank()) {
            return ALGORITHM;
        }
        if (!ACCEPTED_ALGORITHMS.contains(requested)) {
            throw invalid("unknown algorithm '%s': use one of %s (all are answered by %s)".formatted(Parameters.shorten(requested),
                    ACCEPTED_ALGORITHMS, ALGORITHM));
        }
        return requested;
    }

    /** Per-request weights would undo the calibration of the fitted model, so only an empty object is accepted. */
    private static void requireEmpty(JsonNode body, String field) {
        JsonNode value = body.get(field);
        if (value != null && !value.isNull() && !value.isEmpty()) {
            throw invalid("'%s' is not supported: scores come from Convergence's fitted model (%s); leave '%s' out or empty".formatted(field,
                    ALGORITHM, field));
        }
    }
}

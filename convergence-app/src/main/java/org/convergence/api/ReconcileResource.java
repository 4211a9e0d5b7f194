package org.convergence.api;

import static org.convergence.api.Parameters.invalid;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import org.convergence.http.Caller;
import io.javalin.http.HttpResponseException;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.convergence.ConvergenceException;
import org.convergence.http.RequestPolicy;
import org.convergence.model.ConvergenceModel;
import org.convergence.screening.Feature;
import org.convergence.screening.ScreenedEntity;
import org.convergence.screening.Scope;
import org.convergence.screening.Screener;
import org.convergence.screening.Thresholds;
import tech.followthemoney.model.Property;
import tech.followthemoney.model.PropertyType;
import tech.followthemoney.model.Schema;

/**
 * The OpenRefine reconciliation service (Reconciliation Service API v0.2) under
 * {@code /reconcile/{scope}}: the manifest, batches of queries sent as OpenRefine sends them (a form
 * field {@code queries} holding JSON, by POST or GET, with JSONP when asked), the entity, type and
 * property suggest services, and an HTML preview. Types are FtM schemata; properties are FtM
 * property names.
 */
final class ReconcileResource {
    static final List<String> DEFAULT_TYPES = List.of("Person", "Organization", "Company", "LegalEntity", "Vessel");
    static final int BATCH_SIZE = 100;
    static final int DEFAULT_LIMIT = 5;
    static final int MAX_LIMIT = 100;
    private static final int SUGGESTIONS = 10;
    private static final Pattern CALLBACK = Pattern.compile("[A-Za-z_$][A-Za-z0-9_$.]{0,63}");
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final Screening screening;
    private final ConvergenceModel model;
    private final EntityResource entities;

    ReconcileResource(Screening screening, ConvergenceModel model, EntityResource entities) {
        this.screening = screening;
        this.model = model;
        this.entities = entities;
    }

    /**
     * GET: the manifest, or the results of {@code ?queries=} when given, not recorded in the audit log: any page
     * can make a browser send a GET (an {@code <img>}), and OpenRefine sends its batches by POST.
     */
    void get(Context ctx) {
        Scope.Spec scope = screening.scope(ctx);
        String queries = ctx.queryParam("queries");
        reply(ctx, queries == null ? manifest(ctx, scope.name()) : reconcile(scope, queries, Caller.of(ctx), false));
    }

    /** POST: a batch in the form field {@code queries}, as OpenRefine sends it. */
    void post(Context ctx) {
        Scope.Spec scope = screening.scope(ctx);
        String queries = ctx.formParam("queries");
        if (queries == null) {
            queries = ctx.queryParam("queries");
        }
        if (queries == null) {
            // Javalin drops a value that is not valid URL encoding, so "missing" may also mean "garbled".
            throw invalid("the form field 'queries' is missing or not valid URL encoding: POST queries={\"q0\": {\"query\": \"...\", "
                    + "\"type\": \"Person\"}} as application/x-www-form-urlencoded, the JSON URL-encoded");
        }
        reply(ctx, reconcile(scope, queries, Caller.of(ctx), true));
    }

    private ObjectNode manifest(Context ctx, String scope) {
        String base = ctx.scheme() + "://" + ctx.host();
        String service = base + "/reconcile/" + scope;
        ObjectNode manifest = NODES.objectNode();
        manifest.putArray("versions").add("0.1").add("0.2");
        manifest.put("name", "Convergence screening (" + scope + ")");
        manifest.put("identifierSpace", base + "/entities/");
        manifest.put("schemaSpace", "https://followthemoney.tech/explorer/schemata/");
        manifest.put("documentation", base + "/openapi.json");
        manifest.put("batchSize", BATCH_SIZE);
        ArrayNode types = manifest.putArray("defaultTypes");
        DEFAULT_TYPES.forEach(name -> types.add(type(model.requireSchema(name))));
        manifest.putObject("view").put("url", base + "/entities/{{id}}");
        manifest.putObject("preview").put("url", service + "/preview?id={{id}}").put("width", 430).put("height", 300);
        ObjectNode suggest = manifest.putObject("suggest");
        for (String kind : List.of("entity", "type", "property")) {
            suggest.putObject(kind).put("service_url", service).put("service_path", "/suggest/" + kind);
        }
        return manifest;
    }

    /**
     * A batch's results, known false positives of the caller's workspace left out.
     *
     * @param recorded true to record the batch in the audit log as asked by the caller; false for a lookup
     */
    private ObjectNode reconcile(Scope.Spec scope, String text, Caller caller, boolean recorded) {
        JsonNode batch = Json.read(text, "the field 'queries'");
        if (batch.size() > BATCH_SIZE) {
            throw new HttpResponseException(413, "%d reconciliation queries in one batch; the manifest's batchSize is %d".formatted(batch.size(),
                    BATCH_SIZE));
        }
        Map<String, Screener.Query> queries = new LinkedHashMap<>();
        Map<String, Integer> limits = new LinkedHashMap<>();
        for (var entry : batch.properties()) {
            queries.put(entry.getKey(), query(entry.getKey(), entry.getValue()));
            limits.put(entry.getKey(), limit(entry.getKey(), entry.getValue().get("limit")));
        }
        // OpenRefine lists candidates for the user to choose from: a lookup's cutoff, and the model's threshold for its automatic matches.
        Thresholds thresholds = screening.screener().thresholds().forLookup();
        ObjectNode response = NODES.objectNode();
        queries.forEach((key, query) -> {
            ArrayNode result = response.putObject(key).putArray("result");
            List<Screener.Result> results = recorded
                    ? screening.screen(key, query, scope, limits.get(key), thresholds, caller.requester(), "reconcile/" + scope.name())
                    : screening.lookUp(key, query, scope, limits.get(key), thresholds, caller.workspace());
            for (Screener.Result found : results) {
                result.add(candidate(found));
            }
        });
        return response;
    }

    /** One reconciliation query: {@code query} is the name, {@code type} the schema, {@code properties} pid/v pairs. */
    private Screener.Query query(String key, JsonNode query) {
        if (!query.isObject()) {
            throw invalid("query '%s' must be an object such as {\"query\": \"...\", \"type\": \"Person\"}".formatted(Parameters.shorten(key)));
        }
        QueryBuilder builder = QueryBuilder.of(key, typeOf(key, query.get("type")), model);
        JsonNode name = query.get("query");
        if (name != null && name.isTextual() && !name.asText().isBlank()) {
            builder.add("name", name.asText());
        }
        JsonNode properties = query.get("properties");
        if (properties != null && !properties.isNull()) {
            if (!properties.isArray()) {
                throw invalid("query '%s': 'properties' must be a list of {\"pid\": ..., \"v\": ...}".formatted(Parameters.shorten(key)));
            }
            for (JsonNode property : properties) {
                JsonNode pid = property.get("pid");
                if (pid == null || !pid.isTextual()) {
                    throw invalid("query '%s': every property needs a 'pid', an FtM property name such as birthDate".formatted(Parameters.shorten(key)));
                }
                // OpenRefine may qualify the property with its schema ("Person:birthDate").
                String propertyName = pid.asText().substring(pid.asText().indexOf(':') + 1);
                JsonNode values = property.path("v");
                for (JsonNode value : values.isArray() ? values : List.of(values)) {
                    builder.add(propertyName, comparable(value));
                }
            }
        }
        return builder.build(key);
    }

    /** A value OpenRefine has reconciled itself comes as {"id": ..., "name": ...}: its name is what can be compared. */
    private static JsonNode comparable(JsonNode value) {
        if (!value.isObject()) {
            return value;
        }
        return value.hasNonNull("name") ? value.get("name") : value.path("id");
    }

    private static String typeOf(String key, JsonNode type) {
        if (type == null || type.isNull()) {
            return "LegalEntity";
        }
        JsonNode first = type.isArray() && !type.isEmpty() ? type.get(0) : type;
        if (!first.isTextual()) {
            throw invalid("query '%s': 'type' must be a schema name such as \"Person\", or a list of them".formatted(Parameters.shorten(key)));
        }
        return first.asText();
    }

    private static int limit(String key, JsonNode limit) {
        if (limit == null || limit.isNull()) {
            return DEFAULT_LIMIT;
        }
        int value = -1;
        if (limit.isIntegralNumber() && limit.canConvertToInt()) {
            value = limit.asInt();
        } else if (limit.isTextual() && limit.asText().strip().matches("\\d{1,6}")) {
            value = Integer.parseInt(limit.asText().strip());
        }
        if (value < 1 || value > MAX_LIMIT) {
            throw invalid("query '%s': 'limit' must be a whole number from 1 to %d; got %s".formatted(Parameters.shorten(key), MAX_LIMIT,
                    Parameters.shorten(limit.toString())));
        }
        return value;
    }

    private ObjectNode candidate(Screener.Result found) {
        Schema schema = found.entity().screened().schema();
        ObjectNode candidate = NODES.objectNode();
        candidate.put("id", found.entity().screened().id());
        candidate.put("name", found.entity().screened().caption());
        candidate.put("description", schema.getLabel() + ", " + found.entity().version().dataset());
        candidate.putArray("type").add(type(schema));
        candidate.put("score", found.score().score());
        candidate.put("match", found.score().match());
        ArrayNode features = candidate.putArray("features");
        for (Feature feature : found.score().features()) {
            features.addObject().put("id", feature.name()).put("value", feature.value());
        }
        return candidate;
    }

    void suggestEntity(Context ctx) {
        Scope.Spec scope = screening.scope(ctx);
        String prefix = ctx.queryParam("prefix") == null ? "" : ctx.queryParam("prefix").strip();
        int cursor = Parameters.integer(ctx, "cursor", 0, 0, MatchResource.MAX_LIMIT);
        ObjectNode response = suggestResponse(prefix);
        ArrayNode result = response.putArray("result");
        if (!prefix.isEmpty()) {
            String type = ctx.queryParam("type") == null ? "LegalEntity" : ctx.queryParam("type");
            Screener.Query query = QueryBuilder.of("prefix", type, model).add("name", prefix).build("suggest");
            List<Screener.Result> found;
            try {
                found = screening.match("prefix", query, scope, cursor + SUGGESTIONS, screening.screener().thresholds().forLookup());
            } catch (ConvergenceException e) {
                // A prefix of punctuation has no name to look for: nothing to suggest yet, not an error while typing.
                found = List.of();
            }
            found.stream().skip(cursor).forEach(hit -> {
                Schema schema = hit.entity().screened().schema();
                ObjectNode item = result.addObject();
                item.put("id", hit.entity().screened().id());
                item.put("name", hit.entity().screened().caption());
                item.put("description", schema.getLabel() + ", " + hit.entity().version().dataset());
                item.putArray("notable").add(type(schema));
            });
        }
        reply(ctx, response);
    }

    void suggestType(Context ctx) {
        screening.scope(ctx);
        String prefix = lower(ctx.queryParam("prefix"));
        ObjectNode response = suggestResponse(prefix);
        ArrayNode result = response.putArray("result");
        model.ftm().getSchemata().values().stream().filter(ScreenedEntity::isScreenable)
                .filter(schema -> startsWith(prefix, schema.getName(), schema.getLabel()))
                .sorted(Comparator.comparing(Schema::getName)).limit(SUGGESTIONS)
                .forEach(schema -> result.add(type(schema)));
        reply(ctx, response);
    }

    void suggestProperty(Context ctx) {
        screening.scope(ctx);
        String prefix = lower(ctx.queryParam("prefix"));
        Map<String, Property> properties = new LinkedHashMap<>();
        for (String type : DEFAULT_TYPES) {
            for (Property property : model.requireSchema(type).getProperties()) {
                if (!PropertyType.ENTITY.equals(property.getType().getName()) && startsWith(prefix, property.getName(), property.getLabel())) {
                    properties.putIfAbsent(property.getName(), property);
                }
            }
        }
        ObjectNode response = suggestResponse(prefix);
        ArrayNode result = response.putArray("result");
        properties.values().stream().sorted(Comparator.comparing(Property::getName)).limit(SUGGESTIONS)
                .forEach(property -> result.addObject().put("id", property.getName()).put("name", property.getLabel())
                        .put("description", property.getType().getLabel()));
        reply(ctx, response);
    }

    /** An HTML summary of an entity, small enough for OpenRefine's preview frame. */
    void preview(Context ctx) {
        screening.scope(ctx);
        String id = Parameters.required(ctx, "id", "give the entity id, e.g. ?id=ca-sema-...");
        RequestPolicy.allowFraming(ctx, PreviewHtml.STYLE);
        ctx.html(PreviewHtml.render(entities.nested(id), model));
    }

    private static ObjectNode suggestResponse(String prefix) {
        ObjectNode response = NODES.objectNode();
        response.put("code", "/api/status/ok");
        response.put("status", "200 OK");
        response.put("prefix", prefix);
        return response;
    }

    private static ObjectNode type(Schema schema) {
        return NODES.objectNode().put("id", schema.getName()).put("name", schema.getLabel());
    }

    private static String lower(String text) {
        return text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
    }

    /** Whether the name or any word of the label starts with the (lower-case) prefix; an empty prefix matches all. */
    private static boolean startsWith(String prefix, String name, String label) {
        if (name.toLowerCase(Locale.ROOT).startsWith(prefix)) {
            return true;
        }
        for (String word : label.toLowerCase(Locale.ROOT).split("\\s+")) {
            if (word.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    /** JSON, or JSONP when a {@code callback} is given (a JavaScript identifier only: anything else could inject script). */
    private static void reply(Context ctx, ObjectNode body) {
        String callback = ctx.queryParam("callback");
        if (callback == null) {
            ctx.json(body);
            return;
        }
        if (!CALLBACK.matcher(callback).matches()) {
            throw invalid("callback must be a JavaScript function name (letters, digits, _ $ .); got '" + Parameters.shorten(callback) + "'");
        }
        try {
            ctx.contentType("application/javascript").result(callback + "(" + Json.MAPPER.writeValueAsString(body) + ");");
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree always serialises", e);
        }
    }
}

package org.convergence.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.convergence.model.Entity;
import org.convergence.model.EntityMetadata;
import org.convergence.screening.Feature;
import org.convergence.screening.Screener;
import org.convergence.screening.ScreeningIndex;
import tech.followthemoney.model.Schema;

/**
 * Entities in yente's JSON shape ({@code EntityResponse}): id, caption, schema, properties (name to
 * list of values), datasets, and the timestamps when the store has them; scored ones add score, match,
 * features and explanations.
 */
final class EntityJson {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private EntityJson() {}

    static ObjectNode of(String id, String caption, Schema schema, Map<String, List<String>> properties, String dataset) {
        ObjectNode node = NODES.objectNode();
        node.put("id", id);
        node.put("caption", caption);
        node.put("schema", schema.getName());
        ObjectNode values = node.putObject("properties");
        properties.forEach((property, list) -> {
            ArrayNode array = values.putArray(property);
            list.forEach(array::add);
        });
        node.putArray("datasets").add(dataset);
        return node;
    }

    static ObjectNode of(ScreeningIndex.Indexed indexed) {
        return of(indexed.screened().id(), indexed.screened().caption(), indexed.screened().schema(), indexed.properties(),
                indexed.version().dataset());
    }

    /** An entity read from the store, with its referents, target flag and first/last seen when the source gave them. */
    static ObjectNode of(Entity entity) {
        ObjectNode node = of(entity.id(), entity.caption(), entity.schema(), entity.properties(), entity.dataset());
        EntityMetadata metadata = entity.metadata();
        ArrayNode referents = node.putArray("referents");
        metadata.referents().forEach(referents::add);
        if (metadata.target() != null) {
            node.put("target", metadata.target());
        }
        putTime(node, "first_seen", metadata.firstSeen());
        putTime(node, "last_seen", metadata.lastSeen());
        putTime(node, "last_change", metadata.lastChange());
        return node;
    }

    private static void putTime(ObjectNode node, String field, Instant time) {
        if (time != null) {
            node.put(field, time.toString());
        }
    }

    /**
     * A scored result. {@code features} (name to value) is yente's older field and {@code explanations}
     * (name to score and detail) its current one; Convergence fills both from the same features, so a
     * reviewer sees which names, dates or identifiers agreed.
     */
    static ObjectNode scored(Screener.Result result) {
        ObjectNode node = of(result.entity());
        node.put("score", result.score().score());
        node.put("match", result.score().match());
        ObjectNode features = node.putObject("features");
        ObjectNode explanations = node.putObject("explanations");
        for (Feature feature : result.score().features()) {
            features.put(feature.name(), feature.value());
            explanations.putObject(feature.name()).put("score", feature.value()).put("detail", feature.detail());
        }
        return node;
    }
}

package org.convergence.model;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tech.followthemoney.model.Property;
import tech.followthemoney.model.Schema;

/**
 * An entity assembled from its statements. Every value keeps its own provenance: ask
 * {@link #statements()} rather than {@link #values(String)} when the source matters.
 *
 * @param id the entity id, namespaced by dataset for entities that Convergence creates
 * @param schema the FtM schema (default or extension)
 * @param dataset the dataset the entity was read from or is imported into
 * @param statements the values, in the order the source gave them
 * @param metadata entity-level facts (caption, referents, upstream datasets, timestamps)
 */
public record Entity(String id, Schema schema, String dataset, List<Statement> statements, EntityMetadata metadata) {

    public Entity {
        requireNonNull(id, "id is null");
        requireNonNull(schema, "schema is null");
        requireNonNull(dataset, "dataset is null");
        statements = List.copyOf(statements);
        metadata = metadata == null ? EntityMetadata.NONE : metadata;
    }

    /** Starts an entity of the given schema; values are checked against the schema as they are added. */
    public static EntityBuilder builder(Schema schema, String id, String dataset) {
        return new EntityBuilder(schema, id, dataset);
    }

    /** The values of one property, in source order (empty when the property has none). */
    public List<String> values(String property) {
        List<String> values = new ArrayList<>();
        for (Statement statement : statements) {
            if (statement.property().equals(property)) {
                values.add(statement.value());
            }
        }
        return values;
    }

    /** The first value of a property, or null. */
    public String first(String property) {
        for (Statement statement : statements) {
            if (statement.property().equals(property)) {
                return statement.value();
            }
        }
        return null;
    }

    /** Property name to values, properties in the order they first appear. */
    public Map<String, List<String>> properties() {
        Map<String, List<String>> properties = new LinkedHashMap<>();
        for (Statement statement : statements) {
            properties.computeIfAbsent(statement.property(), key -> new ArrayList<>()).add(statement.value());
        }
        return properties;
    }

    /**
     * The caption: the one the source gave, or else the first value of the schema's caption
     * properties (FtM's rule), or else the id.
     */
    public String caption() {
        if (metadata.caption() != null && !metadata.caption().isBlank()) {
            return metadata.caption();
        }
        for (Property property : schema.getCaptionProperties()) {
            String value = first(property.getName());
            if (value != null) {
                return value;
            }
        }
        return id;
    }
}

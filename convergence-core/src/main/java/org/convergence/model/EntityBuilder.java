package org.convergence.model;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import tech.followthemoney.model.Property;
import tech.followthemoney.model.Schema;

/**
 * Builds an {@link Entity} value by value. Not thread-safe; one builder per record.
 *
 * <p>Blank values are dropped (FtM has no empty values); an unknown property is an error, since a
 * value that lands nowhere would be lost silently.
 */
public final class EntityBuilder {
    private final Schema schema;
    private final String id;
    private final String dataset;
    private final List<Statement> statements = new ArrayList<>();
    private EntityMetadata metadata = EntityMetadata.NONE;
    private String source;
    private Instant seen;

    EntityBuilder(Schema schema, String id, String dataset) {
        this.schema = requireNonNull(schema, "schema is null");
        this.id = requireNonNull(id, "id is null");
        this.dataset = requireNonNull(dataset, "dataset is null");
        if (id.isBlank()) {
            throw new IllegalArgumentException("entity id is blank");
        }
    }

    /** The source reference (file and record) given to every statement added after this call. */
    /** The schema of the entity being built. */
    public Schema schema() {
        return schema;
    }

    public EntityBuilder source(String newSource) {
        this.source = newSource;
        return this;
    }

    /** First and last seen for every statement added after this call (default: the entity's own timestamps). */
    public EntityBuilder seen(Instant when) {
        this.seen = when;
        return this;
    }

    public EntityBuilder metadata(EntityMetadata newMetadata) {
        this.metadata = requireNonNull(newMetadata, "metadata is null");
        return this;
    }

    public EntityBuilder add(String property, String value) {
        return add(property, value, null, null);
    }

    /**
     * Adds a value.
     *
     * @throws IllegalArgumentException when the schema has no such property
     */
    public EntityBuilder add(String property, String value, String lang, String originalValue) {
        Property definition = schema.getProperty(property);
        if (definition == null) {
            throw new IllegalArgumentException("schema " + schema.getName() + " has no property '" + property + "'");
        }
        if (value == null || value.isBlank()) {
            return this;
        }
        Instant first = seen != null ? seen : metadata.firstSeen();
        Instant last = seen != null ? seen : metadata.lastSeen();
        statements.add(new Statement(id, schema.getName(), property, value, lang, originalValue, dataset, source, first, last));
        return this;
    }

    public EntityBuilder addAll(String property, Iterable<String> values) {
        for (String value : values) {
            add(property, value);
        }
        return this;
    }

    public boolean has(String property) {
        return statements.stream().anyMatch(statement -> statement.property().equals(property));
    }

    public Entity build() {
        return new Entity(id, schema, dataset, statements, metadata);
    }
}

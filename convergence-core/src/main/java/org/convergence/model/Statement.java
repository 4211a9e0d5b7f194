package org.convergence.model;

import static java.util.Objects.requireNonNull;

import java.time.Instant;

/**
 * One value of one property of one entity, with its provenance: the FollowTheMoney statement.
 *
 * @param entityId the entity the value belongs to
 * @param schema the entity's schema name
 * @param property the property name (FtM's, or an extension's)
 * @param value the cleaned value
 * @param lang the ISO 639-3 language of the value, or null
 * @param originalValue the value as the source wrote it, when cleaning changed it, or null
 * @param dataset the dataset the statement was imported into
 * @param source where in the source the value came from (file and record), or null
 * @param firstSeen when the value was first seen in this dataset
 * @param lastSeen when the value was last seen in this dataset
 */
public record Statement(
        String entityId,
        String schema,
        String property,
        String value,
        String lang,
        String originalValue,
        String dataset,
        String source,
        Instant firstSeen,
        Instant lastSeen) {

    public Statement {
        requireNonNull(entityId, "entityId is null");
        requireNonNull(schema, "schema is null");
        requireNonNull(property, "property is null");
        requireNonNull(value, "value is null");
        requireNonNull(dataset, "dataset is null");
    }
}

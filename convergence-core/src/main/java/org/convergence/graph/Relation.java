package org.convergence.graph;

import static java.util.Objects.requireNonNull;

import java.util.List;
import org.convergence.store.DatasetVersion;

/**
 * A relation of the exposure graph: a relationship entity (a schema with an FtM edge: Ownership,
 * Directorship, Membership, UnknownLink, Transfer ...) between its two ends, or the tie of an event or
 * a party to an entity one of its properties names (a co-operation event's supplier, a company's parent).
 *
 * @param entityId the relationship entity, or the event or party whose property it is
 * @param schema that entity's schema
 * @param label what the relation says, for people: FtM's edge label with the edge's caption
 *     ("owns", "directs (General Director)", "belongs to (major defence laboratory)"), an
 *     UnknownLink's role ("supervising agency of", "Linked To"), or the property's label ("supplier")
 * @param sourceId the end the relation goes from (the owner, the member, the event)
 * @param targetId the end it goes to (the asset, the organisation, the party)
 * @param directed false when FtM reads the relation alike both ways (UnknownLink, Associate, Family)
 * @param version the dataset version of the entity it comes from
 * @param sources where it is stated
 * @param startDate the start of its validity where stated (the schema's temporal extent), or null
 * @param endDate the end of its validity where stated, or null
 */
public record Relation(String entityId, String schema, String label, String sourceId, String targetId, boolean directed,
        DatasetVersion version, Sources sources, String startDate, String endDate) {

    public Relation {
        requireNonNull(entityId, "entityId is null");
        requireNonNull(schema, "schema is null");
        requireNonNull(label, "label is null");
        requireNonNull(sourceId, "sourceId is null");
        requireNonNull(targetId, "targetId is null");
        requireNonNull(version, "version is null");
        requireNonNull(sources, "sources is null");
    }

    /**
     * Where a relation is stated.
     *
     * @param urls the entity's source URLs
     * @param publishers the entity's publishers
     * @param records where in the imported file the relation's ends are stated (file and line or record, or a source's URL)
     */
    public record Sources(List<String> urls, List<String> publishers, List<String> records) {
        public Sources {
            urls = List.copyOf(urls);
            publishers = List.copyOf(publishers);
            records = List.copyOf(records);
        }
    }
}

package org.convergence.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.convergence.ConvergenceException;
import org.convergence.ErrorCategory;
import org.convergence.model.Entity;
import org.convergence.screening.References;
import org.convergence.screening.Screener;
import org.convergence.screening.ScreeningIndex;
import org.convergence.store.DatasetVersion;
import org.convergence.store.StatementStore;
import org.convergence.store.VersionedEntity;
import tech.followthemoney.model.Property;
import tech.followthemoney.model.PropertyType;

/**
 * {@code GET /entities/{id}}: an entity with its sanctions and relations nested as yente nests them.
 * Entities pointing at it (a Sanction, an Ownership) appear under the reverse name of their property
 * ({@code sanctions}, {@code ownershipAsset}); an edge's other end and the entity's own references
 * (an address entity) are expanded one level.
 */
final class EntityResource {
    /** Adjacent entities shown at most: a shared address may be pointed at by thousands. */
    static final int MAX_ADJACENT = 500;

    private final Screener screener;
    private final StatementStore store;

    EntityResource(Screener screener, StatementStore store) {
        this.screener = screener;
        this.store = store;
    }

    void entity(Context ctx) {
        ctx.json(nested(ctx.pathParam("id")));
    }

    ObjectNode nested(String id) {
        ScreeningIndex index = screener.current();
        Entity root = find(id, index, null).orElseThrow(() -> new ConvergenceException(ErrorCategory.NOT_FOUND,
                "no entity '%s' in the latest versions of %s".formatted(Parameters.shorten(id),
                        index.versions().stream().map(DatasetVersion::dataset).sorted().toList())));
        ObjectNode node = EntityJson.of(root);
        ObjectNode properties = (ObjectNode) node.get("properties");
        expandReferences(root, properties, index, Set.of(root.id()));
        Map<String, ArrayNode> reverse = new HashMap<>();
        List<References.Reference> references = index.references().to(root.id());
        for (References.Reference reference : references.subList(0, Math.min(references.size(), MAX_ADJACENT))) {
            store.fetchEntity(reference.version(), reference.entityId()).ifPresent(adjacent -> {
                ObjectNode adjacentNode = EntityJson.of(adjacent);
                expandReferences(adjacent, (ObjectNode) adjacentNode.get("properties"), index, Set.of(root.id(), adjacent.id()));
                String name = reference.property().getReverse().map(Property::getName).orElse(reference.property().getQName());
                reverse.computeIfAbsent(name, key -> properties.putArray(key)).add(adjacentNode);
            });
        }
        return node;
    }

    /**
     * Replaces the entity-typed values of {@code properties} by the entities they name, one level
     * deep; values naming an entity on the path (the root seen from its sanction) are dropped, as yente does.
     */
    private void expandReferences(Entity entity, ObjectNode properties, ScreeningIndex index, Set<String> path) {
        for (String name : fieldNames(properties)) {
            Property property = entity.schema().getProperty(name);
            if (property == null || !PropertyType.ENTITY.equals(property.getType().getName())) {
                continue;
            }
            ArrayNode expanded = properties.arrayNode();
            for (var value : properties.get(name)) {
                String target = value.asText();
                if (path.contains(target)) {
                    continue;
                }
                Optional<Entity> found = find(target, index, entity);
                if (found.isPresent()) {
                    expanded.add(EntityJson.of(found.get()));
                } else {
                    expanded.add(target);
                }
            }
            if (expanded.isEmpty()) {
                properties.remove(name);
            } else {
                properties.set(name, expanded);
            }
        }
    }

    private static List<String> fieldNames(ObjectNode node) {
        return node.properties().stream().map(Map.Entry::getKey).toList();
    }

    /**
     * An entity of the indexed versions: screened entities are found through the index, others (a
     * Sanction, an Address) by asking each dataset, the dataset of {@code near} first.
     */
    private Optional<Entity> find(String id, ScreeningIndex index, Entity near) {
        Optional<ScreeningIndex.Indexed> indexed = index.get(id);
        if (indexed.isPresent()) {
            return store.fetchEntity(indexed.get().version(), id);
        }
        return store.findEntity(index.versions(), id, near == null ? null : near.dataset()).map(VersionedEntity::entity);
    }
}

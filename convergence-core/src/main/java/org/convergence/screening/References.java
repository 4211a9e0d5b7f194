package org.convergence.screening;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.convergence.model.Entity;
import org.convergence.model.Statement;
import org.convergence.store.DatasetVersion;
import tech.followthemoney.model.Property;
import tech.followthemoney.model.PropertyType;

/**
 * The reverse of entity-typed properties: which entities point at an entity (the Sanction whose
 * {@code entity} is a listed person, the Ownership whose {@code asset} is a company). Only ids are
 * kept, with the property and the dataset version to fetch the pointing entity from the store, so the
 * index stays small beside the screened names. Immutable once built; safe to read from many threads.
 */
public final class References {
    /**
     * One entity pointing at another.
     *
     * @param entityId the pointing entity (a Sanction, an Ownership ...)
     * @param property its entity-typed property that holds the target's id ({@code Sanction:entity})
     * @param version the dataset version the pointing entity is in
     */
    public record Reference(String entityId, Property property, DatasetVersion version) {}

    private final Map<String, List<Reference>> byTarget;

    private References(Map<String, List<Reference>> byTarget) {
        this.byTarget = byTarget;
    }

    /** The entities that point at this one, in the order they were imported (empty when none). */
    public List<Reference> to(String entityId) {
        return byTarget.getOrDefault(entityId, List.of());
    }

    /** Collects the references of entities as they stream past; not thread-safe. */
    static final class Builder {
        private final Map<String, List<Reference>> byTarget = new HashMap<>();

        void add(Entity entity, DatasetVersion version) {
            for (Statement statement : entity.statements()) {
                Property property = entity.schema().getProperty(statement.property());
                if (property != null && PropertyType.ENTITY.equals(property.getType().getName()) && !statement.value().equals(entity.id())) {
                    byTarget.computeIfAbsent(statement.value(), id -> new ArrayList<>(1)).add(new Reference(entity.id(), property, version));
                }
            }
        }

        References build() {
            Map<String, List<Reference>> frozen = new HashMap<>(byTarget.size() * 2);
            byTarget.forEach((target, references) -> frozen.put(target, List.copyOf(references)));
            return new References(frozen);
        }
    }
}

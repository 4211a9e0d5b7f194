package org.convergence.store;

import org.convergence.model.Entity;

/** An entity with the dataset version it was read from. */
public record VersionedEntity(Entity entity, DatasetVersion version) {}

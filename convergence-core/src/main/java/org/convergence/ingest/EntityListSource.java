package org.convergence.ingest;

import java.util.Iterator;
import java.util.List;
import org.convergence.model.Entity;

/** Entities already in memory (a small curated dataset), as a source for the {@link Ingestor}. */
public final class EntityListSource implements EntitySource {
    private final Iterator<Entity> entities;
    private final int size;
    private int position;

    public EntityListSource(List<Entity> entities) {
        this.entities = List.copyOf(entities).iterator();
        this.size = entities.size();
    }

    @Override
    public Entity next() {
        if (!entities.hasNext()) {
            return null;
        }
        position++;
        return entities.next();
    }

    @Override
    public long position() {
        return position;
    }

    @Override
    public long size() {
        return size;
    }

    @Override
    public void close() {}
}

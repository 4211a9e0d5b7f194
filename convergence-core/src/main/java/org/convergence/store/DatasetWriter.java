package org.convergence.store;

import org.convergence.model.Entity;

/**
 * Writes one new dataset version inside one transaction. Nothing is visible to readers until
 * {@link #commit}; closing without committing rolls everything back. Not thread-safe.
 */
public interface DatasetWriter extends AutoCloseable {

    /**
     * Adds an entity to the version.
     *
     * @throws org.convergence.ingest.InvalidRecordException when the version already has an entity with this id
     */
    void write(Entity entity);

    /**
     * Commits the version and returns it with its counts.
     *
     * @param dataDate the date of the data found while reading, or null to keep the request's
     */
    DatasetVersion commit(long skippedCount, String dataDate);

    /** Rolls back unless committed, and releases the connection. */
    @Override
    void close();
}

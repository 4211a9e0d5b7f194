package org.convergence.ingest;

import org.convergence.InvalidRecordException;
import org.convergence.model.Entity;

/**
 * A stream of entities read from a source file (or a set of files). One implementation per format.
 *
 * <p>{@link #next()} throws {@link InvalidRecordException} for a record it cannot read and can be
 * called again to go on with the next record; any other {@link org.convergence.ConvergenceException}
 * means the source as a whole is unreadable (truncated, wrong format) and ends the import.
 */
public interface EntitySource extends AutoCloseable {

    /** The next entity, or null at the end of the source. */
    Entity next();

    /** How far the source has been read, in bytes, for progress reporting. */
    long position();

    /** The size of the source in bytes, or -1 when unknown. */
    long size();

    /**
     * The date of the data as the source itself states it (ISO prefix, e.g. a list's generation date),
     * or null when it does not. Asked once the source has been read to its end, so a reader may take
     * it from anywhere in the file.
     */
    default String dataDate() {
        return null;
    }

    @Override
    void close();
}

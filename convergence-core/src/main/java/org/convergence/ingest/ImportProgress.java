package org.convergence.ingest;

/** Receives progress from a running import; called from the importing thread. */
@FunctionalInterface
public interface ImportProgress {
    ImportProgress NONE = (records, position, size) -> {};

    /**
     * @param records records read so far, valid or not
     * @param position bytes of the source read so far
     * @param size total bytes of the source, or -1 when unknown
     */
    void update(long records, long position, long size);
}

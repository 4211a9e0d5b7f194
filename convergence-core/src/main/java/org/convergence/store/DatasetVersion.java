package org.convergence.store;

import static java.util.Objects.requireNonNull;

import java.time.Instant;

/**
 * One version of a dataset: the result of one import.
 *
 * @param id the store's id of the version
 * @param dataset the dataset name
 * @param version 1 for the first import of the dataset, then 2, 3, ...
 * @param importedAt when the import committed
 * @param sourceUri the file, folder or URL imported
 * @param checksum SHA-256 of the source content
 * @param dataDate the date of the data as the source gives it, or null
 * @param entityCount entities in this version
 * @param statementCount statements in this version
 * @param skippedCount invalid records skipped by the import
 */
public record DatasetVersion(
        long id,
        String dataset,
        int version,
        Instant importedAt,
        String sourceUri,
        String checksum,
        String dataDate,
        long entityCount,
        long statementCount,
        long skippedCount) {

    public DatasetVersion {
        requireNonNull(dataset, "dataset is null");
        requireNonNull(importedAt, "importedAt is null");
    }

    /** e.g. {@code un-sc@2}. */
    public String label() {
        return dataset + "@" + version;
    }
}

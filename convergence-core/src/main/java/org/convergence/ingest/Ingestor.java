package org.convergence.ingest;

import org.convergence.store.ImportRequest;
import org.convergence.InvalidRecordException;
import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.convergence.ConvergenceException;
import org.convergence.ErrorCategory;
import org.convergence.model.Entity;
import org.convergence.store.DatasetVersion;
import org.convergence.store.DatasetWriter;
import org.convergence.store.StatementStore;

/**
 * Runs an {@link EntitySource} into the store as one transaction that creates one dataset version:
 * all of it lands or none of it does.
 *
 * <p>Without skip-invalid, the first invalid record ends the import and nothing is written. With it,
 * invalid records are counted and reported, and the rest lands. An import whose checksum equals the
 * latest version's writes nothing and reports the dataset unchanged.
 */
public final class Ingestor {
    /** How many skipped records are kept with their message; the rest are only counted. */
    private static final int SKIPPED_DETAIL_LIMIT = 1_000;
    /** Progress is reported every this many records. */
    private static final int PROGRESS_INTERVAL = 2_000;

    private final StatementStore store;

    public Ingestor(StatementStore store) {
        this.store = requireNonNull(store, "store is null");
    }

    /**
     * Imports the source.
     *
     * @throws InvalidRecordException on the first invalid record, unless skipInvalid
     * @throws ConvergenceException when the source is unreadable or the store fails; nothing is written
     */
    public ImportResult run(ImportRequest request, EntitySource source, boolean skipInvalid, ImportProgress progress) {
        long started = System.nanoTime();
        Optional<DatasetVersion> latest = store.latestVersion(request.dataset());
        if (latest.isPresent() && request.checksum().equals(latest.get().checksum())) {
            return new ImportResult(latest.get(), true, 0, 0, List.of(), 0, Duration.ofNanos(System.nanoTime() - started));
        }
        List<InvalidRecordException> skipped = new ArrayList<>();
        long skippedCount = 0;
        long records = 0;
        try (DatasetWriter writer = store.beginImport(request)) {
            while (true) {
                Entity entity;
                try {
                    entity = source.next();
                } catch (InvalidRecordException e) {
                    if (!skipInvalid) {
                        throw e;
                    }
                    skippedCount++;
                    if (skipped.size() < SKIPPED_DETAIL_LIMIT) {
                        skipped.add(e);
                    }
                    continue;
                }
                if (entity == null) {
                    break;
                }
                if (!entity.dataset().equals(request.dataset())) {
                    throw new ConvergenceException(ErrorCategory.INTERNAL,
                            "source produced entity " + entity.id() + " for dataset " + entity.dataset() + " while importing " + request.dataset());
                }
                writer.write(entity);
                if (++records % PROGRESS_INTERVAL == 0) {
                    progress.update(records, source.position(), source.size());
                }
            }
            progress.update(records, source.position(), source.size());
            DatasetVersion version = writer.commit(skippedCount, source.dataDate());
            return new ImportResult(version, false, version.entityCount(), version.statementCount(), skipped, skippedCount,
                    Duration.ofNanos(System.nanoTime() - started));
        }
    }
}

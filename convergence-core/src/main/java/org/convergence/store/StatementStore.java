package org.convergence.store;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.convergence.model.Entity;

/**
 * The repository of statements: datasets, their versions, and entities assembled from statements.
 * Two implementations share one contract: {@link H2StatementStore} (embedded, the default) and
 * {@link PostgresStatementStore} (a shared server). Implementations are thread-safe.
 */
public interface StatementStore extends AutoCloseable {

    /** Where the store is, for people: a folder for H2, a JDBC URL without credentials for PostgreSQL. */
    String location();

    /** Starts a new version of the dataset. The caller must close the writer. */
    DatasetWriter beginImport(ImportRequest request);

    /** The latest version of every dataset, by dataset name. */
    List<DatasetVersion> latestVersions();

    /** Every version of one dataset, oldest first (empty when the dataset does not exist). */
    List<DatasetVersion> versions(String dataset);

    /** The latest version of one dataset. */
    Optional<DatasetVersion> latestVersion(String dataset);

    /** One entity of a dataset version, assembled from its statements. */
    Optional<Entity> fetchEntity(DatasetVersion version, String entityId);

    /**
     * The entity of this id in the first of the versions that holds it, those of the dataset {@code preferred} first: the
     * one lookup by id across datasets, for pages and answers that show "the entity X" whichever dataset holds it.
     *
     * @param preferred the dataset to look in first (that of the entity a reader came from), or null
     */
    default Optional<VersionedEntity> findEntity(List<DatasetVersion> versions, String entityId, String preferred) {
        List<DatasetVersion> ordered = new ArrayList<>(versions);
        ordered.sort(Comparator.comparing((DatasetVersion version) -> !version.dataset().equals(preferred)));
        for (DatasetVersion version : ordered) {
            Optional<Entity> entity = fetchEntity(version, entityId);
            if (entity.isPresent()) {
                return Optional.of(new VersionedEntity(entity.get(), version));
            }
        }
        return Optional.empty();
    }

    /** Every entity of a dataset version, in the order it was imported, streamed (memory stays flat). */
    void forEachEntity(DatasetVersion version, Consumer<Entity> action);

    /**
     * The store's database, for capabilities that keep their own tables beside the statements (the
     * screening audit log); its schema is migrated with the store's. Closed when the store closes.
     */
    DataSource dataSource();

    @Override
    void close();
}

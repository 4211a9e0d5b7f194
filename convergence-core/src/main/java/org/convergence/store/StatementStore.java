package org.convergence.store;

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

package org.convergence.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.convergence.ConvergenceException;
import org.convergence.ErrorCategory;
import org.convergence.InvalidRecordException;
import org.convergence.model.ConvergenceModel;
import org.convergence.model.Entity;
import org.convergence.model.EntityMetadata;
import org.convergence.model.Statement;
import org.flywaydb.core.api.FlywayException;
import tech.followthemoney.model.Schema;

/**
 * The statement store over JDBC, shared by the H2 and PostgreSQL stores: the schema (Flyway
 * migrations in {@code db/migration}) and the SQL are the same on both.
 */
abstract class JdbcStatementStore implements StatementStore {
    private static final int BATCH_SIZE = 5_000;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<List<String>> STRING_LIST = new TypeReference<>() {};

    private static final String VERSION_COLUMNS =
            "id, dataset, version, imported_at, source_uri, checksum, data_date, entity_count, statement_count, skipped_count";
    private static final String ENTITY_COLUMNS = "entity_id, schema_name, caption, target, referents, origin_datasets,"
            + " first_seen, last_seen, last_change, first_statement, statement_count";
    private static final String STATEMENT_COLUMNS = "property, value_text, lang, original_value, source, first_seen, last_seen";

    private final HikariDataSource dataSource;
    private final ConvergenceModel model;

    /**
     * Opens the pool and migrates the schema.
     *
     * @param openHint what to check when the store cannot be opened, for the error message
     */
    JdbcStatementStore(HikariConfig config, ConvergenceModel model, String openHint) {
        this(openPool(config, openHint), model, true);
    }

    /**
     * A store over an open pool, which it closes when it closes.
     *
     * @param migrate whether to bring the schema up to date: not for a store another process has open and has migrated
     */
    JdbcStatementStore(HikariDataSource dataSource, ConvergenceModel model, boolean migrate) {
        this.model = model;
        this.dataSource = dataSource;
        if (migrate) {
            try {
                StoreSchema.migrate(dataSource);
            } catch (FlywayException e) {
                dataSource.close();
                throw new ConvergenceException(ErrorCategory.STORE, "cannot migrate the store schema: " + rootMessage(e), e);
            }
        }
    }

    /** Opens a pool on the configured database, or fails with a store error that says what to check. */
    static HikariDataSource openPool(HikariConfig config, String openHint) {
        try {
            return pool(config);
        } catch (RuntimeException e) {
            throw new ConvergenceException(ErrorCategory.STORE,
                    "cannot open the store at " + config.getJdbcUrl() + ": " + rootMessage(e) + " [Hint: " + openHint + "]", e);
        }
    }

    /** Opens a pool on the configured database; its first connection is made now, so that a failure shows here. */
    static HikariDataSource pool(HikariConfig config) {
        config.setAutoCommit(true);
        config.setMaximumPoolSize(4);
        config.setPoolName("convergence-store");
        return new HikariDataSource(config);
    }

    static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage();
    }

    @Override
    public DatasetWriter beginImport(ImportRequest request) {
        try {
            return new JdbcDatasetWriter(dataSource.getConnection(), request);
        } catch (SQLException e) {
            throw storeFailure("start the import of " + request.dataset(), e);
        }
    }

    @Override
    public List<DatasetVersion> latestVersions() {
        return queryVersions("SELECT " + VERSION_COLUMNS + " FROM dataset_version v WHERE version = "
                + "(SELECT MAX(w.version) FROM dataset_version w WHERE w.dataset = v.dataset) ORDER BY dataset");
    }

    @Override
    public List<DatasetVersion> versions(String dataset) {
        return queryVersions("SELECT " + VERSION_COLUMNS + " FROM dataset_version WHERE dataset = ? ORDER BY version", dataset);
    }

    @Override
    public Optional<DatasetVersion> latestVersion(String dataset) {
        List<DatasetVersion> versions = queryVersions("SELECT " + VERSION_COLUMNS
                + " FROM dataset_version WHERE dataset = ? ORDER BY version DESC LIMIT 1", dataset);
        return versions.stream().findFirst();
    }

    private List<DatasetVersion> queryVersions(String sql, String... parameters) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                query.setString(i + 1, parameters[i]);
            }
            List<DatasetVersion> versions = new ArrayList<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    versions.add(new DatasetVersion(rows.getLong(1), rows.getString(2), rows.getInt(3), instant(rows, 4),
                            rows.getString(5), rows.getString(6), rows.getString(7), rows.getLong(8), rows.getLong(9), rows.getLong(10)));
                }
            }
            return versions;
        } catch (SQLException e) {
            throw storeFailure("read dataset versions", e);
        }
    }

    @Override
    public Optional<Entity> fetchEntity(DatasetVersion version, String entityId) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement entities = connection.prepareStatement(
                        "SELECT " + ENTITY_COLUMNS + " FROM entity WHERE version_id = ? AND entity_id = ?")) {
            entities.setLong(1, version.id());
            entities.setString(2, entityId);
            try (ResultSet entityRows = entities.executeQuery()) {
                if (!entityRows.next()) {
                    return Optional.empty();
                }
                long first = entityRows.getLong(10);
                try (PreparedStatement statements = connection.prepareStatement(
                        "SELECT " + STATEMENT_COLUMNS + " FROM statement WHERE row_id >= ? AND row_id < ? ORDER BY row_id")) {
                    statements.setLong(1, first);
                    statements.setLong(2, first + entityRows.getInt(11));
                    try (ResultSet statementRows = statements.executeQuery()) {
                        return Optional.of(assemble(entityRows, statementRows, version.dataset()));
                    }
                }
            }
        } catch (SQLException e) {
            throw storeFailure("read entity " + entityId + " of " + version.label(), e);
        }
    }

    /** Streams a version as two key-range scans, entities and statements, merged in import order. */
    @Override
    public void forEachEntity(DatasetVersion version, Consumer<Entity> action) {
        long from = firstRowId(version.id());
        long to = firstRowId(version.id() + 1);
        try (Connection connection = dataSource.getConnection()) {
            // PostgreSQL streams a result set only inside a transaction with a fetch size.
            connection.setAutoCommit(false);
            try (PreparedStatement entities = connection.prepareStatement(
                            "SELECT " + ENTITY_COLUMNS + " FROM entity WHERE row_id >= ? AND row_id < ? ORDER BY row_id");
                    PreparedStatement statements = connection.prepareStatement(
                            "SELECT " + STATEMENT_COLUMNS + " FROM statement WHERE row_id >= ? AND row_id < ? ORDER BY row_id")) {
                for (PreparedStatement query : List.of(entities, statements)) {
                    query.setFetchSize(5_000);
                    query.setLong(1, from);
                    query.setLong(2, to);
                }
                try (ResultSet entityRows = entities.executeQuery(); ResultSet statementRows = statements.executeQuery()) {
                    while (entityRows.next()) {
                        action.accept(assemble(entityRows, statementRows, version.dataset()));
                    }
                }
            } finally {
                connection.rollback();
            }
        } catch (SQLException e) {
            throw storeFailure("read entities of " + version.label(), e);
        }
    }

    /** The entity of the current entity row, with the next statement_count statement rows. */
    private Entity assemble(ResultSet entityRow, ResultSet statementRows, String dataset) throws SQLException {
        String id = entityRow.getString(1);
        String schemaName = entityRow.getString(2);
        Schema schema = model.schema(schemaName).orElseThrow(() -> new ConvergenceException(ErrorCategory.STORE,
                "entity " + id + " has schema '" + schemaName + "', which this version of Convergence does not know"));
        Boolean target = entityRow.getObject(4) == null ? null : entityRow.getBoolean(4);
        EntityMetadata metadata = new EntityMetadata(entityRow.getString(3), stringList(entityRow.getString(5)),
                stringList(entityRow.getString(6)), target, instant(entityRow, 7), instant(entityRow, 8), instant(entityRow, 9));
        int count = entityRow.getInt(11);
        List<Statement> statements = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            if (!statementRows.next()) {
                throw new ConvergenceException(ErrorCategory.STORE, "store is inconsistent: entity " + id + " lacks statements");
            }
            statements.add(new Statement(id, schemaName, statementRows.getString(1), statementRows.getString(2), statementRows.getString(3),
                    statementRows.getString(4), dataset, statementRows.getString(5), instant(statementRows, 6), instant(statementRows, 7)));
        }
        return new Entity(id, schema, dataset, statements, metadata);
    }

    /** The first row id of a version: rows of version v are [v * 2^32, (v + 1) * 2^32). */
    private static long firstRowId(long versionId) {
        return versionId << 32;
    }

    @Override
    public DataSource dataSource() {
        return dataSource;
    }

    @Override
    public void close() {
        dataSource.close();
    }

    private ConvergenceException storeFailure(String action, SQLException e) {
        return StoreFailure.of(action, e, location());
    }

    private static Instant instant(ResultSet rows, int column) throws SQLException {
        Timestamp timestamp = rows.getTimestamp(column, java.util.Calendar.getInstance(java.util.TimeZone.getTimeZone("UTC")));
        return timestamp == null ? null : timestamp.toInstant();
    }

    private static LocalDateTime utc(Instant instant) {
        return instant == null ? null : LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    private static List<String> stringList(String json) {
        if (json == null) {
            return List.of();
        }
        try {
            return JSON.readValue(json, STRING_LIST);
        } catch (JsonProcessingException e) {
            throw new ConvergenceException(ErrorCategory.STORE, "corrupt list in the store: " + json, e);
        }
    }

    private static String json(List<String> values) {
        if (values.isEmpty()) {
            return null;
        }
        try {
            return JSON.writeValueAsString(values);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** One import: one connection, one transaction, batched inserts. */
    private final class JdbcDatasetWriter implements DatasetWriter {
        private final Connection connection;
        private final ImportRequest request;
        private final long versionId;
        private final int versionNumber;
        private final Instant startedAt = Instant.now();
        private final PreparedStatement insertEntity;
        private final PreparedStatement insertStatement;
        private final Set<String> seenIds = new HashSet<>();
        private long entities;
        private long statements;
        private int pendingStatements;
        private boolean committed;

        JdbcDatasetWriter(Connection connection, ImportRequest request) throws SQLException {
            this.connection = connection;
            this.request = request;
            try {
                connection.setAutoCommit(false);
                this.versionNumber = nextVersion(request.dataset());
                try (PreparedStatement insert = connection.prepareStatement(
                        "INSERT INTO dataset_version (dataset, version, imported_at, source_uri, checksum, data_date) VALUES (?, ?, ?, ?, ?, ?)",
                        new String[] {"id"})) {
                    insert.setString(1, request.dataset());
                    insert.setInt(2, versionNumber);
                    insert.setObject(3, utc(startedAt));
                    insert.setString(4, request.sourceUri());
                    insert.setString(5, request.checksum());
                    insert.setString(6, request.dataDate());
                    insert.executeUpdate();
                    try (ResultSet keys = insert.getGeneratedKeys()) {
                        keys.next();
                        this.versionId = keys.getLong(1);
                    }
                }
                this.insertEntity = connection.prepareStatement("INSERT INTO entity (row_id, version_id, " + ENTITY_COLUMNS
                        + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
                this.insertStatement = connection.prepareStatement("INSERT INTO statement (row_id, entity_id, " + STATEMENT_COLUMNS
                        + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
            } catch (SQLException e) {
                rollbackQuietly();
                connection.close();
                throw e;
            }
        }

        private int nextVersion(String dataset) throws SQLException {
            try (PreparedStatement query = connection.prepareStatement("SELECT MAX(version) FROM dataset_version WHERE dataset = ?")) {
                query.setString(1, dataset);
                try (ResultSet rows = query.executeQuery()) {
                    rows.next();
                    return rows.getInt(1) + 1;
                }
            }
        }

        @Override
        public void write(Entity entity) {
            if (!seenIds.add(entity.id())) {
                throw new InvalidRecordException(request.sourceUri(), "entity id '" + entity.id() + "' appears twice; ids must be unique in a dataset");
            }
            try {
                EntityMetadata metadata = entity.metadata();
                long firstStatement = firstRowId(versionId) + statements;
                insertEntity.setLong(1, firstRowId(versionId) + entities);
                insertEntity.setLong(2, versionId);
                insertEntity.setString(3, entity.id());
                insertEntity.setString(4, entity.schema().getName());
                insertEntity.setString(5, metadata.caption());
                insertEntity.setObject(6, metadata.target());
                insertEntity.setString(7, json(metadata.referents()));
                insertEntity.setString(8, json(metadata.originDatasets()));
                insertEntity.setObject(9, utc(metadata.firstSeen()));
                insertEntity.setObject(10, utc(metadata.lastSeen()));
                insertEntity.setObject(11, utc(metadata.lastChange()));
                insertEntity.setLong(12, firstStatement);
                insertEntity.setInt(13, entity.statements().size());
                insertEntity.addBatch();
                long rowId = firstStatement;
                for (Statement statement : entity.statements()) {
                    insertStatement.setLong(1, rowId++);
                    insertStatement.setString(2, entity.id());
                    insertStatement.setString(3, statement.property());
                    insertStatement.setString(4, statement.value());
                    insertStatement.setString(5, statement.lang());
                    insertStatement.setString(6, statement.originalValue());
                    insertStatement.setString(7, statement.source());
                    insertStatement.setObject(8, utc(statement.firstSeen() != null ? statement.firstSeen() : startedAt));
                    insertStatement.setObject(9, utc(statement.lastSeen() != null ? statement.lastSeen() : startedAt));
                    insertStatement.addBatch();
                }
                entities++;
                statements += entity.statements().size();
                pendingStatements += entity.statements().size() + 1;
                if (pendingStatements >= BATCH_SIZE) {
                    flush();
                }
            } catch (SQLException e) {
                throw storeFailure("write entity " + entity.id(), e);
            }
        }

        private void flush() throws SQLException {
            insertEntity.executeBatch();
            insertStatement.executeBatch();
            pendingStatements = 0;
        }

        @Override
        public DatasetVersion commit(long skippedCount, String dataDate) {
            String date = dataDate == null ? request.dataDate() : dataDate;
            try {
                flush();
                try (PreparedStatement update = connection.prepareStatement(
                        "UPDATE dataset_version SET entity_count = ?, statement_count = ?, skipped_count = ?, imported_at = ?, data_date = ? WHERE id = ?")) {
                    Instant committedAt = Instant.now();
                    update.setLong(1, entities);
                    update.setLong(2, statements);
                    update.setLong(3, skippedCount);
                    update.setObject(4, utc(committedAt));
                    update.setString(5, date);
                    update.setLong(6, versionId);
                    update.executeUpdate();
                    connection.commit();
                    committed = true;
                    return new DatasetVersion(versionId, request.dataset(), versionNumber, committedAt, request.sourceUri(),
                            request.checksum(), date, entities, statements, skippedCount);
                }
            } catch (SQLException e) {
                throw storeFailure("commit the import of " + request.dataset(), e);
            }
        }

        @Override
        public void close() {
            try {
                if (!committed) {
                    rollbackQuietly();
                }
                insertEntity.close();
                insertStatement.close();
                connection.setAutoCommit(true);
                connection.close();
            } catch (SQLException e) {
                throw storeFailure("close the import of " + request.dataset(), e);
            }
        }

        private void rollbackQuietly() {
            try {
                connection.rollback();
            } catch (SQLException e) {
                // The connection is broken; the database discards the open transaction itself.
            }
        }
    }
}

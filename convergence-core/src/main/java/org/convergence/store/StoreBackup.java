package org.convergence.store;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.convergence.ConvergenceException;
import org.convergence.ErrorCategory;
import org.convergence.store.BackupManifest.Column;
import org.flywaydb.core.api.MigrationVersion;
import org.h2.jdbcx.JdbcDataSource;

/**
 * Backs up a whole store to one file and restores it, the same on H2 and PostgreSQL, so that a backup
 * of the embedded store restores into a server store and the reverse.
 *
 * <p>A backup holds every table of the store as its database lists them (Flyway's history aside) and
 * is read in one snapshot transaction: imports and screening that go on meanwhile are either wholly in
 * it or not at all. A restore runs in one transaction: the backup lands whole or the store stays as it
 * was. A backup from an earlier schema is first upgraded by the migrations in a temporary embedded
 * database. Thread-safe: each call takes its own connections.
 */
public final class StoreBackup {
    /** The version of the file format this code writes and reads. */
    public static final int FORMAT_VERSION = 1;
    private static final int BATCH_SIZE = 5_000;

    private StoreBackup() {}

    /**
     * Writes a snapshot of every table of the store to {@code file}. An existing file is replaced only
     * once the new backup is complete.
     *
     * @return what the backup holds
     * @throws ConvergenceException STORE when the store cannot be read, INVALID_INPUT when the file cannot be written
     */
    public static BackupManifest write(StatementStore store, Path file) {
        return write(store.dataSource(), file);
    }

    /**
     * Restores a backup into the store, in one transaction.
     *
     * @param replace delete what the store holds first; without it a store that holds anything is refused
     * @return what was restored (after the upgrade, for a backup from an earlier schema)
     * @throws ConvergenceException INVALID_INPUT for a file that is not a whole backup, a backup from a newer
     *     schema, or a store that is not empty; NOT_FOUND for a missing file; STORE when the store cannot be written
     */
    public static BackupManifest restore(StatementStore store, Path file, boolean replace) {
        return restore(store.dataSource(), file, store.location(), replace);
    }

    static BackupManifest write(DataSource dataSource, Path file) {
        MigrationVersion version = StoreSchema.current(dataSource);
        Path partial = file.resolveSibling(file.getFileName() + ".partial");
        try (Connection connection = dataSource.getConnection()) {
            beginSnapshot(connection);
            try {
                List<StoreTable> tables = StoreTable.discover(connection);
                List<BackupManifest.Table> counted = new ArrayList<>();
                for (StoreTable table : tables) {
                    counted.add(new BackupManifest.Table(table.name(), table.columns(), count(connection, table)));
                }
                BackupManifest manifest = new BackupManifest(FORMAT_VERSION, version.getVersion(), Instant.now(), counted);
                try (OutputStream out = Files.newOutputStream(partial)) {
                    BackupWriter.write(connection, tables, manifest, out);
                }
                Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                return manifest;
            } finally {
                connection.rollback();
            }
        } catch (SQLException e) {
            throw new ConvergenceException(ErrorCategory.STORE, "cannot read the store for the backup: " + e.getMessage(), e);
        } catch (NoSuchFileException e) {
            throw new ConvergenceException(ErrorCategory.INVALID_INPUT, "cannot write the backup " + file + ": the folder "
                    + file.toAbsolutePath().getParent() + " does not exist", e);
        } catch (IOException e) {
            throw new ConvergenceException(ErrorCategory.INVALID_INPUT, "cannot write the backup " + file + ": " + e.getMessage()
                    + " [Hint: check that the folder is writable and has room]", e);
        } finally {
            deleteQuietly(partial);
        }
    }

    /** Starts a read-only transaction that sees one state of every table, whatever commits meanwhile. */
    private static void beginSnapshot(Connection connection) throws SQLException {
        connection.setAutoCommit(false);
        // PostgreSQL's REPEATABLE READ is snapshot isolation. H2's lets another table's newly committed
        // rows appear; its SERIALIZABLE reads every table as of the transaction's first read.
        boolean postgres = "PostgreSQL".equals(connection.getMetaData().getDatabaseProductName());
        connection.setTransactionIsolation(postgres ? Connection.TRANSACTION_REPEATABLE_READ : Connection.TRANSACTION_SERIALIZABLE);
        connection.setReadOnly(true);
    }

    static BackupManifest restore(DataSource dataSource, Path file, String location, boolean replace) {
        try (BackupReader reader = new BackupReader(file)) {
            BackupManifest manifest = reader.manifest();
            MigrationVersion theirs = MigrationVersion.fromVersion(manifest.schemaVersion());
            MigrationVersion ours = StoreSchema.latest(dataSource);
            if (theirs.isNewerThan(ours)) {
                throw new ConvergenceException(ErrorCategory.INVALID_INPUT, "the backup " + file + " has schema version " + theirs
                        + ", newer than this Convergence knows (" + ours + "); nothing was restored"
                        + " [Hint: restore it with the Convergence that wrote it, or a newer one]");
            }
            if (theirs.compareTo(ours) < 0) {
                // Refused before the upgrade, which can take a while.
                refuseUnlessEmpty(dataSource, location, replace);
                return upgradeAndRestore(dataSource, reader, manifest, file, location, replace);
            }
            try (Connection connection = dataSource.getConnection()) {
                connection.setAutoCommit(false);
                try {
                    load(connection, reader, manifest, file, location, replace);
                    connection.commit();
                    return manifest;
                } catch (SQLException | RuntimeException e) {
                    connection.rollback();
                    throw e;
                }
            } catch (SQLException e) {
                throw new ConvergenceException(ErrorCategory.STORE, "cannot restore " + file + " into the store at " + location + ": "
                        + e.getMessage() + "; nothing was restored", e);
            }
        }
    }

    private static void refuseUnlessEmpty(DataSource dataSource, String location, boolean replace) {
        try (Connection connection = dataSource.getConnection()) {
            refuseUnlessEmpty(connection, StoreTable.discover(connection), location, replace);
        } catch (SQLException e) {
            throw new ConvergenceException(ErrorCategory.STORE, "cannot read the store at " + location + ": " + e.getMessage(), e);
        }
    }

    /** Loads the rows in the caller's transaction; the caller commits. */
    private static void load(Connection connection, BackupReader reader, BackupManifest manifest, Path file, String location, boolean replace)
            throws SQLException {
        List<StoreTable> tables = StoreTable.discover(connection);
        Map<String, StoreTable> byName = fit(manifest, tables, file);
        Map<String, Long> identityFloor = identityMaxima(connection, tables);
        refuseUnlessEmpty(connection, tables, location, replace);
        try (Statement delete = connection.createStatement()) {
            for (StoreTable table : tables.reversed()) {
                delete.executeUpdate("DELETE FROM " + table.name());
            }
        }
        for (BackupManifest.Table table : manifest.tables()) {
            reader.startTable(table);
            insertRows(connection, reader, table, byName.get(table.name()), file);
        }
        reader.finish();
        for (StoreTable table : tables) {
            continueNumbering(connection, table, identityFloor);
        }
    }

    /** The target's table of each of the backup's tables, when they are the same tables with the same columns. */
    private static Map<String, StoreTable> fit(BackupManifest manifest, List<StoreTable> tables, Path file) {
        Map<String, StoreTable> byName = new LinkedHashMap<>();
        tables.forEach(table -> byName.put(table.name(), table));
        List<String> backupNames = manifest.tables().stream().map(BackupManifest.Table::name).toList();
        if (!backupNames.equals(List.copyOf(byName.keySet()))) {
            throw new ConvergenceException(ErrorCategory.INVALID_INPUT, "the backup " + file + " holds the tables " + backupNames
                    + " but the store at schema version " + manifest.schemaVersion() + " has " + byName.keySet()
                    + "; nothing was restored [Hint: the file was changed, or written by a modified Convergence]");
        }
        for (BackupManifest.Table table : manifest.tables()) {
            List<Column> expected = byName.get(table.name()).columns();
            if (!table.columns().equals(expected)) {
                throw new ConvergenceException(ErrorCategory.INVALID_INPUT, "the backup " + file + " has the columns " + table.columns()
                        + " for table " + table.name() + " but the store has " + expected + "; nothing was restored");
            }
        }
        return byName;
    }

    private static void refuseUnlessEmpty(Connection connection, List<StoreTable> tables, String location, boolean replace) throws SQLException {
        if (replace) {
            return;
        }
        Map<String, Long> held = new LinkedHashMap<>();
        for (StoreTable table : tables) {
            long rows = count(connection, table);
            if (rows > 0) {
                held.put(table.name(), rows);
            }
        }
        if (!held.isEmpty()) {
            throw new ConvergenceException(ErrorCategory.INVALID_INPUT, "the store at " + location + " is not empty (rows by table: " + held
                    + "); nothing was restored [Hint: restore into an empty store, or use --replace to delete what it holds first]");
        }
    }

    private static void insertRows(Connection connection, BackupReader reader, BackupManifest.Table table, StoreTable target, Path file)
            throws SQLException {
        String placeholders = String.join(", ", table.columns().stream().map(column -> "?").toList());
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO " + table.name() + " (" + target.columnList() + ") VALUES (" + placeholders + ")")) {
            int pending = 0;
            for (long row = 1; row <= table.rows(); row++) {
                Object[] values = reader.nextRow(table.columns());
                for (int i = 0; i < values.length; i++) {
                    bind(insert, i + 1, values[i], target.sqlTypes().get(i));
                }
                insert.addBatch();
                if (++pending == BATCH_SIZE || row == table.rows()) {
                    try {
                        insert.executeBatch();
                    } catch (SQLException e) {
                        throw new ConvergenceException(ErrorCategory.INVALID_INPUT, "the backup " + file + " has a row the store refuses in table "
                                + table.name() + ", among rows " + (row - pending + 1) + " to " + row + ": " + rootMessage(e)
                                + "; nothing was restored", e);
                    }
                    pending = 0;
                }
            }
        }
    }

    private static void bind(PreparedStatement insert, int index, Object value, int sqlType) throws SQLException {
        switch (value) {
            case null -> insert.setNull(index, sqlType);
            case Long number -> insert.setLong(index, number);
            case Double number -> insert.setDouble(index, number);
            case Boolean flag -> insert.setBoolean(index, flag);
            case LocalDateTime time -> insert.setObject(index, time);
            case String text -> insert.setString(index, text);
            default -> throw new IllegalArgumentException("a backup value is a long, double, boolean, timestamp or string, not " + value.getClass());
        }
    }

    /** The highest value of each identity column before the restore, so that ids the store handed out are not handed out again. */
    private static Map<String, Long> identityMaxima(Connection connection, List<StoreTable> tables) throws SQLException {
        Map<String, Long> maxima = new HashMap<>();
        for (StoreTable table : tables) {
            for (String column : table.identityColumns()) {
                maxima.put(table.name() + "." + column, max(connection, table, column));
            }
        }
        return maxima;
    }

    /** Sets the table's identity columns to go on after the restored rows: inserting explicit ids does not move them. */
    private static void continueNumbering(Connection connection, StoreTable table, Map<String, Long> floor) throws SQLException {
        for (String column : table.identityColumns()) {
            long next = Math.max(max(connection, table, column), floor.getOrDefault(table.name() + "." + column, 0L)) + 1;
            try (Statement restart = connection.createStatement()) {
                restart.execute("ALTER TABLE " + table.name() + " ALTER COLUMN " + column + " RESTART WITH " + next);
            }
        }
    }

    private static long max(Connection connection, StoreTable table, String column) throws SQLException {
        return single(connection, "SELECT COALESCE(MAX(" + column + "), 0) FROM " + table.name());
    }

    private static long count(Connection connection, StoreTable table) throws SQLException {
        return single(connection, "SELECT COUNT(*) FROM " + table.name());
    }

    private static long single(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery(sql)) {
            result.next();
            return result.getLong(1);
        }
    }

    /**
     * Restores a backup from an earlier schema: loads it into a temporary embedded store at that schema,
     * migrates it, backs it up again, and restores that.
     */
    private static BackupManifest upgradeAndRestore(DataSource target, BackupReader reader, BackupManifest manifest, Path file,
            String location, boolean replace) {
        Path scratch;
        try {
            scratch = Files.createTempDirectory("convergence-upgrade-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a temporary folder to upgrade the backup in", e);
        }
        try {
            JdbcDataSource upgrade = new JdbcDataSource();
            upgrade.setURL("jdbc:h2:file:" + scratch.resolve("store"));
            StoreSchema.migrate(upgrade, MigrationVersion.fromVersion(manifest.schemaVersion()));
            try (Connection connection = upgrade.getConnection()) {
                connection.setAutoCommit(false);
                load(connection, reader, manifest, file, "a temporary store", false);
                connection.commit();
            } catch (SQLException e) {
                throw new ConvergenceException(ErrorCategory.STORE, "cannot load the backup into a temporary store to upgrade it: " + e.getMessage(), e);
            }
            StoreSchema.migrate(upgrade);
            Path upgraded = scratch.resolve("upgraded.backup.gz");
            write(upgrade, upgraded);
            BackupManifest restored = restore(target, upgraded, location, replace);
            // Taken when the original was, not when it was upgraded.
            return new BackupManifest(restored.formatVersion(), restored.schemaVersion(), manifest.createdAt(), restored.tables());
        } finally {
            deleteTree(scratch);
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage();
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // A partial file left behind is named .partial and replaced by the next backup.
        }
    }

    private static void deleteTree(Path folder) {
        try (Stream<Path> paths = Files.walk(folder)) {
            paths.sorted(Comparator.reverseOrder()).forEach(StoreBackup::deleteQuietly);
        } catch (IOException e) {
            // The temporary folder is left to the system's cleaning of its temporary files.
        }
    }
}

package org.convergence.store;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.List;

/**
 * What a backup holds: the first line of the file, read before any row so that a restore can refuse a
 * backup it cannot take without touching the store.
 *
 * @param formatVersion the version of the file format ({@link StoreBackup#FORMAT_VERSION} when written by this code)
 * @param schemaVersion the Flyway version of the schema the rows were read from, e.g. {@code "3"}
 * @param createdAt when the snapshot was taken
 * @param tables every table of the store, parents before the tables that refer to them
 */
public record BackupManifest(int formatVersion, String schemaVersion, Instant createdAt, List<Table> tables) {

    public BackupManifest {
        requireNonNull(schemaVersion, "schemaVersion is null");
        requireNonNull(createdAt, "createdAt is null");
        tables = List.copyOf(tables);
    }

    /** Rows in every table together. */
    public long totalRows() {
        return tables.stream().mapToLong(Table::rows).sum();
    }

    /**
     * One table of the backup.
     *
     * @param name the table name in lower case, as the migrations write it
     * @param columns the columns in the order of each row's values
     * @param rows how many rows follow for this table
     */
    public record Table(String name, List<Column> columns, long rows) {
        public Table {
            requireNonNull(name, "name is null");
            columns = List.copyOf(columns);
            if (rows < 0) {
                throw new IllegalArgumentException("rows must be >= 0, got " + rows);
            }
        }
    }

    /** A column and how its values are written, the same whichever database they came from. */
    public record Column(String name, ColumnType type) {
        public Column {
            requireNonNull(name, "name is null");
            requireNonNull(type, "type is null");
        }
    }

    /** The kinds of value a backup carries: JSON numbers, booleans and strings (timestamps as ISO local date-times in UTC). */
    public enum ColumnType { INTEGER, DOUBLE, BOOLEAN, TIMESTAMP, TEXT }
}

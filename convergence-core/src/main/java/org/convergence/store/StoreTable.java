package org.convergence.store;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.convergence.ConvergenceException;
import org.convergence.ErrorCategory;
import org.convergence.store.BackupManifest.Column;
import org.convergence.store.BackupManifest.ColumnType;

/**
 * The tables of a store as its database describes them, so that a table a later migration adds is
 * backed up without anyone remembering to list it.
 *
 * @param name lower case, as the migrations write it (H2 reports upper case, PostgreSQL lower case)
 * @param columns in the database's column order
 * @param sqlTypes each column's {@link Types} code, for binding a null
 * @param primaryKey the primary-key columns, to write rows in a stable order
 * @param identityColumns the columns the database numbers itself, to go on numbering after restored rows
 */
record StoreTable(String name, List<Column> columns, List<Integer> sqlTypes, List<String> primaryKey, List<String> identityColumns) {

    /** Every table of the connection's schema but Flyway's history, parents before the tables that refer to them. */
    static List<StoreTable> discover(Connection connection) throws SQLException {
        DatabaseMetaData metadata = connection.getMetaData();
        String schema = connection.getSchema();
        Map<String, String> names = new TreeMap<>();
        try (ResultSet tables = metadata.getTables(connection.getCatalog(), schema, "%", null)) {
            while (tables.next()) {
                String type = tables.getString("TABLE_TYPE");
                String name = tables.getString("TABLE_NAME");
                // H2 2 says BASE TABLE, PostgreSQL TABLE.
                if (("TABLE".equals(type) || "BASE TABLE".equals(type)) && !name.equalsIgnoreCase(StoreSchema.HISTORY_TABLE)) {
                    names.put(name.toLowerCase(Locale.ROOT), name);
                }
            }
        }
        Map<String, Set<String>> parents = new LinkedHashMap<>();
        Map<String, StoreTable> described = new LinkedHashMap<>();
        for (Map.Entry<String, String> table : names.entrySet()) {
            described.put(table.getKey(), describe(metadata, connection.getCatalog(), schema, table.getKey(), table.getValue()));
            parents.put(table.getKey(), parents(metadata, connection.getCatalog(), schema, table.getValue(), table.getKey()));
        }
        List<StoreTable> ordered = new ArrayList<>();
        Set<String> placed = new LinkedHashSet<>();
        while (placed.size() < described.size()) {
            int before = placed.size();
            for (String name : described.keySet()) {
                if (!placed.contains(name) && placed.containsAll(parents.get(name))) {
                    placed.add(name);
                    ordered.add(described.get(name));
                }
            }
            if (placed.size() == before) {
                throw new ConvergenceException(ErrorCategory.INTERNAL, "the store's foreign keys form a cycle among " + parents
                        + ": a backup cannot order their rows");
            }
        }
        return List.copyOf(ordered);
    }

    private static StoreTable describe(DatabaseMetaData metadata, String catalog, String schema, String name, String storedName)
            throws SQLException {
        List<Column> columns = new ArrayList<>();
        List<Integer> sqlTypes = new ArrayList<>();
        List<String> identity = new ArrayList<>();
        try (ResultSet rows = metadata.getColumns(catalog, schema, storedName, "%")) {
            while (rows.next()) {
                String column = rows.getString("COLUMN_NAME").toLowerCase(Locale.ROOT);
                int sqlType = rows.getInt("DATA_TYPE");
                columns.add(new Column(column, columnType(name, column, sqlType, rows.getString("TYPE_NAME"))));
                sqlTypes.add(sqlType);
                if ("YES".equals(rows.getString("IS_AUTOINCREMENT"))) {
                    identity.add(column);
                }
            }
        }
        Map<Integer, String> key = new TreeMap<>();
        try (ResultSet rows = metadata.getPrimaryKeys(catalog, schema, storedName)) {
            while (rows.next()) {
                key.put(rows.getInt("KEY_SEQ"), rows.getString("COLUMN_NAME").toLowerCase(Locale.ROOT));
            }
        }
        return new StoreTable(name, columns, sqlTypes, List.copyOf(key.values()), identity);
    }

    private static Set<String> parents(DatabaseMetaData metadata, String catalog, String schema, String storedName, String name)
            throws SQLException {
        Set<String> parents = new LinkedHashSet<>();
        try (ResultSet keys = metadata.getImportedKeys(catalog, schema, storedName)) {
            while (keys.next()) {
                parents.add(keys.getString("PKTABLE_NAME").toLowerCase(Locale.ROOT));
            }
        }
        // A table that refers to itself needs no ordering among tables.
        parents.remove(name);
        return parents;
    }

    private static ColumnType columnType(String table, String column, int sqlType, String typeName) {
        return switch (sqlType) {
            case Types.BIGINT, Types.INTEGER, Types.SMALLINT, Types.TINYINT -> ColumnType.INTEGER;
            case Types.DOUBLE, Types.FLOAT, Types.REAL -> ColumnType.DOUBLE;
            // PostgreSQL's driver reports boolean as BIT.
            case Types.BOOLEAN, Types.BIT -> ColumnType.BOOLEAN;
            case Types.TIMESTAMP -> ColumnType.TIMESTAMP;
            case Types.VARCHAR, Types.CHAR, Types.LONGVARCHAR, Types.CLOB, Types.NVARCHAR, Types.NCHAR -> ColumnType.TEXT;
            default -> throw new ConvergenceException(ErrorCategory.INTERNAL, "column " + table + "." + column + " has type " + typeName
                    + ", which backups do not carry yet: add it to BackupManifest.ColumnType and StoreTable");
        };
    }

    /** The columns' names, comma-separated, for SQL. */
    String columnList() {
        return String.join(", ", columns.stream().map(Column::name).toList());
    }
}

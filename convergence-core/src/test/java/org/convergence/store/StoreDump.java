package org.convergence.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/** Every row of every table of a store, in primary-key order, with values as the backup types them: for comparing stores. */
final class StoreDump {
    private StoreDump() {}

    static Map<String, List<List<Object>>> of(StatementStore store) {
        return of(store.dataSource());
    }

    static Map<String, List<List<Object>>> of(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            Map<String, List<List<Object>>> dump = new LinkedHashMap<>();
            for (StoreTable table : StoreTable.discover(connection)) {
                List<List<Object>> rows = new ArrayList<>();
                try (PreparedStatement query = connection.prepareStatement("SELECT " + table.columnList() + " FROM " + table.name()
                        + " ORDER BY " + String.join(", ", table.primaryKey()));
                        ResultSet result = query.executeQuery()) {
                    while (result.next()) {
                        List<Object> row = new ArrayList<>();
                        for (int i = 0; i < table.columns().size(); i++) {
                            row.add(switch (table.columns().get(i).type()) {
                                case INTEGER -> result.getObject(i + 1) == null ? null : result.getLong(i + 1);
                                case DOUBLE -> result.getObject(i + 1) == null ? null : result.getDouble(i + 1);
                                case BOOLEAN -> result.getObject(i + 1) == null ? null : result.getBoolean(i + 1);
                                case TIMESTAMP -> result.getObject(i + 1, LocalDateTime.class);
                                case TEXT -> result.getString(i + 1);
                            });
                        }
                        rows.add(row);
                    }
                }
                dump.put(table.name(), rows);
            }
            return dump;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}

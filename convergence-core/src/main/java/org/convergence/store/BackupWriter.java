package org.convergence.store;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.zip.GZIPOutputStream;
import org.convergence.store.BackupManifest.Column;

/**
 * Writes a backup: gzip-compressed UTF-8 lines of JSON. The manifest, then for each table a header
 * line and one array of values per row, then an end line with the SHA-256 of every line before it.
 * Not thread-safe.
 */
final class BackupWriter {
    static final String FORMAT = "convergence-backup";
    private static final ObjectMapper JSON = new ObjectMapper();

    private BackupWriter() {}

    /** Writes every table of the connection's current transaction; the caller chooses its isolation. */
    static void write(Connection connection, List<StoreTable> tables, BackupManifest manifest, OutputStream file)
            throws IOException, SQLException {
        MessageDigest sha256 = sha256();
        GZIPOutputStream gzip = new GZIPOutputStream(file, 1 << 16);
        DigestOutputStream digested = new DigestOutputStream(gzip, sha256);
        Writer writer = new OutputStreamWriter(digested, StandardCharsets.UTF_8);
        try (JsonGenerator json = JSON.getFactory().createGenerator(writer)) {
            // One JSON value per line: the line break is the only separator between root values.
            json.setRootValueSeparator(null);
            json.writeTree(manifestJson(manifest));
            json.writeRaw('\n');
            for (int i = 0; i < tables.size(); i++) {
                writeTable(connection, tables.get(i), manifest.tables().get(i).rows(), json);
            }
            json.flush();
            digested.on(false);
            ObjectNode end = JSON.createObjectNode().put("end", FORMAT).put("sha256", HexFormat.of().formatHex(sha256.digest()));
            json.writeTree(end);
            json.writeRaw('\n');
        }
    }

    private static void writeTable(Connection connection, StoreTable table, long rows, JsonGenerator json) throws SQLException, IOException {
        json.writeTree(JSON.createObjectNode().put("table", table.name()).put("rows", rows));
        json.writeRaw('\n');
        String order = table.primaryKey().isEmpty() ? "" : " ORDER BY " + String.join(", ", table.primaryKey());
        try (PreparedStatement query = connection.prepareStatement("SELECT " + table.columnList() + " FROM " + table.name() + order)) {
            // PostgreSQL streams a result set only inside a transaction and with a fetch size.
            query.setFetchSize(5_000);
            long written = 0;
            try (ResultSet result = query.executeQuery()) {
                while (result.next()) {
                    writeRow(result, table.columns(), json);
                    written++;
                }
            }
            if (written != rows) {
                // A snapshot does not change under the reader; a difference means it was not a snapshot.
                throw new IllegalStateException("table " + table.name() + " had " + rows + " rows when counted and " + written
                        + " when read: the backup's transaction was not a snapshot");
            }
        }
    }

    private static void writeRow(ResultSet result, List<Column> columns, JsonGenerator json) throws SQLException, IOException {
        json.writeStartArray();
        for (int i = 0; i < columns.size(); i++) {
            int index = i + 1;
            switch (columns.get(i).type()) {
                case INTEGER -> {
                    long value = result.getLong(index);
                    if (result.wasNull()) {
                        json.writeNull();
                    } else {
                        json.writeNumber(value);
                    }
                }
                case DOUBLE -> {
                    double value = result.getDouble(index);
                    if (result.wasNull()) {
                        json.writeNull();
                    } else {
                        json.writeNumber(value);
                    }
                }
                case BOOLEAN -> {
                    boolean value = result.getBoolean(index);
                    if (result.wasNull()) {
                        json.writeNull();
                    } else {
                        json.writeBoolean(value);
                    }
                }
                case TIMESTAMP -> {
                    LocalDateTime value = result.getObject(index, LocalDateTime.class);
                    json.writeString(value == null ? null : value.toString());
                }
                case TEXT -> json.writeString(result.getString(index));
            }
        }
        json.writeEndArray();
        json.writeRaw('\n');
    }

    private static ObjectNode manifestJson(BackupManifest manifest) {
        ObjectNode root = JSON.createObjectNode()
                .put("format", FORMAT)
                .put("formatVersion", manifest.formatVersion())
                .put("schemaVersion", manifest.schemaVersion())
                .put("createdAt", manifest.createdAt().toString());
        ArrayNode tables = root.putArray("tables");
        for (BackupManifest.Table table : manifest.tables()) {
            ObjectNode node = tables.addObject().put("name", table.name()).put("rows", table.rows());
            ArrayNode columns = node.putArray("columns");
            for (Column column : table.columns()) {
                columns.addObject().put("name", column.name()).put("type", column.type().name().toLowerCase(Locale.ROOT));
            }
        }
        return root;
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}

package org.convergence.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;
import org.convergence.ConvergenceException;
import org.convergence.ErrorCategory;
import org.convergence.store.BackupManifest.Column;
import org.convergence.store.BackupManifest.ColumnType;

/**
 * Reads a backup written by {@link BackupWriter}, line by line, checking as it goes; every error names
 * the file, and the table and row where there is one. Not thread-safe.
 */
final class BackupReader implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path file;
    private final BufferedReader lines;
    private final MessageDigest sha256 = BackupWriter.sha256();
    private long lineNumber;
    /** The table being read, null before the first; rows of it read so far, and how many the manifest counts. */
    private String table;
    private long row;
    private long manifestRows;

    BackupReader(Path file) {
        this.file = file;
        try {
            InputStream in = Files.newInputStream(file);
            try {
                this.lines = new BufferedReader(new InputStreamReader(new GZIPInputStream(in, 1 << 16), StandardCharsets.UTF_8), 1 << 16);
            } catch (IOException e) {
                in.close();
                throw e;
            }
        } catch (NoSuchFileException e) {
            throw new ConvergenceException(ErrorCategory.NOT_FOUND, "no backup file " + file);
        } catch (ZipException | EOFException e) {
            throw bad("is not a Convergence backup (not gzip-compressed: " + e.getMessage() + ")");
        } catch (IOException e) {
            throw new ConvergenceException(ErrorCategory.INVALID_INPUT, "cannot read the backup " + file + ": " + e.getMessage(), e);
        }
    }

    /** The first line. */
    BackupManifest manifest() {
        JsonNode root = nextLine("its manifest");
        if (!BackupWriter.FORMAT.equals(root.path("format").asText())) {
            throw bad("is not a Convergence backup: its first line has no \"format\": \"" + BackupWriter.FORMAT + "\"");
        }
        int formatVersion = root.path("formatVersion").asInt(-1);
        if (formatVersion != StoreBackup.FORMAT_VERSION) {
            throw bad("is in backup format " + formatVersion + "; this Convergence reads format " + StoreBackup.FORMAT_VERSION,
                    "restore it with the Convergence that wrote it, or a newer one");
        }
        try {
            List<BackupManifest.Table> tables = new ArrayList<>();
            for (JsonNode table : required(root, "tables")) {
                List<Column> columns = new ArrayList<>();
                for (JsonNode column : required(table, "columns")) {
                    columns.add(new Column(required(column, "name").asText(),
                            ColumnType.valueOf(required(column, "type").asText().toUpperCase(Locale.ROOT))));
                }
                tables.add(new BackupManifest.Table(required(table, "name").asText(), columns, required(table, "rows").asLong()));
            }
            return new BackupManifest(formatVersion, required(root, "schemaVersion").asText(),
                    Instant.parse(required(root, "createdAt").asText()), tables);
        } catch (IllegalArgumentException | DateTimeParseException e) {
            throw bad("has a broken manifest (line 1): " + e.getMessage());
        }
    }

    /** The header line of the next table, which must be {@code expected}. */
    void startTable(BackupManifest.Table expected) {
        JsonNode header = nextLine("the start of table " + expected.name());
        if (!expected.name().equals(header.path("table").asText(null))) {
            String where = table == null ? "" : " after " + row + " rows of table " + table;
            throw bad("line " + lineNumber + where + ": expected the start of table " + expected.name() + " with "
                    + expected.rows() + " rows, found " + abbreviate(header.toString()),
                    table == null ? null : "the manifest counts " + manifestRows + " rows for " + table);
        }
        table = expected.name();
        manifestRows = expected.rows();
        row = 0;
    }

    /** The next row of the current table, its values converted to {@code columns}' types. */
    Object[] nextRow(List<Column> columns) {
        JsonNode values = nextLine("row " + (row + 1) + " of table " + table);
        if (!values.isArray()) {
            throw bad(position() + ": expected row " + (row + 1) + " of " + manifestRows + " (a JSON array), found "
                    + abbreviate(values.toString()));
        }
        if (values.size() != columns.size()) {
            throw bad(position() + ": expected " + columns.size() + " values, found " + values.size());
        }
        Object[] converted = new Object[columns.size()];
        for (int i = 0; i < converted.length; i++) {
            converted[i] = value(values.get(i), columns.get(i));
        }
        row++;
        return converted;
    }

    /** Reads the end line and checks the checksum and that nothing follows. */
    void finish() {
        // The end line carries the checksum of the lines before it, so it is not counted itself.
        String line = readLine("its end line");
        String expected = HexFormat.of().formatHex(sha256.digest());
        JsonNode end = parse(line, "its end line");
        if (!BackupWriter.FORMAT.equals(end.path("end").asText(null))) {
            throw bad("line " + lineNumber + ": expected the end line after " + row + " rows of table " + table
                    + ", found " + abbreviate(end.toString()), "the manifest counts " + manifestRows + " rows for " + table);
        }
        if (!expected.equals(end.path("sha256").asText())) {
            throw bad("fails its checksum (SHA-256 " + expected + ", the end line says " + end.path("sha256").asText()
                    + "): the file was changed after it was written");
        }
        try {
            if (lines.readLine() != null) {
                throw bad("has lines after its end line " + lineNumber);
            }
        } catch (IOException e) {
            throw truncated(e);
        }
    }

    private Object value(JsonNode node, Column column) {
        if (node.isNull()) {
            return null;
        }
        boolean fits = switch (column.type()) {
            case INTEGER -> node.isIntegralNumber() && node.canConvertToLong();
            case DOUBLE -> node.isNumber();
            case BOOLEAN -> node.isBoolean();
            case TIMESTAMP, TEXT -> node.isTextual();
        };
        if (!fits) {
            throw bad(position() + ": column " + column.name() + " expects " + column.type().name().toLowerCase(Locale.ROOT)
                    + ", found " + abbreviate(node.toString()));
        }
        return switch (column.type()) {
            case INTEGER -> node.longValue();
            case DOUBLE -> node.doubleValue();
            case BOOLEAN -> node.booleanValue();
            case TIMESTAMP -> timestamp(node.textValue(), column);
            case TEXT -> node.textValue();
        };
    }

    private LocalDateTime timestamp(String text, Column column) {
        try {
            return LocalDateTime.parse(text);
        } catch (DateTimeParseException e) {
            throw bad(position() + ": column " + column.name() + " expects a timestamp such as 2025-09-22T10:15:30, found \"" + abbreviate(text) + "\"");
        }
    }

    /** The next line, parsed, and counted in the checksum. */
    private JsonNode nextLine(String what) {
        String line = readLine(what);
        sha256.update(line.getBytes(StandardCharsets.UTF_8));
        sha256.update((byte) '\n');
        return parse(line, what);
    }

    private String readLine(String what) {
        String line;
        try {
            line = lines.readLine();
        } catch (IOException e) {
            throw truncated(e);
        }
        if (line == null) {
            throw bad("ends before " + what + ": the file is truncated", "take the backup again");
        }
        lineNumber++;
        return line;
    }

    private JsonNode parse(String line, String what) {
        try {
            return JSON.readTree(line);
        } catch (JsonProcessingException e) {
            throw bad("line " + lineNumber + " (" + what + ") is not JSON: " + e.getOriginalMessage());
        }
    }

    private static JsonNode required(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            throw new IllegalArgumentException("\"" + field + "\" is missing");
        }
        return value;
    }

    private String position() {
        return "line " + lineNumber + ", table " + table + ", row " + (row + 1);
    }

    private ConvergenceException truncated(IOException e) {
        String where = table == null ? "" : " in table " + table + " after row " + row;
        return bad("is truncated or damaged" + where + " (" + e.getMessage() + ")", "take the backup again");
    }

    private ConvergenceException bad(String problem) {
        return bad(problem, null);
    }

    private ConvergenceException bad(String problem, String hint) {
        return new ConvergenceException(ErrorCategory.INVALID_INPUT, "the backup " + file + " " + problem + "; nothing was restored"
                + (hint == null ? "" : " [Hint: " + hint + "]"));
    }

    private static String abbreviate(String text) {
        return text.length() <= 80 ? text : text.substring(0, 77) + "...";
    }

    @Override
    public void close() {
        try {
            lines.close();
        } catch (IOException e) {
            // Only read from: nothing is lost when closing fails.
        }
    }
}

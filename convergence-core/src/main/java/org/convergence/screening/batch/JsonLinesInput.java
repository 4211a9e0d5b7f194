package org.convergence.screening.batch;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.convergence.ConvergenceException;
import org.convergence.ErrorCategory;
import org.convergence.model.ConvergenceModel;
import tech.followthemoney.model.Schema;

/**
 * JSON lines, one party per line: FtM-style objects ({@code {"id", "schema", "properties": {"name":
 * [...]}}}) are taken as they are; flat objects ({@code {"full_name": "...", "dob": "..."}}) go
 * through the column mapping, with their keys as columns. Blank lines are skipped.
 */
final class JsonLinesInput implements BatchInput {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path file;
    private final CountingInput input;
    private final BufferedReader reader;
    private final ColumnMapping mapping;
    private final ConvergenceModel model;
    /** The schema asked for, or null to choose per line from the properties it has. */
    private final String requestedSchema;
    private final RowQueries queries;
    private final boolean skipInvalid;
    private long line;
    private long row;

    JsonLinesInput(Path file, ColumnMapping mapping, String schemaName, boolean skipInvalid, ConvergenceModel model) {
        this.file = file;
        this.mapping = mapping;
        this.model = model;
        this.requestedSchema = schemaName;
        this.skipInvalid = skipInvalid;
        Schema schema = RowQueries.defaultSchema(model, schemaName, mapping == null ? new ColumnMapping(List.of()) : mapping);
        if (mapping != null) {
            RowQueries.check(mapping, schema, null);
        }
        this.queries = new RowQueries(model);
        this.input = CountingInput.open(file);
        this.reader = new BufferedReader(new InputStreamReader(input, StandardCharsets.UTF_8), 1 << 16);
    }

    @Override
    public BatchRow next() {
        String text;
        do {
            text = readLine();
            if (text == null) {
                return null;
            }
            line++;
        } while (text.isBlank());
        row++;
        String location = file.getFileName() + " row " + row + " (line " + line + ")";
        JsonNode object;
        try {
            object = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            return invalid(location, "malformed JSON (" + e.getOriginalMessage() + ")");
        }
        if (object == null || !object.isObject()) {
            return invalid(location, "expected a JSON object, found " + (object == null ? "nothing" : object.getNodeType().name().toLowerCase()));
        }
        JsonNode properties = object.get("properties");
        if (properties != null && properties.isObject()) {
            Map<String, List<String>> values = new LinkedHashMap<>();
            properties.properties().forEach(entry -> values.put(entry.getKey(), texts(entry.getValue())));
            ColumnMapping given = new ColumnMapping(values.keySet().stream().map(key -> new ColumnMapping.Column(key, key)).toList());
            Schema schema = RowQueries.defaultSchema(model, requestedSchema, given);
            return queries.fromProperties(row, location, schema, text(object.get("id")), text(object.get("schema")), values);
        }
        // Lines of one file need not share their keys: without a mapping, each line's is guessed from its own.
        ColumnMapping columns = mapping;
        if (columns == null) {
            List<String> keys = new ArrayList<>();
            object.fieldNames().forEachRemaining(keys::add);
            columns = ColumnMapping.guess(keys);
        }
        Schema schema = RowQueries.defaultSchema(model, requestedSchema, columns);
        ColumnMapping kept = columns.only(p -> p.equals(ColumnMapping.ID) || p.equals(ColumnMapping.SCHEMA) || schema.hasProperty(p));
        return queries.fromColumns(row, location, schema, kept, column -> texts(object.get(column)));
    }

    private BatchRow invalid(String location, String problem) {
        if (!skipInvalid) {
            throw new ConvergenceException(ErrorCategory.INVALID_INPUT, file + ":" + line + ": " + problem
                    + " [Hint: fix the line, or use --skip-invalid to report such lines and go on]");
        }
        return BatchRow.invalid(row, location, problem);
    }

    private String readLine() {
        try {
            return reader.readLine();
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": cannot read line " + (line + 1) + ": " + e.getMessage(), e);
        }
    }

    /** The text values of a JSON value: a scalar, or the scalars of an array; objects and nulls give none. */
    private static List<String> texts(JsonNode value) {
        if (value == null || value.isNull() || value.isObject()) {
            return List.of();
        }
        if (value.isArray()) {
            List<String> values = new ArrayList<>(value.size());
            value.forEach(element -> {
                if (element.isValueNode() && !element.isNull()) {
                    values.add(element.asText());
                }
            });
            return values;
        }
        return List.of(value.asText());
    }

    private static String text(JsonNode value) {
        return value == null || value.isNull() || !value.isValueNode() ? null : value.asText();
    }

    @Override
    public long position() {
        return input.position();
    }

    @Override
    public long size() {
        return input.size();
    }

    @Override
    public String describe() {
        return (mapping == null ? "FtM-style objects as they are; flat objects by their keys' common names" : "flat objects' keys " + mapping)
                + "; schema " + (requestedSchema != null ? requestedSchema : "from each line's properties (Person or LegalEntity)");
    }

    @Override
    public void close() {
        try {
            reader.close();
        } catch (IOException e) {
            // reading is over; nothing is lost
        }
    }
}

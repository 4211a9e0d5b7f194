package org.convergence.ftm;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.convergence.ConvergenceException;
import org.convergence.ErrorCategory;
import org.convergence.InvalidRecordException;
import org.convergence.ingest.CountingInputStream;
import org.convergence.ingest.EntitySource;
import org.convergence.model.ConvergenceModel;
import org.convergence.model.Entity;
import org.convergence.model.EntityBuilder;
import org.convergence.model.EntityMetadata;
import tech.followthemoney.model.Schema;

/**
 * Reads FollowTheMoney JSON lines (one entity object a line, as OpenSanctions and {@code ftm export}
 * write them) into entities of one dataset. Each line is checked against the model: a known schema,
 * known properties, string values. The file must be UTF-8.
 */
public final class FtmJsonReader implements EntitySource {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path file;
    private final String dataset;
    private final ConvergenceModel model;
    private final BufferedReader reader;
    private final CountingInputStream counter;
    private final long size;
    private long lineNumber;

    public FtmJsonReader(Path file, String dataset, ConvergenceModel model) {
        this.file = file;
        this.dataset = dataset;
        this.model = model;
        try {
            this.size = Files.size(file);
            this.counter = new CountingInputStream(Files.newInputStream(file));
        } catch (NoSuchFileException e) {
            throw new ConvergenceException(ErrorCategory.NOT_FOUND, file + ": no such file");
        } catch (IOException e) {
            throw new ConvergenceException(ErrorCategory.INVALID_INPUT, file + ": cannot read: " + e.getMessage(), e);
        }
        var decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        this.reader = new BufferedReader(new InputStreamReader(counter, decoder), 1 << 16);
    }

    @Override
    public Entity next() {
        String line;
        do {
            line = readLine();
            if (line == null) {
                return null;
            }
        } while (line.isBlank());
        return parse(line);
    }

    private String readLine() {
        try {
            String line = reader.readLine();
            if (line != null) {
                lineNumber++;
            }
            return line;
        } catch (CharacterCodingException e) {
            throw new ConvergenceException(ErrorCategory.INVALID_INPUT, location(lineNumber + 1)
                    + ": the file is not valid UTF-8 (" + e + "); FtM JSON lines must be UTF-8: convert it, e.g. with iconv -t UTF-8");
        } catch (IOException e) {
            throw new ConvergenceException(ErrorCategory.INVALID_INPUT, file + ": cannot read: " + e.getMessage(), e);
        }
    }

    private String location(long line) {
        return file + ":" + line;
    }

    private Entity parse(String line) {
        String where = location(lineNumber);
        JsonNode node;
        try {
            node = JSON.readTree(line);
        } catch (JsonProcessingException e) {
            throw new InvalidRecordException(where, "malformed JSON (" + e.getOriginalMessage()
                    + "); expected one FtM entity object per line (is the file truncated?)");
        }
        if (node == null || !node.isObject()) {
            throw new InvalidRecordException(where, "expected a JSON object, found " + (node == null ? "nothing" : node.getNodeType()));
        }
        String id = text(node, "id", where);
        String schemaName = text(node, "schema", where);
        Schema schema = model.schema(schemaName).orElseThrow(() -> new InvalidRecordException(where,
                "entity " + id + " has unknown schema '" + schemaName + "'; expected an FtM schema such as Person, Company or Sanction"));
        EntityMetadata metadata = new EntityMetadata(
                optionalText(node, "caption", where),
                strings(node, "referents", where),
                strings(node, "datasets", where),
                node.has("target") && !node.get("target").isNull() ? node.get("target").asBoolean() : null,
                timestamp(node, "first_seen", where),
                timestamp(node, "last_seen", where),
                timestamp(node, "last_change", where));
        EntityBuilder builder = Entity.builder(schema, id, dataset).metadata(metadata).source(file.getFileName() + ":" + lineNumber);
        JsonNode properties = node.get("properties");
        if (properties != null && !properties.isNull()) {
            if (!properties.isObject()) {
                throw new InvalidRecordException(where, "entity " + id + ": 'properties' must be an object of property name to list of values");
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = properties.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> property = it.next();
                if (schema.getProperty(property.getKey()) == null) {
                    throw new InvalidRecordException(where, "entity " + id + ": schema " + schemaName + " has no property '" + property.getKey() + "'");
                }
                for (String value : values(property.getValue(), where + " property " + property.getKey())) {
                    builder.add(property.getKey(), value);
                }
            }
        }
        return builder.build();
    }

    private static String text(JsonNode node, String field, String where) {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual() || value.asText().isBlank()) {
            throw new InvalidRecordException(where, "missing or empty '" + field + "'; every FtM entity needs a string " + field);
        }
        return value.asText();
    }

    private static String optionalText(JsonNode node, String field, String where) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw new InvalidRecordException(where, "'" + field + "' must be a string, found " + value.getNodeType());
        }
        return value.asText();
    }

    private static List<String> strings(JsonNode node, String field, String where) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? List.of() : values(value, where + " field " + field);
    }

    private static List<String> values(JsonNode array, String where) {
        if (!array.isArray()) {
            throw new InvalidRecordException(where, "expected a list of strings, found " + array.getNodeType());
        }
        List<String> values = new ArrayList<>(array.size());
        for (JsonNode value : array) {
            if (!value.isTextual()) {
                throw new InvalidRecordException(where, "expected string values, found " + value.getNodeType() + " " + value);
            }
            values.add(value.asText());
        }
        return values;
    }

    private static Instant timestamp(JsonNode node, String field, String where) {
        String text = optionalText(node, field, where);
        if (text == null) {
            return null;
        }
        try {
            return FtmTimestamps.parse(text);
        } catch (DateTimeParseException e) {
            throw new InvalidRecordException(where, "'" + field + "' is '" + text + "'; expected an ISO timestamp such as 2024-05-01T12:00:00");
        }
    }

    @Override
    public long position() {
        return counter.count();
    }

    @Override
    public long size() {
        return size;
    }

    @Override
    public void close() {
        try {
            reader.close();
        } catch (IOException e) {
            // Nothing was written through this reader; a failed close loses nothing.
        }
    }
}

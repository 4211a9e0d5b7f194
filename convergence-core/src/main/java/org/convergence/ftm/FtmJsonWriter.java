package org.convergence.ftm;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import org.convergence.model.Entity;
import org.convergence.model.EntityMetadata;

/**
 * Writes entities as FollowTheMoney JSON lines: {@code id, caption, schema, properties, datasets,
 * referents, target, first_seen, last_seen, last_change}, the layout OpenSanctions publishes.
 * Extension schemata are written the same way. Not thread-safe.
 */
public final class FtmJsonWriter implements AutoCloseable {
    private final JsonGenerator generator;

    public FtmJsonWriter(OutputStream out) {
        try {
            this.generator = new ObjectMapper().getFactory().createGenerator(out);
            generator.setRootValueSeparator(null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void write(Entity entity) {
        EntityMetadata metadata = entity.metadata();
        try {
            generator.writeStartObject();
            generator.writeStringField("id", entity.id());
            generator.writeStringField("caption", entity.caption());
            generator.writeStringField("schema", entity.schema().getName());
            generator.writeObjectFieldStart("properties");
            for (Map.Entry<String, List<String>> property : entity.properties().entrySet()) {
                writeList(property.getKey(), property.getValue());
            }
            generator.writeEndObject();
            writeList("datasets", metadata.originDatasets().isEmpty() ? List.of(entity.dataset()) : metadata.originDatasets());
            writeList("referents", metadata.referents());
            if (metadata.target() != null) {
                generator.writeBooleanField("target", metadata.target());
            }
            if (metadata.firstSeen() != null) {
                generator.writeStringField("first_seen", FtmTimestamps.format(metadata.firstSeen()));
            }
            if (metadata.lastSeen() != null) {
                generator.writeStringField("last_seen", FtmTimestamps.format(metadata.lastSeen()));
            }
            if (metadata.lastChange() != null) {
                generator.writeStringField("last_change", FtmTimestamps.format(metadata.lastChange()));
            }
            generator.writeEndObject();
            generator.writeRaw('\n');
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write entity " + entity.id(), e);
        }
    }

    private void writeList(String field, List<String> values) throws IOException {
        generator.writeArrayFieldStart(field);
        for (String value : values) {
            generator.writeString(value);
        }
        generator.writeEndArray();
    }

    @Override
    public void close() {
        try {
            generator.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package org.convergence.ftm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.convergence.model.ConvergenceModel;
import org.convergence.model.Entity;
import org.junit.jupiter.api.Test;
import tech.followthemoney.entity.ValueEntity;
import tech.followthemoney.model.Model;

class FtmJsonWriterTest {
    private final ConvergenceModel model = ConvergenceModel.standard();

    private JsonNode write(Entity entity) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (FtmJsonWriter writer = new FtmJsonWriter(out)) {
            writer.write(entity);
        }
        String text = out.toString(StandardCharsets.UTF_8);
        assertTrue(text.endsWith("\n") && text.indexOf('\n') == text.length() - 1, "one entity, one line");
        return new ObjectMapper().readTree(text);
    }

    @Test
    void extensionEntityIsWrittenAsOrdinaryFtmJson() throws Exception {
        Entity transfer = Entity.builder(model.requireSchema("Transfer"), "sipri-1", "sipri")
                .add("supplier", "ru").add("recipient", "cn").add("item", "Su-35").add("quantity", "24")
                .add("technologyDomain", "combat-aircraft").build();
        JsonNode json = write(transfer);
        assertEquals("sipri-1", json.get("id").asText());
        assertEquals("Transfer", json.get("schema").asText());
        assertEquals("Su-35", json.get("caption").asText());
        assertEquals("24", json.at("/properties/quantity/0").asText());
        assertEquals("sipri", json.at("/datasets/0").asText());
        json.get("properties").fields().forEachRemaining(property -> {
            assertTrue(property.getValue().isArray());
            property.getValue().forEach(value -> assertTrue(value.isTextual()));
        });
    }

    @Test
    void defaultSchemaEntityIsReadableByTheFtmLibraryItself() throws Exception {
        Entity person = Entity.builder(model.requireSchema("Person"), "p1", "test")
                .add("name", "Иван Петров").add("birthDate", "1961-04").add("nationality", "ru").build();
        JsonNode json = write(person);
        ValueEntity parsed = ValueEntity.fromJson(Model.loadDefault(), json);
        assertEquals("Person", parsed.getSchema().getName());
        assertEquals("Иван Петров", parsed.getCaption());
        assertFalse(parsed.getValues(parsed.getSchema().getProperty("birthDate")).isEmpty());
    }
}

package org.convergence.ftm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.convergence.ingest.ImportResult;
import org.convergence.store.DatasetVersion;
import org.convergence.store.H2StatementStore;
import org.convergence.store.StatementStore;
import org.convergence.model.ConvergenceModel;
import org.convergence.testing.SharedData;
import org.convergence.testing.TestStores;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Import, export and re-import of real FtM data lose nothing, entity by entity and value by value. */
class FtmRoundTripTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path folder;

    @Test
    void zalaEntitiesSurviveImportExportAndReimportUnchanged() throws IOException {
        assertRoundTrip(SharedData.require("ftm/yente_zala_entities.ftm.json"), 91);
    }

    @Test
    void multiScriptEntitiesSurviveImportExportAndReimportUnchanged() throws IOException {
        assertRoundTrip(SharedData.require("ftm/yente_t1_entities.ftm.json"), 7);
    }

    private void assertRoundTrip(Path original, int expectedEntities) throws IOException {
        try (StatementStore store = new H2StatementStore(folder.resolve("store"), ConvergenceModel.standard())) {
            ImportResult first = TestStores.importFtm(store, original, "original", false);
            assertEquals(expectedEntities, first.entities());

            Path exported = export(store, first.version(), folder.resolve("exported.json"));
            Map<String, JsonNode> before = readById(original);
            Map<String, JsonNode> after = readById(exported);
            assertEquals(before.keySet(), after.keySet());
            for (String id : before.keySet()) {
                assertEquals(before.get(id), after.get(id), "entity " + id + " changed in the round trip");
            }

            ImportResult second = TestStores.importFtm(store, exported, "reimported", false);
            assertEquals(first.statements(), second.statements());
            Path reexported = export(store, second.version(), folder.resolve("reexported.json"));
            assertEquals(Files.readString(exported), Files.readString(reexported), "export of the re-import is byte-identical");
        }
    }

    private static Path export(StatementStore store, DatasetVersion version, Path file) throws IOException {
        try (OutputStream out = Files.newOutputStream(file); FtmJsonWriter writer = new FtmJsonWriter(out)) {
            store.forEachEntity(version, writer::write);
        }
        return file;
    }

    private static Map<String, JsonNode> readById(Path file) throws IOException {
        Map<String, JsonNode> entities = new LinkedHashMap<>();
        for (String line : Files.readAllLines(file)) {
            if (!line.isBlank()) {
                JsonNode node = JSON.readTree(line);
                assertTrue(entities.put(node.get("id").asText(), node) == null, "duplicate id in " + file);
            }
        }
        return entities;
    }
}

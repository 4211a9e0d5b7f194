package org.convergence.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import org.convergence.model.ConvergenceModel;
import org.convergence.screening.Scorer;
import org.convergence.screening.Screener;
import org.convergence.screening.ScoringModel;
import org.convergence.store.H2StatementStore;
import org.convergence.store.StatementStore;
import org.convergence.testing.SharedData;
import org.convergence.testing.TestStores;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Relations nested as yente nests them, on yente's ZALA fixture: ownerships under {@code ownershipAsset}
 * with the owner expanded, sanctions under {@code sanctions}, the entity's address expanded.
 */
class EntityNestingTest {
    @TempDir
    static Path folder;

    private static StatementStore store;
    private static Screener screener;
    private static EntityResource entities;

    @BeforeAll
    static void load() {
        ConvergenceModel model = ConvergenceModel.standard();
        store = new H2StatementStore(folder, model);
        TestStores.importFtm(store, SharedData.require("ftm/yente_zala_entities.ftm.json"), "zala", false);
        screener = new Screener(store, model, new Scorer(ScoringModel.standard()));
        entities = new EntityResource(screener, store);
    }

    @AfterAll
    static void close() {
        if (screener != null) {
            screener.close();
        }
        if (store != null) {
            store.close();
        }
    }

    @Test
    void aCompanyShowsItsOwnersThroughItsOwnershipsAndItsSanctions() {
        JsonNode cst = entities.nested("NK-abdzbEBkqyT29GyREbiURZ");
        JsonNode ownerships = cst.path("properties").path("ownershipAsset");
        assertEquals(7, ownerships.size(), cst.toString());
        Set<String> owners = new HashSet<>();
        for (JsonNode ownership : ownerships) {
            assertEquals("Ownership", ownership.path("schema").asText());
            assertTrue(ownership.path("properties").path("asset").isMissingNode(), "the way back to the company is left out: " + ownership);
            owners.add(ownership.path("properties").path("owner").get(0).path("caption").asText());
        }
        assertTrue(owners.contains("JSC Kalashnikov Concern"), owners.toString());
        assertEquals(28, cst.path("properties").path("sanctions").size());
        assertEquals(2, cst.path("properties").path("directorshipOrganization").size());
    }

    @Test
    void aPersonShowsItsAddressExpandedWithTimestamps() {
        JsonNode person = entities.nested("NK-aU5ybkbRFJucf8YMwsJvDw");
        JsonNode address = person.path("properties").path("addressEntity").get(0);
        assertEquals("Address", address.path("schema").asText());
        assertTrue(address.path("caption").asText().startsWith("272 Pushkinskaya Street"), address.toString());
        assertEquals("2023-07-19T18:02:43Z", person.path("first_seen").asText());
        assertTrue(person.path("target").asBoolean());
    }

    @Test
    void anAddressNotInTheStoreStaysAnId() {
        JsonNode person = entities.nested("NK-2Tbri3s6GgNtAwsSXh4qpL");
        assertEquals("addr-bb65387b6e14a1dba2427e79358ba418377b9f28", person.path("properties").path("addressEntity").get(0).asText());
    }
}

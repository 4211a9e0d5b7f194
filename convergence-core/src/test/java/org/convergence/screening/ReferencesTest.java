package org.convergence.screening;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.convergence.model.ConvergenceModel;
import org.convergence.screening.names.NameNormalizer;
import org.convergence.store.H2StatementStore;
import org.convergence.store.StatementStore;
import org.convergence.testing.SharedData;
import org.convergence.testing.TestStores;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The reverse references built with the screening index, on yente's ZALA fixture (sanctions, ownerships, directorships). */
class ReferencesTest {
    private static final String CST = "NK-abdzbEBkqyT29GyREbiURZ";

    @TempDir
    static Path folder;

    private static StatementStore store;
    private static ScreeningIndex index;

    @BeforeAll
    static void build() {
        store = new H2StatementStore(folder, ConvergenceModel.standard());
        TestStores.importFtm(store, SharedData.require("ftm/yente_zala_entities.ftm.json"), "zala", false);
        index = ScreeningIndex.build(store, NameNormalizer.standard());
    }

    @AfterAll
    static void close() {
        if (index != null) {
            index.close();
        }
        if (store != null) {
            store.close();
        }
    }

    @Test
    void aCompanyIsPointedAtByItsSanctionsOwnershipsAndDirectorships() {
        List<References.Reference> references = index.references().to(CST);
        Map<String, Long> byProperty = references.stream()
                .collect(Collectors.groupingBy(reference -> reference.property().getQName(), TreeMap::new, Collectors.counting()));
        assertEquals(Map.of("Directorship:organization", 2L, "Ownership:asset", 7L, "Sanction:entity", 28L), byProperty);
        References.Reference ownership = references.stream().filter(reference -> reference.entityId().equals("NK-3NyeuT6JeJDLhGEyH3JD52"))
                .findFirst().orElseThrow();
        assertEquals("ownershipAsset", ownership.property().getReverse().orElseThrow().getName());
        assertEquals("zala", ownership.version().dataset());
        assertTrue(store.fetchEntity(ownership.version(), ownership.entityId()).isPresent());
    }

    @Test
    void theOwnerSideIsIndexedToo() {
        assertTrue(index.references().to("NK-nR5AXM9AVPq4pQaSPSaVam").stream()
                .anyMatch(reference -> reference.property().getQName().equals("Ownership:owner")));
    }

    @Test
    void anEntityNothingPointsAtHasNoReferences() {
        assertEquals(List.of(), index.references().to("no-such-entity"));
    }
}

package org.convergence.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.convergence.InvalidRecordException;
import org.convergence.model.ConvergenceModel;
import org.convergence.model.Entity;
import org.convergence.model.EntityMetadata;
import org.convergence.model.Statement;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The contract every {@link StatementStore} keeps; run against H2 and against a real PostgreSQL.
 * Each test works in datasets of its own name, so a shared server needs no cleaning.
 */
public abstract class StatementStoreContract {
    protected final ConvergenceModel model = ConvergenceModel.standard();
    protected StatementStore store;
    private final String prefix = "t" + Long.toString(System.nanoTime(), 36) + "-";

    protected abstract StatementStore openStore();

    @BeforeEach
    void open() {
        store = openStore();
    }

    @AfterEach
    void closeStore() {
        if (store != null) {
            store.close();
        }
    }

    private String dataset(String name) {
        return prefix + name;
    }

    private Entity person(String dataset, String id, String... names) {
        var builder = Entity.builder(model.requireSchema("Person"), id, dataset)
                .metadata(new EntityMetadata(null, List.of("ref-" + id), List.of("upstream"), true,
                        Instant.parse("2024-01-02T03:04:05Z"), Instant.parse("2025-01-02T03:04:05Z"), null))
                .source("people.json:" + id);
        for (String name : names) {
            builder.add("name", name);
        }
        return builder.add("name", "Иван Петров", "rus", null).add("birthDate", "1961").build();
    }

    private DatasetVersion importAll(String dataset, String checksum, Entity... entities) {
        try (DatasetWriter writer = store.beginImport(new ImportRequest(dataset, "memory", checksum, "2025-09-22"))) {
            for (Entity entity : entities) {
                writer.write(entity);
            }
            return writer.commit(0, null);
        }
    }

    @Test
    void committedImportIsReadBackValueByValueWithProvenance() {
        String name = dataset("people");
        DatasetVersion version = importAll(name, "c1", person(name, "p1", "Ivan Petrov", "PETROV, Ivan"), person(name, "p2", "Olga"));

        assertEquals(1, version.version());
        assertEquals(2, version.entityCount());
        assertEquals(7, version.statementCount());
        Entity p1 = store.fetchEntity(version, "p1").orElseThrow();
        assertEquals(List.of("Ivan Petrov", "PETROV, Ivan", "Иван Петров"), p1.values("name"));
        Statement cyrillic = p1.statements().get(2);
        assertEquals("rus", cyrillic.lang());
        assertEquals("people.json:p1", cyrillic.source());
        assertEquals(name, cyrillic.dataset());
        assertEquals(Instant.parse("2024-01-02T03:04:05Z"), cyrillic.firstSeen());
        assertEquals(List.of("ref-p1"), p1.metadata().referents());
        assertEquals(List.of("upstream"), p1.metadata().originDatasets());
        assertEquals(Boolean.TRUE, p1.metadata().target());
        assertEquals("2025-09-22", version.dataDate());
    }

    @Test
    void eachImportCreatesTheNextVersionAndOldVersionsStayReadable() {
        String name = dataset("versions");
        DatasetVersion first = importAll(name, "c1", person(name, "p1", "Ivan"));
        DatasetVersion second = importAll(name, "c2", person(name, "p1", "Ivan"), person(name, "p2", "Olga"));

        assertEquals(2, second.version());
        assertEquals(List.of(1, 2), store.versions(name).stream().map(DatasetVersion::version).toList());
        assertEquals(second.id(), store.latestVersion(name).orElseThrow().id());
        assertTrue(store.fetchEntity(first, "p2").isEmpty());
        assertTrue(store.fetchEntity(second, "p2").isPresent());
        assertTrue(store.latestVersions().stream().anyMatch(v -> v.id() == second.id()));
    }

    @Test
    void importClosedWithoutCommitLeavesNoTrace() {
        String name = dataset("rollback");
        try (DatasetWriter writer = store.beginImport(new ImportRequest(name, "memory", "c1", null))) {
            writer.write(person(name, "p1", "Ivan"));
            writer.write(person(name, "p2", "Olga"));
        }
        assertTrue(store.versions(name).isEmpty());
        assertTrue(store.latestVersion(name).isEmpty());
    }

    @Test
    void anEntityIsFoundByIdAcrossDatasetsInThePreferredDatasetFirst() {
        DatasetVersion first = importAll(dataset("find-a"), "a1", person(dataset("find-a"), "shared", "Ivan A"));
        DatasetVersion second = importAll(dataset("find-b"), "b1", person(dataset("find-b"), "shared", "Ivan B"),
                person(dataset("find-b"), "only-b", "Olga B"));
        List<DatasetVersion> versions = List.of(first, second);
        assertEquals(first, store.findEntity(versions, "shared", null).orElseThrow().version(), "in the versions' order");
        VersionedEntity preferred = store.findEntity(versions, "shared", dataset("find-b")).orElseThrow();
        assertEquals(List.of(second, List.of("Ivan B")), List.of(preferred.version(), preferred.entity().values("name").subList(0, 1)));
        assertEquals(second, store.findEntity(versions, "only-b", dataset("find-a")).orElseThrow().version());
        assertTrue(store.findEntity(versions, "nobody", null).isEmpty());
    }

    @Test
    void duplicateIdInOneImportIsAnInvalidRecord() {
        String name = dataset("duplicates");
        try (DatasetWriter writer = store.beginImport(new ImportRequest(name, "memory", "c1", null))) {
            writer.write(person(name, "p1", "Ivan"));
            InvalidRecordException error = assertThrows(InvalidRecordException.class, () -> writer.write(person(name, "p1", "Ivan")));
            assertTrue(error.getMessage().contains("'p1' appears twice"), error.getMessage());
        }
        assertTrue(store.versions(name).isEmpty());
    }

    @Test
    void forEachEntityStreamsAVersionInImportOrderIncludingEntitiesWithoutValues() {
        String name = dataset("stream");
        Entity empty = Entity.builder(model.requireSchema("Company"), "a-empty", name).build();
        DatasetVersion version = importAll(name, "c1", person(name, "p2", "Olga"), empty, person(name, "p1", "Ivan"));
        List<String> ids = new ArrayList<>();
        store.forEachEntity(version, entity -> ids.add(entity.id()));
        assertEquals(List.of("p2", "a-empty", "p1"), ids);
        Entity readEmpty = store.fetchEntity(version, "a-empty").orElseThrow();
        assertTrue(readEmpty.statements().isEmpty());
        assertNull(readEmpty.metadata().target());
    }

    @Test
    void extensionSchemataAreStoredLikeAnyOther() {
        String name = dataset("transfers");
        Entity transfer = Entity.builder(model.requireSchema("Transfer"), "tr-1", name)
                .add("supplier", "ru-rosoboronexport").add("recipient", "cn-plaaf").add("item", "Su-35")
                .add("quantity", "24").add("technologyDomain", "combat-aircraft").build();
        DatasetVersion version = importAll(name, "c1", transfer);
        Entity read = store.fetchEntity(version, "tr-1").orElseThrow();
        assertEquals("Transfer", read.schema().getName());
        assertEquals(List.of("combat-aircraft"), read.values("technologyDomain"));
        assertFalse(read.values("supplier").isEmpty());
    }
}

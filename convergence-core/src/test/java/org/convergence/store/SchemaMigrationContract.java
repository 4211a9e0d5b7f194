package org.convergence.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.convergence.model.ConvergenceModel;
import org.convergence.model.Entity;
import org.convergence.screening.Scope;
import org.convergence.screening.Scorer;
import org.convergence.screening.ScoringModel;
import org.convergence.screening.Screener;
import org.convergence.screening.Thresholds;
import org.convergence.screening.audit.AuditLog;
import org.convergence.screening.audit.AuditedScreener;
import org.convergence.screening.audit.Decision;
import org.convergence.screening.audit.Requester;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationVersion;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Stores made by every earlier schema version, on H2 and on a real PostgreSQL. For each migration
 * before the latest, a database is migrated to exactly that version and given the rows of
 * {@code db/migration-fixtures/V<version>.sql}, written as that version's schema had them; then it is
 * migrated to the latest, or backed up and restored into a store at the latest, and must read and go
 * on working through the current API. A new migration makes the previous latest an earlier version:
 * the test then asks for its fixture.
 */
public abstract class SchemaMigrationContract {
    private static final ObjectMapper JSON = new ObjectMapper();
    protected final ConvergenceModel model = ConvergenceModel.standard();

    @TempDir
    protected Path folder;

    /** An empty database, and how to open it as a store. */
    protected interface EmptyDatabase extends AutoCloseable {
        DataSource dataSource();

        StatementStore open();

        @Override
        void close();
    }

    protected abstract EmptyDatabase emptyDatabase(String name);

    /** Every version but the latest, from the migrations on the class path. */
    static List<MigrationVersion> earlierVersions() {
        JdbcDataSource empty = new JdbcDataSource();
        empty.setURL("jdbc:h2:mem:versions");
        MigrationInfo[] all = Flyway.configure().dataSource(empty).locations("classpath:db/migration").load().info().all();
        List<MigrationVersion> versions = Arrays.stream(all).map(MigrationInfo::getVersion).sorted().toList();
        return versions.subList(0, versions.size() - 1);
    }

    @TestFactory
    Stream<DynamicTest> rowsOfEveryEarlierVersionReadAndWorkAfterMigrationToTheLatest() {
        return earlierVersions().stream().map(version -> DynamicTest.dynamicTest("from V" + version, () -> {
            try (EmptyDatabase database = emptyDatabase("migrate-" + version)) {
                Map<String, Integer> before = writeFixture(database.dataSource(), version);
                try (StatementStore store = database.open()) {
                    Map<String, Integer> after = rowCounts(store.dataSource());
                    before.forEach((table, rows) -> assertEquals(rows, after.get(table), table));
                    assertUsable(store, before.containsKey("screening_request"));
                }
            }
        }));
    }

    @TestFactory
    Stream<DynamicTest> backupFromEveryEarlierVersionRestoresIntoTheLatest() {
        return earlierVersions().stream().map(version -> DynamicTest.dynamicTest("from V" + version, () -> {
            Path file = folder.resolve("V" + version + ".backup.gz");
            try (EmptyDatabase old = emptyDatabase("old-" + version)) {
                Map<String, Integer> before = writeFixture(old.dataSource(), version);
                assertEquals(version.getVersion(), StoreBackup.write(old.dataSource(), file).schemaVersion());
                try (EmptyDatabase current = emptyDatabase("current-" + version); StatementStore store = current.open()) {
                    BackupManifest restored = StoreBackup.restore(store, file, false);
                    assertEquals(StoreSchema.latest(store.dataSource()).getVersion(), restored.schemaVersion());
                    assertUsable(store, before.containsKey("screening_request"));
                }
            }
        }));
    }

    /** Migrates the empty database to exactly {@code version} and runs its fixture; returns the fixture's tables and their rows. */
    private static Map<String, Integer> writeFixture(DataSource dataSource, MigrationVersion version) throws IOException, SQLException {
        StoreSchema.migrate(dataSource, version);
        String resource = "/db/migration-fixtures/V" + version + ".sql";
        String sql;
        try (InputStream in = SchemaMigrationContract.class.getResourceAsStream(resource)) {
            assertNotNull(in, "no " + resource + ": write the rows a store at schema version " + version
                    + " held, as that version's schema had them, so that the migrations after it are tested on them");
            sql = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            for (String command : sql.split(";\\s*\\n")) {
                String withoutComments = command.lines().filter(line -> !line.startsWith("--")).collect(Collectors.joining("\n")).strip();
                if (!withoutComments.isEmpty()) {
                    statement.execute(withoutComments);
                }
            }
        }
        Map<String, Integer> counts = rowCounts(dataSource);
        counts.values().removeIf(rows -> rows == 0);
        return counts;
    }

    private static Map<String, Integer> rowCounts(DataSource dataSource) {
        return StoreDump.of(dataSource).entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, entry -> entry.getValue().size()));
    }

    /** The fixture's rows read through the current API, and the store takes new imports, screenings and decisions. */
    private void assertUsable(StatementStore store, boolean screened) throws IOException {
        DatasetVersion version = store.latestVersion("fixture-list").orElseThrow();
        assertEquals(List.of(1, 1L, 3L, "2025-01-01"), List.of(version.version(), version.entityCount(), version.statementCount(), version.dataDate()));
        Entity person = store.fetchEntity(version, "fx-person-1").orElseThrow();
        assertEquals(List.of("Ivan Petrov", "Иван Петров"), person.values("name"));
        assertEquals("rus", person.statements().get(1).lang());
        assertEquals("fixture.json:1", person.statements().getFirst().source());
        assertEquals(List.of("1961"), person.values("birthDate"));
        assertEquals(List.of("ref-1"), person.metadata().referents());

        try (DatasetWriter writer = store.beginImport(new ImportRequest("fixture-list", "fixture-2.json", "c2", null))) {
            writer.write(Entity.builder(model.requireSchema("Person"), "fx-person-2", "fixture-list").add("name", "Olga Petrova").build());
            assertEquals(2, writer.commit(0, null).version());
        }
        AuditLog log = AuditLog.of(store);
        try (Screener screener = new Screener(store, model, new Scorer(ScoringModel.standard()))) {
            AuditedScreener.Screening screening = new AuditedScreener(screener, log).screen(
                    new Screener.Query("row-2", "Person", Map.of("name", List.of("Olga Petrova"))), Scope.Spec.of("fixture-list"), 5,
                    new Thresholds(0.7, 0.5), Requester.outsideWorkspaces("ana"), null);
            assertEquals(screened ? 2 : 1, screening.requestId());
            log.decide(screening.requestId(), "fx-person-2", Decision.TRUE_MATCH, Requester.outsideWorkspaces("bob"), null);
        }
        if (screened) {
            StringWriter out = new StringWriter();
            log.export(out, AuditLog.Format.JSONL, null, null);
            JsonNode old = JSON.readTree(out.toString().lines().findFirst().orElseThrow());
            assertEquals(1, old.get("request_id").asLong());
            assertEquals(0.5, old.get("cutoff").asDouble());
            assertEquals(0.7, old.get("threshold").asDouble());
            assertEquals("fx-person-1", old.at("/results/0/entity_id").asText());
            assertEquals("false-positive", old.at("/results/0/decisions/0/decision").asText());
            log.decide(1, "fx-person-1", Decision.TRUE_MATCH, Requester.outsideWorkspaces("carol"), "on a second look");
        }
    }
}

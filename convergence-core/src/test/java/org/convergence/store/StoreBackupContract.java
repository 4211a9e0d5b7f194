package org.convergence.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.convergence.ConvergenceException;
import org.convergence.ErrorCategory;
import org.convergence.accounts.Accounts;
import org.convergence.accounts.Role;
import org.convergence.accounts.Workspaces;
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
import org.convergence.testing.SemaFixture;
import org.convergence.testing.SemaFixture.Listed;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Backup and restore of a whole store, on H2 and on a real PostgreSQL: a store with two versions of a
 * list, screening requests with their results, and decisions, is backed up and restored.
 */
public abstract class StoreBackupContract {
    static final String DATASET = "backup-sema";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<Listed> PEOPLE = List.of(new Listed("Aleksey", "Oleksin", null, "Aliaksei Aleksin"),
            new Listed("Dmitry Vladimirovich", "Balaba", "1972", null), new Listed("Yelena Nikolaevna", "Dmukhailo", "1971", null));

    protected final ConvergenceModel model = ConvergenceModel.standard();
    private final List<StatementStore> opened = new ArrayList<>();

    @TempDir
    protected Path folder;

    /** A new, empty store, closed after the test. */
    protected abstract StatementStore openEmptyStore();

    protected StatementStore emptyStore() {
        StatementStore store = openEmptyStore();
        opened.add(store);
        return store;
    }

    @AfterEach
    void closeStores() {
        opened.forEach(StatementStore::close);
        opened.clear();
    }

    /** Two versions of a list, two screening requests and a decision, an account in a workspace with a key: a row in every table. */
    static void fill(StatementStore store, Path folder) throws IOException {
        Accounts accounts = Accounts.of(store);
        String analyst = "ana-" + folder.getFileName();
        accounts.add(analyst, Role.ANALYST, "a long enough password".toCharArray());
        Workspaces workspaces = Workspaces.of(store);
        workspaces.add("team-" + folder.getFileName());
        workspaces.join("team-" + folder.getFileName(), analyst);
        accounts.newKey(analyst, "team-" + folder.getFileName());
        SemaFixture.importList(store, folder.resolve("v1.xml"), DATASET, "Testland", PEOPLE);
        SemaFixture.importList(store, folder.resolve("v2.xml"), DATASET, "Testland", PEOPLE.subList(0, 2));
        try (Screener screener = new Screener(store, ConvergenceModel.standard(), new Scorer(ScoringModel.standard()))) {
            AuditedScreener audited = new AuditedScreener(screener, AuditLog.of(store));
            AuditedScreener.Screening first = screen(audited, "Aleksey Oleksin");
            AuditLog.of(store).decide(first.requestId(), first.results().getFirst().entityId(), Decision.FALSE_POSITIVE, Requester.outsideWorkspaces("bob"),
                    "ours was born in 1990, in Minsk");
            screen(audited, "Dmitry Balaba");
        }
    }

    private static AuditedScreener.Screening screen(AuditedScreener audited, String name) {
        return audited.screen(new Screener.Query("row-1", "Person", Map.of("name", List.of(name))), Scope.Spec.of(DATASET), 5,
                new Thresholds(0.7, 0.5), Requester.outsideWorkspaces("ana"), "customers.csv row 1");
    }

    private static String auditExport(StatementStore store) {
        StringWriter out = new StringWriter();
        AuditLog.of(store).export(out, AuditLog.Format.JSONL, null, null);
        return out.toString();
    }

    private Path backupOfFilledStore() throws IOException {
        StatementStore source = emptyStore();
        fill(source, folder);
        Path file = folder.resolve("store.backup.gz");
        StoreBackup.write(source, file);
        return file;
    }

    @Test
    void restoreGivesBackEveryRowOfEveryTable() throws IOException {
        StatementStore source = emptyStore();
        fill(source, folder);
        Path file = folder.resolve("store.backup.gz");

        BackupManifest written = StoreBackup.write(source, file);
        StatementStore target = emptyStore();
        BackupManifest restored = StoreBackup.restore(target, file, false);

        assertEquals(StoreDump.of(source), StoreDump.of(target));
        assertEquals(written, restored);
        for (BackupManifest.Table table : written.tables()) {
            assertEquals(StoreDump.of(source).get(table.name()).size(), table.rows(), table.name());
            assertTrue(table.rows() > 0, "the filled store has rows in " + table.name());
        }
        assertEquals(auditExport(source), auditExport(target));
        assertTrue(auditExport(target).contains("false-positive"), auditExport(target));
        DatasetVersion version = target.latestVersion(DATASET).orElseThrow();
        assertEquals(2, version.version());
        assertEquals(source.fetchEntity(source.latestVersion(DATASET).orElseThrow(), "ca-sema-testland-1-1"),
                target.fetchEntity(version, "ca-sema-testland-1-1"));
    }

    @Test
    void backupHoldsEveryTableTheMigrationsCreate() throws IOException {
        StatementStore source = emptyStore();
        Path file = folder.resolve("empty.backup.gz");

        BackupManifest manifest = StoreBackup.write(source, file);

        List<String> names = manifest.tables().stream().map(BackupManifest.Table::name).toList();
        assertEquals(List.of("account", "api_key", "dataset_version", "entity", "screening_decision", "screening_request", "screening_result",
                "statement", "workspace", "workspace_member"), names.stream().sorted().toList());
        assertTrue(names.indexOf("workspace") < names.indexOf("workspace_member"), "parents first: " + names);
        assertTrue(names.indexOf("account") < names.indexOf("api_key"), "parents first: " + names);
        assertTrue(names.indexOf("screening_request") < names.indexOf("screening_decision"), "parents first: " + names);
        assertTrue(names.indexOf("screening_request") < names.indexOf("screening_result"), "parents first: " + names);
        assertEquals(StoreSchema.latest(source.dataSource()).getVersion(), manifest.schemaVersion());
        assertEquals(0, manifest.totalRows());
    }

    @Test
    void restoredStoreGoesOnNumberingVersionsRequestsAndDecisions() throws IOException {
        Path file = backupOfFilledStore();
        StatementStore target = emptyStore();
        StoreBackup.restore(target, file, false);

        DatasetVersion third = SemaFixture.importList(target, folder.resolve("v3.xml"), DATASET, "Testland", PEOPLE);
        assertEquals(3, third.version());
        assertTrue(third.id() > target.versions(DATASET).getFirst().id());
        try (Screener screener = new Screener(target, model, new Scorer(ScoringModel.standard()))) {
            AuditedScreener.Screening again = screen(new AuditedScreener(screener, AuditLog.of(target)), "Aleksey Oleksin");
            assertEquals(3, again.requestId());
            AuditLog.of(target).decide(again.requestId(), again.results().getFirst().entityId(), Decision.TRUE_MATCH, Requester.outsideWorkspaces("bob"), null);
        }
        assertEquals(2, StoreDump.of(target).get("screening_decision").size());
    }

    @Test
    void restoreIntoStoreThatHoldsDataIsRefusedAndChangesNothing() throws IOException {
        Path file = backupOfFilledStore();
        StatementStore target = emptyStore();
        SemaFixture.importList(target, folder.resolve("other.xml"), "other", "Otherland", PEOPLE.subList(0, 1));
        Map<String, List<List<Object>>> before = StoreDump.of(target);

        ConvergenceException refused = assertThrows(ConvergenceException.class, () -> StoreBackup.restore(target, file, false));

        assertEquals(ErrorCategory.INVALID_INPUT, refused.category());
        assertTrue(refused.getMessage().contains("is not empty") && refused.getMessage().contains("--replace"), refused.getMessage());
        assertEquals(before, StoreDump.of(target));
    }

    @Test
    void restoreWithReplaceDeletesWhatTheStoreHeld() throws IOException {
        StatementStore source = emptyStore();
        fill(source, folder);
        Path file = folder.resolve("store.backup.gz");
        StoreBackup.write(source, file);
        StatementStore target = emptyStore();
        SemaFixture.importList(target, folder.resolve("other.xml"), "other", "Otherland", PEOPLE.subList(0, 1));

        StoreBackup.restore(target, file, true);

        assertEquals(StoreDump.of(source), StoreDump.of(target));
        assertTrue(target.latestVersion("other").isEmpty());
    }

    @Test
    void truncatedBackupIsRefusedAndTheStoreKeepsWhatItHeld() throws IOException {
        Path file = backupOfFilledStore();
        byte[] whole = Files.readAllBytes(file);
        Path truncated = folder.resolve("truncated.backup.gz");
        Files.write(truncated, Arrays.copyOf(whole, whole.length * 2 / 3));
        StatementStore target = emptyStore();
        SemaFixture.importList(target, folder.resolve("other.xml"), "other", "Otherland", PEOPLE.subList(0, 1));
        Map<String, List<List<Object>>> before = StoreDump.of(target);

        ConvergenceException refused = assertThrows(ConvergenceException.class, () -> StoreBackup.restore(target, truncated, true));

        assertEquals(ErrorCategory.INVALID_INPUT, refused.category());
        assertTrue(refused.getMessage().contains(truncated.toString()) && refused.getMessage().contains("truncated")
                && refused.getMessage().contains("nothing was restored"), refused.getMessage());
        assertEquals(before, StoreDump.of(target));
    }

    @Test
    void backupCutAfterARowIsRefusedNamingTheTableAndRow() throws IOException {
        List<String> lines = lines(backupOfFilledStore());
        int statementHeader = indexOf(lines, "{\"table\":\"statement\"");
        Path cut = writeLines(lines.subList(0, statementHeader + 3), "cut.backup.gz");
        StatementStore target = emptyStore();

        ConvergenceException refused = assertThrows(ConvergenceException.class, () -> StoreBackup.restore(target, cut, false));

        assertTrue(refused.getMessage().contains("ends before row 3 of table statement: the file is truncated"), refused.getMessage());
        assertEquals(0, StoreDump.of(target).values().stream().mapToInt(List::size).sum());
    }

    @Test
    void valueOfTheWrongTypeIsRefusedNamingTableRowAndColumn() throws IOException {
        List<String> lines = new ArrayList<>(lines(backupOfFilledStore()));
        int firstResult = indexOf(lines, "{\"table\":\"screening_result\"") + 1;
        List<String> values = new ArrayList<>(List.of(lines.get(firstResult).split(",")));
        // The values of a result row: request_id, result_rank, entity_id, caption, list_version, entity_hash, score, ...
        values.set(6, "\"high\"");
        lines.set(firstResult, String.join(",", values));
        Path edited = writeLines(lines, "edited.backup.gz");

        ConvergenceException refused = assertThrows(ConvergenceException.class, () -> StoreBackup.restore(emptyStore(), edited, false));

        assertTrue(refused.getMessage().contains("line " + (firstResult + 1) + ", table screening_result, row 1: column score expects double,"
                + " found \"high\""), refused.getMessage());
    }

    @Test
    void rowMissingFromATableIsRefusedEvenWithAMatchingChecksum() throws IOException {
        List<String> lines = new ArrayList<>(lines(backupOfFilledStore()));
        int statementHeader = indexOf(lines, "{\"table\":\"statement\"");
        int rows = JSON.readTree(lines.get(statementHeader)).get("rows").asInt();
        lines.remove(statementHeader + 1);
        MessageDigest sha256 = BackupWriter.sha256();
        lines.subList(0, lines.size() - 1).forEach(line -> sha256.update((line + "\n").getBytes(StandardCharsets.UTF_8)));
        lines.set(lines.size() - 1, "{\"end\":\"convergence-backup\",\"sha256\":\"" + HexFormat.of().formatHex(sha256.digest()) + "\"}");
        Path edited = writeLines(lines, "short.backup.gz");

        ConvergenceException refused = assertThrows(ConvergenceException.class, () -> StoreBackup.restore(emptyStore(), edited, false));

        assertTrue(refused.getMessage().contains("table statement, row " + rows + ": expected row " + rows + " of " + rows), refused.getMessage());
    }

    @Test
    void changedValueFailsTheChecksumAndNothingIsRestored() throws IOException {
        List<String> lines = new ArrayList<>(lines(backupOfFilledStore()));
        int decision = indexOf(lines, "{\"table\":\"screening_decision\"") + 1;
        lines.set(decision, lines.get(decision).replace("false-positive", "true-match"));
        Path edited = writeLines(lines, "edited.backup.gz");
        StatementStore target = emptyStore();

        ConvergenceException refused = assertThrows(ConvergenceException.class, () -> StoreBackup.restore(target, edited, false));

        assertTrue(refused.getMessage().contains("fails its checksum"), refused.getMessage());
        assertEquals(0, StoreDump.of(target).values().stream().mapToInt(List::size).sum());
    }

    @Test
    void fileThatIsNotABackupIsRefused() throws IOException {
        Path text = Files.writeString(folder.resolve("notes.txt"), "not a backup\n");
        Path otherJson = writeLines(List.of("{\"format\":\"something-else\"}"), "other.json.gz");
        StatementStore target = emptyStore();

        assertTrue(assertThrows(ConvergenceException.class, () -> StoreBackup.restore(target, text, false)).getMessage()
                .contains("is not a Convergence backup (not gzip-compressed"));
        assertTrue(assertThrows(ConvergenceException.class, () -> StoreBackup.restore(target, otherJson, false)).getMessage()
                .contains("is not a Convergence backup: its first line has no \"format\": \"convergence-backup\""));
        assertEquals(ErrorCategory.NOT_FOUND,
                assertThrows(ConvergenceException.class, () -> StoreBackup.restore(target, folder.resolve("missing.gz"), false)).category());
    }

    @Test
    void backupFromANewerSchemaIsRefused() throws IOException {
        List<String> lines = new ArrayList<>(lines(backupOfFilledStore()));
        lines.set(0, lines.getFirst().replaceFirst("\"schemaVersion\":\"[0-9.]+\"", "\"schemaVersion\":\"99\""));
        Path newer = writeLines(lines, "newer.backup.gz");

        ConvergenceException refused = assertThrows(ConvergenceException.class, () -> StoreBackup.restore(emptyStore(), newer, false));

        assertEquals(ErrorCategory.INVALID_INPUT, refused.category());
        assertTrue(refused.getMessage().contains("has schema version 99, newer than this Convergence knows"), refused.getMessage());
    }

    /**
     * Imports commit while backups of a store large enough to take a while are written; every backup
     * must hold each version whole: as many entities and statements as its dataset_version row counts,
     * and no rows of a version it lacks.
     */
    @Test
    void importsDuringABackupAreInItWholeOrNotAtAll() throws Exception {
        StatementStore store = emptyStore();
        importPeople(store, "bulk", 10_000);
        AtomicBoolean stop = new AtomicBoolean();
        AtomicInteger committed = new AtomicInteger();
        Thread importer = Thread.ofPlatform().start(() -> {
            while (!stop.get()) {
                importPeople(store, "concurrent", 3);
                committed.incrementAndGet();
            }
        });
        int committedDuringBackups = 0;
        try {
            for (int i = 0; i < 3; i++) {
                Path file = folder.resolve("during-" + i + ".backup.gz");
                int before = committed.get();
                StoreBackup.write(store, file);
                committedDuringBackups += committed.get() - before;
                assertVersionsWhole(lines(file));
            }
        } finally {
            stop.set(true);
            importer.join();
        }
        assertTrue(committedDuringBackups > 0, "no import committed while a backup was written: the test proved nothing");
    }

    private void importPeople(StatementStore store, String dataset, int count) {
        try (DatasetWriter writer = store.beginImport(new ImportRequest(dataset, "memory", "c" + count, null))) {
            for (int i = 1; i <= count; i++) {
                writer.write(Entity.builder(model.requireSchema("Person"), dataset + "-" + i, dataset)
                        .add("name", "Person " + i).add("birthDate", "1961").build());
            }
            writer.commit(0, null);
        }
    }

    private static void assertVersionsWhole(List<String> lines) throws IOException {
        Map<Long, List<Long>> counted = new HashMap<>();
        Map<Long, List<Long>> found = new HashMap<>();
        String table = null;
        for (String line : lines.subList(1, lines.size() - 1)) {
            JsonNode node = JSON.readTree(line);
            if (node.isObject()) {
                table = node.get("table").asText();
                continue;
            }
            long id = node.get(0).asLong();
            switch (table) {
                case "dataset_version" -> counted.put(id, List.of(node.get(7).asLong(), node.get(8).asLong()));
                case "entity" -> found.merge(id >> 32, List.of(1L, 0L), StoreBackupContract::add);
                case "statement" -> found.merge(id >> 32, List.of(0L, 1L), StoreBackupContract::add);
                default -> { }
            }
        }
        Map<Long, String> torn = new TreeMap<>();
        for (Long version : union(counted.keySet(), found.keySet())) {
            if (!Objects.equals(counted.get(version), found.get(version))) {
                torn.put(version, "counted " + counted.get(version) + ", found " + found.get(version));
            }
        }
        assertEquals(Map.of(), torn, "versions whose entities and statements differ from their counts");
    }

    private static Set<Long> union(Set<Long> a, Set<Long> b) {
        Set<Long> union = new TreeSet<>(a);
        union.addAll(b);
        return union;
    }

    private static List<Long> add(List<Long> a, List<Long> b) {
        return List.of(a.get(0) + b.get(0), a.get(1) + b.get(1));
    }

    static List<String> lines(Path file) throws IOException {
        try (GZIPInputStream in = new GZIPInputStream(Files.newInputStream(file))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        }
    }

    private Path writeLines(List<String> lines, String name) throws IOException {
        Path file = folder.resolve(name);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (OutputStream out = new GZIPOutputStream(bytes)) {
            for (String line : lines) {
                out.write((line + "\n").getBytes(StandardCharsets.UTF_8));
            }
        }
        Files.write(file, bytes.toByteArray());
        return file;
    }

    private static int indexOf(List<String> lines, String prefix) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith(prefix)) {
                return i;
            }
        }
        throw new AssertionError("no line starts with " + prefix);
    }
}

package org.convergence.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import org.convergence.model.ConvergenceModel;
import org.convergence.store.DatasetVersion;
import org.convergence.store.H2StatementStore;
import org.convergence.store.StatementStore;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * An import that dies half-way, killed (SIGKILL) or out of room on the disk, leaves the embedded store as it was
 * before: the earlier dataset intact, no version, entity or statement of the interrupted one, and the next import
 * works.
 */
class ImportFaultsTest {
    @TempDir
    static Path files;

    @TempDir
    Path folder;

    private static Path small;
    private static Path large;

    @BeforeAll
    static void writeFiles() throws Exception {
        small = files.resolve("small.json");
        large = files.resolve("large.json");
        SyntheticFtmFile.write(small, 1_000, 1);
        SyntheticFtmFile.write(large, 400_000, 2);
    }

    private Path storeWithOneDataset() {
        Path data = folder.resolve("data");
        assertEquals(0, Main.run("import", "ftm", small.toString(), "--dataset", "before", "--data", data.toString()));
        return data;
    }

    @Test
    void killedImportLeavesTheStoreAsItWas() throws Exception {
        Path data = storeWithOneDataset();
        try (ConvergenceProcess importing = ConvergenceProcess.start("import", "ftm", large.toString(), "--dataset", "interrupted",
                "--data", data.toString())) {
            // The progress line reports records read and written inside the open transaction; kill once it has.
            importing.awaitLine(line -> line.contains("records") && !line.contains(" 0 records"));
            importing.kill();
        }
        assertStoreAsBeforeAndImportable(data);
    }

    @Test
    @EnabledOnOs({OS.LINUX, OS.MAC})
    void importOutOfDiskSpaceFailsWithAStoreErrorAndLeavesTheStoreAsItWas() throws Exception {
        Path data = storeWithOneDataset();
        // A file size limit (ulimit -f, 4 MB) makes the store's writes fail as a full disk does, with no root needed: the JVM
        // ignores SIGXFSZ, so the write past the limit fails with EFBIG ("File too large") instead of ending the process.
        try (ConvergenceProcess importing = ConvergenceProcess.start(List.of("bash", "-c", "ulimit -f 4096; exec \"$@\"", "bash"),
                "import", "ftm", large.toString(), "--dataset", "interrupted", "--data", data.toString())) {
            assertEquals(5, importing.awaitExit(), importing.output());
            assertTrue(importing.output().contains("no room to write the store in " + data), importing.output());
            assertTrue(importing.output().contains("free space on its disk and run the command again"), importing.output());
        }
        assertStoreAsBeforeAndImportable(data);
    }

    private static void assertStoreAsBeforeAndImportable(Path data) throws Exception {
        try (StatementStore store = new H2StatementStore(data, ConvergenceModel.standard())) {
            List<DatasetVersion> versions = store.latestVersions();
            assertEquals(List.of("before"), versions.stream().map(DatasetVersion::dataset).toList());
            assertEquals(1_000, versions.get(0).entityCount());
            assertTrue(store.versions("interrupted").isEmpty());
            int[] count = {0};
            store.forEachEntity(versions.get(0), entity -> count[0]++);
            assertEquals(1_000, count[0]);
            assertEquals(List.of(1L, 1_000L, versions.get(0).statementCount()), rowCounts(store));
        }
        assertEquals(0, Main.run("import", "ftm", small.toString(), "--dataset", "interrupted", "--data", data.toString()));
        try (StatementStore store = new H2StatementStore(data, ConvergenceModel.standard())) {
            assertEquals(1, store.latestVersion("interrupted").orElseThrow().version());
            assertEquals(1_000, store.latestVersion("interrupted").orElseThrow().entityCount());
        }
    }

    /** Rows of dataset versions, entities and statements: none left over from the interrupted import. */
    private static List<Long> rowCounts(StatementStore store) throws Exception {
        try (Connection connection = store.dataSource().getConnection(); Statement query = connection.createStatement();
                ResultSet rows = query.executeQuery("SELECT (SELECT COUNT(*) FROM dataset_version), (SELECT COUNT(*) FROM entity),"
                        + " (SELECT COUNT(*) FROM statement)")) {
            rows.next();
            return List.of(rows.getLong(1), rows.getLong(2), rows.getLong(3));
        }
    }
}

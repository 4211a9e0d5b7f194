package org.convergence.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.convergence.model.ConvergenceModel;
import org.convergence.store.DatasetVersion;
import org.convergence.store.H2StatementStore;
import org.convergence.store.StatementStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A process killed (SIGKILL) in the middle of an import leaves the store as it was before: the
 * earlier dataset intact, no trace of the interrupted one.
 */
class KillDuringImportTest {
    @TempDir
    Path folder;

    @Test
    void killedImportLeavesTheStoreAsItWas() throws Exception {
        Path data = folder.resolve("data");
        Path small = folder.resolve("small.json");
        Path large = folder.resolve("large.json");
        SyntheticFtmFile.write(small, 1_000, 1);
        SyntheticFtmFile.write(large, 400_000, 2);
        assertEquals(0, Main.run("import", "ftm", small.toString(), "--dataset", "before", "--data", data.toString()));

        Process process = new ProcessBuilder(javaBinary(), "-cp", System.getProperty("java.class.path"), Main.class.getName(),
                "import", "ftm", large.toString(), "--dataset", "interrupted", "--data", data.toString())
                .redirectErrorStream(true)
                .start();
        // The progress line reports records read and written inside the open transaction; kill once it has.
        boolean importing = false;
        StringBuilder seen = new StringBuilder();
        try (BufferedReader output = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = output.readLine()) != null; ) {
                seen.append(line).append('\n');
                if (line.contains("records") && !line.contains(" 0 records")) {
                    importing = true;
                    break;
                }
            }
            process.destroyForcibly();
            assertTrue(process.waitFor(30, TimeUnit.SECONDS), "the import process did not die");
        }
        assertTrue(importing, "the import never reported progress before it ended:\n" + seen);
        assertTrue(process.exitValue() != 0, "the import finished before it could be killed");

        try (StatementStore store = new H2StatementStore(data, ConvergenceModel.standard())) {
            List<DatasetVersion> versions = store.latestVersions();
            assertEquals(List.of("before"), versions.stream().map(DatasetVersion::dataset).toList());
            assertEquals(1_000, versions.get(0).entityCount());
            assertTrue(store.versions("interrupted").isEmpty());
            int[] count = {0};
            store.forEachEntity(versions.get(0), entity -> count[0]++);
            assertEquals(1_000, count[0]);
        }
    }

    private static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}

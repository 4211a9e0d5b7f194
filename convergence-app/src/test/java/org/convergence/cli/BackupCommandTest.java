package org.convergence.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code convergence backup} and {@code convergence restore} as an administrator runs them, moving a store from one folder to another. */
class BackupCommandTest {
    @TempDir
    Path folder;

    private Path laptop;

    private static CommandRun run(String... args) {
        return CommandRun.of(args);
    }

    private static String data(Path store) {
        return "--data=" + store;
    }

    /** A store with a dataset, a batch screening against it, and a decision on its hit. */
    @BeforeEach
    void fillLaptopStore() throws IOException {
        laptop = folder.resolve("laptop");
        Path people = Files.writeString(folder.resolve("people.jsonl"), """
                {"id": "p-1", "schema": "Person", "properties": {"name": ["Ivan Petrov", "Иван Петров"], "birthDate": ["1961"]}}
                {"id": "p-2", "schema": "Company", "properties": {"name": ["Rosoboronexport"], "country": ["ru"]}}
                """);
        assertEquals(0, run("import", "ftm", people.toString(), "--dataset", "people", data(laptop)).exitCode());
        Path customers = Files.writeString(folder.resolve("customers.csv"), "customer_no,customer\nC-1,Ivan Petrov\n");
        Path results = folder.resolve("results.csv");
        CommandRun screened = run("screen", customers.toString(), "--column", "id=customer_no", "--column", "name=customer",
                "-o", results.toString(), "--user", "ana", data(laptop));
        assertEquals(0, screened.exitCode(), screened.err());
        String hit = Files.readAllLines(results).stream().filter(line -> line.contains("p-1")).findFirst().orElseThrow();
        CommandRun decided = run("audit", "decide", hit.split(",")[3], "p-1", "false-positive", "--comment", "born 1990", "--user", "bob",
                data(laptop));
        assertEquals(0, decided.exitCode(), decided.err());
    }

    private static String status(Path store) {
        return run("status", data(store)).out().lines().skip(1).reduce("", (a, b) -> a + b + "\n");
    }

    private static String auditTrail(Path store) {
        return run("audit", "export", data(store)).out();
    }

    @Test
    void backupRestoresIntoAnEmptyFolderWithTheDatasetsAndTheAuditTrail() {
        Path file = folder.resolve("laptop.backup.gz");
        Path office = folder.resolve("office");

        CommandRun backup = run("backup", file.toString(), data(laptop));
        CommandRun restore = run("restore", file.toString(), data(office));

        assertEquals(0, backup.exitCode(), backup.err());
        assertTrue(backup.out().startsWith("backed up " + laptop.toAbsolutePath()) && backup.out().contains("screening_decision"), backup.out());
        assertEquals(0, restore.exitCode(), restore.err());
        assertTrue(restore.out().contains("into " + office.toAbsolutePath() + " (embedded H2)"), restore.out());
        assertEquals(status(laptop), status(office));
        assertTrue(status(office).contains("people"), status(office));
        assertEquals(auditTrail(laptop), auditTrail(office));
        assertTrue(auditTrail(office).contains("\"decision\":\"false-positive\""), auditTrail(office));
    }

    @Test
    void restoreIntoAStoreThatHoldsDataIsRefusedUntilReplaceIsGiven() throws IOException {
        Path file = folder.resolve("laptop.backup.gz");
        assertEquals(0, run("backup", file.toString(), data(laptop)).exitCode());
        Path office = folder.resolve("office");
        Path other = Files.writeString(folder.resolve("other.jsonl"), """
                {"id": "o-1", "schema": "Organization", "properties": {"name": ["Harbin Institute of Technology"]}}
                """);
        assertEquals(0, run("import", "ftm", other.toString(), "--dataset", "other", data(office)).exitCode());
        String before = status(office);

        CommandRun refused = run("restore", file.toString(), data(office));
        assertEquals(3, refused.exitCode());
        assertTrue(refused.err().contains("is not empty") && refused.err().contains("--replace"), refused.err());
        assertEquals(before, status(office));

        CommandRun replaced = run("restore", file.toString(), "--replace", data(office));
        assertEquals(0, replaced.exitCode(), replaced.err());
        assertEquals(status(laptop), status(office));
    }

    @Test
    void truncatedBackupIsRefusedNamingTheFileAndTheStoreIsUnchanged() throws IOException {
        Path file = folder.resolve("laptop.backup.gz");
        assertEquals(0, run("backup", file.toString(), data(laptop)).exitCode());
        byte[] whole = Files.readAllBytes(file);
        Path truncated = Files.write(folder.resolve("truncated.backup.gz"), Arrays.copyOf(whole, whole.length / 2));
        Path office = folder.resolve("office");

        CommandRun refused = run("restore", truncated.toString(), data(office));

        assertEquals(3, refused.exitCode());
        assertTrue(refused.err().startsWith("error: the backup " + truncated) && refused.err().contains("nothing was restored"), refused.err());
        assertTrue(status(office).startsWith("no datasets yet"), status(office));
    }

    @Test
    void backupIntoAMissingFolderIsRefusedNamingTheFolder() {
        Path missing = folder.resolve("no-such-folder");

        CommandRun refused = run("backup", missing.resolve("x.backup.gz").toString(), data(laptop));

        assertEquals(3, refused.exitCode());
        assertTrue(refused.err().contains("the folder " + missing + " does not exist"), refused.err());
    }

    @Test
    void helpSaysWhatIsNotInTheBackup() {
        CommandRun help = run("backup", "--help");

        assertTrue(help.out().replaceAll("\\s+", " ").contains("Not in the backup: the screening index, built in memory from the statements"),
                help.out());
    }
}

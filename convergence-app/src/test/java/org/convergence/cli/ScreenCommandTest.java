package org.convergence.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.convergence.testing.SharedData;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code convergence screen} and {@code convergence audit} as a compliance officer runs them, against the real SEMA list. */
class ScreenCommandTest {
    private static final String OLEKSIN = "ca-sema-belarus-1-part-1-56";

    @TempDir
    static Path store;

    @TempDir
    Path folder;

    private static CommandRun run(String... args) {
        return CommandRun.of(args);
    }

    private static String data() {
        return "--data=" + store;
    }

    @BeforeAll
    static void importSema() {
        CommandRun imported = run("lists", "import", "ca-sema", SharedData.require("lists/ca-sema/sema-lmes_2025-09-22.xml").toString(), data());
        assertEquals(0, imported.exitCode(), imported.err());
    }

    private Path customers() throws IOException {
        return Files.writeString(folder.resolve("customers.csv"), """
                customer_no,customer,born
                C-1,Aleksey Oleksin,
                C-2,Margaret Thistlewood,1980-12-31
                C-3,,1970
                """);
    }

    private static String requestIdOf(Path output, String entityId) throws IOException {
        String line = Files.readAllLines(output).stream().filter(l -> l.contains(entityId)).findFirst().orElseThrow();
        return line.split(",")[3];
    }

    @Test
    void screenWritesResultsAndReportAndAFalsePositiveIsNotRaisedAgain() throws IOException {
        Path customers = customers();
        Path results = folder.resolve("results.csv");
        Path report = folder.resolve("report.html");
        CommandRun screened = run("screen", customers.toString(), "--column", "id=customer_no", "--column", "name=customer", "--column", "birthDate=born",
                "-o", results.toString(), "--html", report.toString(), "--user", "ana", data());
        assertEquals(0, screened.exitCode(), screened.err());
        assertTrue(screened.out().startsWith("screened 3 rows in"), screened.out());
        assertTrue(screened.out().contains("1 not screened"), screened.out());
        assertTrue(screened.err().contains("reading customers.csv: columns id=customer_no, name=customer, birthDate=born; schema Person"),
                screened.err());
        List<String> lines = Files.readAllLines(results);
        assertEquals("row,input_id,input_name,request_id,matched_id,caption,dataset,version,score,match,features,notes", lines.getFirst());
        assertTrue(lines.get(1).startsWith("1,C-1,Aleksey Oleksin,"), lines.get(1));
        assertTrue(lines.get(1).contains(OLEKSIN));
        assertTrue(Files.readString(report).contains("Aleksey Oleksin"));

        String requestId = requestIdOf(results, OLEKSIN);
        CommandRun decided = run("audit", "decide", requestId, OLEKSIN, "false-positive", "--comment", "born 1990, Minsk", "--user", "bob", data());
        assertEquals(0, decided.exitCode(), decided.err());
        assertTrue(decided.out().startsWith("recorded false-positive on " + OLEKSIN + " for request " + requestId + " by bob"), decided.out());

        Path again = folder.resolve("again.jsonl");
        CommandRun rescreened = run("screen", customers.toString(), "--column", "id=customer_no", "--column", "name=customer", "--column",
                "birthDate=born", "-o", again.toString(), "--user", "ana", data());
        assertEquals(0, rescreened.exitCode(), rescreened.err());
        assertTrue(rescreened.out().contains("1 known false positives not raised"), rescreened.out());
        String first = Files.readAllLines(again).getFirst();
        assertFalse(first.contains(OLEKSIN), first);
        assertTrue(first.contains("1 known false positive not raised again"), first);

        Path audit = folder.resolve("audit.csv");
        CommandRun exported = run("audit", "export", "--format", "csv", "-o", audit.toString(), data());
        assertEquals(0, exported.exitCode(), exported.err());
        String trail = Files.readString(audit);
        assertTrue(trail.contains("false-positive,bob,") && trail.contains("born 1990, Minsk"), trail);
        assertTrue(trail.lines().filter(line -> line.contains(OLEKSIN) && line.contains(",true,true,")).count() == 1,
                "the second screening's result is recorded, flagged suppressed: " + trail);

        CommandRun json = run("audit", "export", "--since", "2000-01-01", data());
        assertEquals(0, json.exitCode(), json.err());
        assertEquals(6, json.out().lines().count(), "two runs of three rows: " + json.out());
    }

    @Test
    void aMissingColumnIsNamedWithTheColumnsPresentAndNothingIsWritten() throws IOException {
        Path results = folder.resolve("results.csv");
        CommandRun run = run("screen", customers().toString(), "--column", "name=full_name", "-o", results.toString(), data());
        assertEquals(3, run.exitCode());
        assertTrue(run.err().contains("column 'full_name' (mapped to name) is not in customers.csv; its columns are: customer_no, customer, born"),
                run.err());
        assertFalse(Files.exists(results));
    }

    @Test
    void badOptionsAreRefusedBeforeAnythingIsWritten() throws IOException {
        Path customers = customers();
        Path results = folder.resolve("results.csv");
        CommandRun limit = run("screen", customers.toString(), "--limit", "0", "-o", results.toString(), data());
        assertEquals(3, limit.exitCode());
        assertTrue(limit.err().contains("the limit must be at least 1, got 0"), limit.err());
        CommandRun threshold = run("screen", customers.toString(), "--threshold", "70", "-o", results.toString(), data());
        assertEquals(3, threshold.exitCode());
        assertTrue(threshold.err().contains("threshold is a score from 0 to 1, got 70.0"), threshold.err());
        CommandRun format = run("screen", customers.toString(), "-o", folder.resolve("results.txt").toString(), data());
        assertEquals(3, format.exitCode());
        assertTrue(format.err().contains("cannot tell the output format of results.txt: name it .csv or .jsonl"), format.err());
        CommandRun scope = run("screen", customers.toString(), "--column", "name=customer", "--scope", "un-sc", "-o", results.toString(), data());
        assertEquals(4, scope.exitCode(), scope.err());
        assertTrue(scope.err().contains("no scope 'un-sc': use 'all' or one of the datasets [ca-sema]"), scope.err());
        assertFalse(Files.exists(results));
    }

    @Test
    void decisionsNeedAnExistingRequestAndAKnownWord() {
        CommandRun unknownRequest = run("audit", "decide", "999999", OLEKSIN, "false-positive", data());
        assertEquals(4, unknownRequest.exitCode());
        assertTrue(unknownRequest.err().contains("no screening request 999999"), unknownRequest.err());

        CommandRun unknownWord = run("audit", "decide", "1", OLEKSIN, "maybe", data());
        assertEquals(3, unknownWord.exitCode());
        assertTrue(unknownWord.err().contains("unknown decision 'maybe': expected true-match or false-positive"), unknownWord.err());
    }

    @Test
    void screenAndAuditHaveHelp() {
        for (String[] command : new String[][] {{"screen", "--help"}, {"audit", "export", "--help"}, {"audit", "decide", "--help"}}) {
            CommandRun run = run(command);
            assertEquals(0, run.exitCode(), String.join(" ", command));
            assertTrue(run.out().contains("Usage:"), String.join(" ", command));
        }
    }
}

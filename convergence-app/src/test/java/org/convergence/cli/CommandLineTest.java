package org.convergence.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.convergence.testing.Fixtures;
import org.convergence.testing.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line as a user runs it: help, import, status, export, and errors with exit codes. */
class CommandLineTest {
    @TempDir
    Path folder;

    private CommandRun run(String... args) {
        return CommandRun.of(args);
    }

    private String data() {
        return "--data=" + folder.resolve("data");
    }

    @Test
    void everyCommandHasHelp() {
        for (String[] command : new String[][] {{"--help"}, {"import", "--help"}, {"import", "ftm", "--help"}, {"export", "ftm", "--help"},
                {"status", "--help"}, {"bench", "import", "--help"}}) {
            CommandRun run = run(command);
            assertEquals(0, run.exitCode(), String.join(" ", command));
            assertTrue(run.out().contains("Usage:"), String.join(" ", command));
        }
    }

    @Test
    void benchOverviewReportsTheServerTimeOfEveryPage() {
        CommandRun loaded = run("evidence", "load", "--dir", Fixtures.evidence().toString(), data());
        assertEquals(0, loaded.exitCode(), loaded.err());
        CommandRun bench = run("bench", "overview", "--requests", "3", data());
        assertEquals(0, bench.exitCode(), bench.err());
        for (String page : new String[] {"/workbench ", "/workbench/events ", "/workbench/search?q=Rosoboronexport "}) {
            assertTrue(bench.out().lines().anyMatch(line -> line.startsWith(page) && line.matches("\\S+(\\s+\\d+\\.\\d){4}\\s+\\d+")), bench.out());
        }
    }

    @Test
    void importThenStatusShowsTheDatasetWithItsEntityCount() {
        Path zala = SharedData.require("ftm/yente_zala_entities.ftm.json");
        CommandRun imported = run("import", "ftm", zala.toString(), data());
        assertEquals(0, imported.exitCode(), imported.err());
        assertTrue(imported.out().contains("imported 91 entities"), imported.out());

        CommandRun status = run("status", data());
        assertEquals(0, status.exitCode());
        assertTrue(status.out().matches("(?s).*yente_zala_entities\\s+1\\s+91\\s.*"), status.out());
        assertTrue(status.out().contains("1 datasets, 91 entities"), status.out());
    }

    @Test
    void exportedFileReimportsToIdenticalExport() throws IOException {
        Path zala = SharedData.require("ftm/yente_zala_entities.ftm.json");
        run("import", "ftm", zala.toString(), "--dataset", "zala", data());
        Path first = folder.resolve("first.json");
        Path second = folder.resolve("second.json");
        assertEquals(0, run("export", "ftm", "--dataset", "zala", "-o", first.toString(), data()).exitCode());
        assertEquals(0, run("import", "ftm", first.toString(), "--dataset", "zala-copy", data()).exitCode());
        assertEquals(0, run("export", "ftm", "--dataset", "zala-copy", "-o", second.toString(), data()).exitCode());
        assertEquals(91, Files.readAllLines(first).size());
        assertEquals(Files.readString(first), Files.readString(second));
    }

    @Test
    void invalidLineFailsWithExitCodeThreeAndNamesTheLine() throws IOException {
        Path bad = Files.writeString(folder.resolve("bad.json"), "{\"id\": \"a\", \"schema\": \"Person\"}\n{oops\n");
        CommandRun run = run("import", "ftm", bad.toString(), data());
        assertEquals(3, run.exitCode());
        assertTrue(run.err().contains("bad.json:2") && run.err().contains("malformed JSON"), run.err());
        assertTrue(run("status", data()).out().contains("no datasets yet"));
    }

    @Test
    void skipInvalidReportsSkippedLinesOnStandardError() throws IOException {
        Path bad = Files.writeString(folder.resolve("bad.json"), "{\"id\": \"a\", \"schema\": \"Person\"}\n{oops\n");
        CommandRun run = run("import", "ftm", bad.toString(), "--skip-invalid", data());
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("imported 1 entities"), run.out());
        assertTrue(run.err().contains("skipped 1 invalid records") && run.err().contains("bad.json:2"), run.err());
    }

    @Test
    void missingFileAndUnknownDatasetAreNotFound() {
        CommandRun missing = run("import", "ftm", folder.resolve("none.json").toString(), data());
        assertEquals(4, missing.exitCode());
        assertTrue(missing.err().contains("none.json: no such file"), missing.err());
        CommandRun unknown = run("export", "ftm", "--dataset", "nothing", data());
        assertEquals(4, unknown.exitCode());
        assertTrue(unknown.err().contains("no dataset 'nothing'"), unknown.err());
    }

    @Test
    void invalidDatasetNameSaysWhatIsValid() throws IOException {
        Path file = Files.writeString(folder.resolve("ok.json"), "{\"id\": \"a\", \"schema\": \"Person\"}\n");
        CommandRun run = run("import", "ftm", file.toString(), "--dataset", "Bad Name!", data());
        assertEquals(3, run.exitCode());
        assertTrue(run.err().contains("lower-case letters"), run.err());
    }

    @Test
    void evidenceValidateEndsWithTheCountLineAndFailsOnProblems() throws IOException {
        Path evidence = org.convergence.testing.Fixtures.evidence();
        CommandRun valid = run("evidence", "validate", "--dir", evidence.toString());
        assertEquals(0, valid.exitCode(), valid.err());
        assertTrue(valid.out().strip().endsWith("2 events checked across 2 domains (2 parties): valid"), valid.out());

        Path broken = folder.resolve("broken");
        Files.createDirectories(broken.resolve("events"));
        Files.writeString(broken.resolve("events/bad.yaml"), "- {id: 2020-x, date: 2020, domain: nope, type: exercise, direction: joint, summary: x}\n");
        CommandRun invalid = run("evidence", "validate", "--dir", broken.toString());
        assertEquals(3, invalid.exitCode());
        assertTrue(invalid.err().contains("bad.yaml [2020-x] sources: no source"), invalid.err());
        assertTrue(invalid.out().contains("1 events checked"), invalid.out());
    }

    @Test
    void evidenceLoadsAndAnalyticsPrintJson() {
        Path evidence = org.convergence.testing.Fixtures.evidence();
        CommandRun load = run("evidence", "load", "--dir", evidence.toString(), data());
        assertEquals(0, load.exitCode(), load.err());
        CommandRun matrix = run("analytics", "matrix", "--format", "json", data());
        assertEquals(0, matrix.exitCode(), matrix.err());
        assertTrue(matrix.out().contains("\"domain\" : \"combat-aircraft\"") && matrix.out().contains("\"2015\" : 1"), matrix.out());
        CommandRun flows = run("analytics", "flows", "--format", "csv", "--periods", "2010,2018", data());
        assertTrue(flows.out().contains("2010–2017,1,0,0") && flows.out().contains("2018–2018,0,0,1"), flows.out());
    }

    @Test
    void analyticsShowTheNetworksBrokersCommunitiesAndTiesPerPeriod() {
        CommandRun load = run("evidence", "load", "--dir", Fixtures.evidence().toString(), data());
        assertEquals(0, load.exitCode(), load.err());
        CommandRun brokers = run("analytics", "network-brokers", "--format", "csv", "--periods", "2010,2018", data());
        assertEquals(0, brokers.exitCode(), brokers.err());
        assertEquals("period,rank,party,side,schema,cn_ru_betweenness,betweenness,degree,chinese_ties,russian_ties,id", brokers.out().lines().findFirst().orElseThrow());
        assertTrue(brokers.out().contains("2010–2017,1,People's Liberation Army Air Force,china,PublicBody,0.0000,0.0000,1,0,1,cvg-party-pla-air-force"),
                brokers.out());
        CommandRun communities = run("analytics", "communities", "--format", "csv", "--periods", "2010", data());
        assertTrue(communities.out().contains("2010–2018,1,2,1,1,0,0.0000,People's Liberation Army Air Force; Rosoboronexport"), communities.out());
        CommandRun ties = run("analytics", "ties", "--format", "csv", data());
        assertTrue(ties.out().contains("2014–2021,People's Liberation Army Air Force,Rosoboronexport,2,cvg-event-2015-su-35-contract cvg-event-2018-vostok"),
                ties.out());
        CommandRun none = run("analytics", "network-brokers", "--limit", "0", data());
        assertEquals(3, none.exitCode());
        assertTrue(none.err().contains("--limit must be at least 1; got 0"), none.err());
    }

    @Test
    void listDiffNeedsTwoVersionsAndUnknownSourcesAreNamed() {
        CommandRun diff = run("lists", "diff", "ca-sema", data());
        assertEquals(4, diff.exitCode());
        assertTrue(diff.err().contains("a diff needs two"), diff.err());
        CommandRun unknown = run("lists", "import", "no-such-list", "file.xml", data());
        assertEquals(3, unknown.exitCode());
        assertTrue(unknown.err().contains("unknown list source 'no-such-list'"), unknown.err());
    }

    @Test
    void unknownOptionIsAUsageError() {
        assertEquals(2, run("status", "--nope").exitCode());
    }
}

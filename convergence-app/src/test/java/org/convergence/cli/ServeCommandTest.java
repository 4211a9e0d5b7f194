package org.convergence.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import org.convergence.testing.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code convergence serve} and {@code convergence bench match} as a user runs them. */
class ServeCommandTest {
    @TempDir
    Path folder;

    private static CommandRun run(String... args) {
        return CommandRun.of(args);
    }

    private String data() {
        return "--data=" + folder.resolve("data");
    }

    @Test
    void serveHasHelpNamingTheEndpoints() {
        CommandRun help = run("serve", "--help");
        assertEquals(0, help.exitCode());
        assertTrue(help.out().contains("--port") && help.out().contains("/match/{scope}"), help.out());
    }

    @Test
    void aBusyPortFailsWithExitSixNamingThePort() throws IOException {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            CommandRun run = run("serve", "--port", String.valueOf(taken.getLocalPort()), data());
            assertEquals(6, run.exitCode(), run.err());
            assertTrue(run.err().contains("cannot listen on 127.0.0.1:" + taken.getLocalPort()), run.err());
        }
    }

    @Test
    void aPortOutOfRangeIsInvalidInput() {
        CommandRun run = run("serve", "--port", "70000", data());
        assertEquals(3, run.exitCode());
        assertTrue(run.err().contains("--port must be from 0 to 65535"), run.err());
    }

    @Test
    void anAllowedHostWrittenAsAUrlIsInvalidInputNamingWhatIsExpected() {
        CommandRun run = run("serve", "--port", "0", "--allowed-host", "https://convergence.example.org/", data());
        assertEquals(3, run.exitCode(), run.err());
        assertTrue(run.err().contains("--allowed-host takes a host name as browsers send it"), run.err());
    }

    @Test
    void benchMatchPrintsLatencyPercentilesAndThroughputWithNoFailures() {
        Path nro = SharedData.require("research-security/ca-nro/named-research-organizations_2024-04-18.html");
        assertEquals(0, run("lists", "import", "ca-nro", nro.toString(), data()).exitCode());
        CommandRun bench = run("bench", "match", "--queries", "60", "--clients", "3", "--warmup", "10", data());
        assertEquals(0, bench.exitCode(), bench.err());
        assertTrue(bench.out().contains("p50_ms") && bench.out().contains("p99_ms") && bench.out().contains("queries_per_s"), bench.out());
        String row = bench.out().lines().filter(line -> line.strip().startsWith("60 ")).findFirst().orElseThrow(() -> new AssertionError(bench.out()));
        assertTrue(row.strip().endsWith(" 0"), "no failed requests: " + row);
    }

    @Test
    void benchMatchOnAnEmptyStoreSaysToImportAList() {
        CommandRun bench = run("bench", "match", "--queries", "5", data());
        assertEquals(4, bench.exitCode());
        assertTrue(bench.err().contains("import a list first"), bench.err());
    }
}

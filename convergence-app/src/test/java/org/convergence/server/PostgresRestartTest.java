package org.convergence.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.convergence.model.ConvergenceModel;
import org.convergence.screening.Screener;
import org.convergence.store.PostgresStatementStore;
import org.convergence.store.StatementStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The server on a PostgreSQL store that goes away and comes back: while it is away a request that needs the store
 * fails with a store error (503) in bounded time, and once it is back the same server answers again, without a
 * restart. Runs on a PostgreSQL of its own (the binaries under /usr/lib/postgresql, on port 55452) and is skipped
 * where there are none.
 */
class PostgresRestartTest {
    private static final int PORT = 55452;
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static Path pgBin;
    private static boolean running;
    private static Path pgData;
    private static StatementStore store;
    private static Screener screener;
    private static ConvergenceServer server;

    @BeforeAll
    static void startPostgresAndTheServer() throws Exception {
        Optional<Path> bin = postgresBinaries();
        assumeTrue(bin.isPresent(), "no PostgreSQL under /usr/lib/postgresql: PostgreSQL restart test skipped");
        pgBin = bin.get();
        // Not under the test's temporary folder: as root, PostgreSQL runs as the user postgres, who cannot enter that folder.
        pgData = Files.createTempDirectory("convergence-pg-restart");
        if (isRoot()) {
            run("chown", "postgres", pgData.toString());
        }
        runAsPostgres(pgBin.resolve("initdb").toString(), "-D", pgData.toString(), "-A", "trust", "-U", "convergence", "-E", "UTF8");
        startPostgres();
        store = new PostgresStatementStore("jdbc:postgresql://127.0.0.1:" + PORT + "/postgres", "convergence", "", ConvergenceModel.standard());
        screener = Screener.open(store);
        server = ConvergenceServer.start(screener, store, ConvergenceModel.standard());
    }

    @AfterAll
    static void stopEverything() throws Exception {
        if (server != null) {
            server.close();
            screener.close();
            store.close();
        }
        if (running) {
            stopPostgres();
        }
        if (pgData != null) {
            try (Stream<Path> files = Files.walk(pgData)) {
                for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(file);
                }
            }
        }
    }

    @Test
    void requestsFailWithAStoreErrorWhilePostgresIsDownAndSucceedOnceItIsBack() throws Exception {
        assertEquals(200, match().statusCode());

        stopPostgres();
        // A request takes a pooled connection the server has ended (fast), or finds none left and no server to connect
        // to, and waits for the pool's connection timeout (5 s; 30 s by HikariCP's default): either way, a 503 in bounded time.
        for (int attempt = 0; attempt < 3; attempt++) {
            long started = System.nanoTime();
            HttpResponse<String> down = match();
            long millis = (System.nanoTime() - started) / 1_000_000;
            assertEquals(503, down.statusCode(), down.body());
            assertTrue(down.body().contains("does not answer") && down.body().contains("check that its database server runs"), down.body());
            assertTrue(millis < 15_000, "a request while the store is down waited " + millis + " ms");
        }

        startPostgres();
        // A connection pooled before the stop may still be lent once and fail (503, as above); the pool then drops it and
        // connects anew: the server answers again within seconds, without a restart.
        HttpResponse<String> back = match();
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (back.statusCode() != 200 && System.nanoTime() < deadline) {
            assertEquals(503, back.statusCode(), back.body());
            Thread.sleep(200);
            back = match();
        }
        assertEquals(200, back.statusCode(), back.body());
        assertTrue(back.body().contains("\"responses\""), back.body());
    }

    private static HttpResponse<String> match() throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(server.url() + "/match/all"))
                .header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(60))
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"queries\": {\"q1\": {\"schema\": \"Person\", \"properties\": {\"name\": [\"Ivan Restartov\"]}}}}"))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    private static Optional<Path> postgresBinaries() throws IOException {
        Path root = Path.of("/usr/lib/postgresql");
        if (!Files.isDirectory(root)) {
            return Optional.empty();
        }
        try (Stream<Path> versions = Files.list(root)) {
            return versions.map(version -> version.resolve("bin"))
                    .filter(bin -> Files.isExecutable(bin.resolve("pg_ctl")) && Files.isExecutable(bin.resolve("initdb")))
                    .max(Comparator.comparingInt(bin -> Integer.parseInt(bin.getParent().getFileName().toString().replaceAll("\\D", "0"))));
        }
    }

    private static void startPostgres() throws Exception {
        runAsPostgres(pgBin.resolve("pg_ctl").toString(), "-D", pgData.toString(), "-l", pgData.resolve("server.log").toString(), "-w",
                "-o", "-p " + PORT + " -k " + pgData + " -c listen_addresses=127.0.0.1 -c fsync=off", "start");
        running = true;
    }

    /** Stops PostgreSQL as an administrator restarting it does: open sessions are ended, their transactions rolled back. */
    private static void stopPostgres() throws Exception {
        runAsPostgres(pgBin.resolve("pg_ctl").toString(), "-D", pgData.toString(), "-m", "fast", "-w", "stop");
        running = false;
    }

    private static boolean isRoot() throws Exception {
        return run("id", "-u").strip().equals("0");
    }

    /** PostgreSQL refuses to run as root: as root (in CI), its commands run as the user postgres. */
    private static void runAsPostgres(String... command) throws Exception {
        List<String> full = new ArrayList<>();
        if (isRoot()) {
            full.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        full.addAll(List.of(command));
        run(full.toArray(String[]::new));
    }

    private static String run(String... command) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), String.join(" ", command) + " did not end");
        assertEquals(0, process.exitValue(), String.join(" ", command) + " failed:\n" + output);
        return output;
    }
}

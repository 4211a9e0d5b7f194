package org.convergence.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Executors;
import org.convergence.testing.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code convergence bench load} as a user runs it: a short load of 4 clients, on the real server and on one that errs. */
class BenchLoadCommandTest {
    private static final List<String> PATHS = List.of("/match/{scope}", "/search/{scope}", "/workbench", "/workbench/events", "/workbench/search",
            "/workbench/entities/{id}");

    @TempDir
    Path folder;

    private String data() {
        return "--data=" + folder.resolve("data");
    }

    private void importNamedResearchOrganizations() {
        Path nro = SharedData.require("research-security/ca-nro/named-research-organizations_2024-04-18.html");
        assertEquals(0, CommandRun.of("lists", "import", "ca-nro", nro.toString(), data()).exitCode());
    }

    @Test
    void aShortLoadOnTheServerInThisProcessReportsEveryPathWithOrderedPercentilesAndTheHeap() {
        importNamedResearchOrganizations();
        CommandRun load = CommandRun.of("bench", "load", "--clients", "4", "--duration", "2s", "--warmup", "0s", data());

        assertEquals(0, load.exitCode(), load.out() + load.err());
        for (String path : PATHS) {
            Row row = Row.of(load.out(), path);
            assertEquals(0, row.errors(), row.line());
            assertTrue(row.p50() <= row.p95() && row.p95() <= row.p99() && row.p99() <= row.max(), row.line());
        }
        Row all = Row.of(load.out(), "all");
        assertTrue(all.requests() > 10, "4 clients answered for 2 s: " + all.line());
        assertEquals(all.requests() / 2.0, all.perSecond(), all.requests() / 4.0, "requests per second over the 2 s: " + all.line());
        assertTrue(load.out().contains("after a full collection: ") && load.out().contains("MB at the end"), load.out());
    }

    @Test
    void errorsAreCountedByStatusAndFailTheRunWhileTheRightKeyIsSentAsBearer() throws IOException {
        importNamedResearchOrganizations();
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", exchange -> {
            try (InputStream body = exchange.getRequestBody()) {
                body.readAllBytes();
            }
            boolean keyed = "Bearer right".equals(exchange.getRequestHeaders().getFirst("Authorization"));
            int status = exchange.getRequestURI().getPath().startsWith("/search/") ? 500 : keyed ? 200 : 401;
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.start();
        try {
            String url = "http://127.0.0.1:" + server.getAddress().getPort();
            CommandRun wrongKey = CommandRun.of("bench", "load", "--url", url, "--api-key", "wrong", "--mix", "match=1,search=1", "--clients", "4",
                    "--duration", "2s", "--warmup", "0s", data());
            CommandRun rightKey = CommandRun.of("bench", "load", "--url", url, "--api-key", "right", "--mix", "match=1", "--clients", "4",
                    "--duration", "2s", "--warmup", "0s", data());

            assertEquals(6, wrongKey.exitCode(), wrongKey.out() + wrongKey.err());
            Row match = Row.of(wrongKey.out(), "/match/{scope}");
            Row search = Row.of(wrongKey.out(), "/search/{scope}");
            assertTrue(match.requests() > 0 && search.requests() > 0, wrongKey.out());
            assertTrue(match.line().contains("{401=" + match.requests() + "}") && match.errors() == match.requests(), match.line());
            assertTrue(search.line().contains("{500=" + search.requests() + "}") && search.errors() == search.requests(), search.line());
            assertEquals(match.requests() + search.requests(), Row.of(wrongKey.out(), "all").errors(), wrongKey.out());
            assertTrue(wrongKey.err().contains("requests failed"), wrongKey.err());
            assertTrue(wrongKey.out().contains("server memory: not measured"), wrongKey.out());

            assertEquals(0, rightKey.exitCode(), rightKey.out() + rightKey.err());
            assertEquals(0, Row.of(rightKey.out(), "all").errors(), rightKey.out());
        } finally {
            server.stop(0);
        }
    }

    @Test
    void aMixNamingAnUnknownRouteIsInvalidInputSayingWhatItTakes() {
        CommandRun load = CommandRun.of("bench", "load", "--mix", "match=60,upload=40", data());
        assertEquals(3, load.exitCode());
        assertTrue(load.err().contains("--mix takes ROUTE=WEIGHT pairs") && load.err().contains("match, search, pages"), load.err());
    }

    @Test
    void aDurationWithoutAUnitIsInvalidInputWithAnExample() {
        CommandRun load = CommandRun.of("bench", "load", "--duration", "60", data());
        assertEquals(3, load.exitCode());
        assertTrue(load.err().contains("--duration takes a whole number with ms, s or m, e.g. 60s; got '60'"), load.err());
    }

    /** A row of the report: path, requests, errors, errors by status, p50, p95, p99 and max in ms, requests per second. */
    private record Row(String line, int requests, int errors, double p50, double p95, double p99, double max, double perSecond) {
        static Row of(String report, String path) {
            String line = report.lines().filter(l -> l.startsWith(path + " ")).findFirst()
                    .orElseThrow(() -> new AssertionError("no row " + path + " in\n" + report));
            String[] cells = line.strip().split("\\s+");
            return new Row(line, Integer.parseInt(cells[1]), Integer.parseInt(cells[2]), Double.parseDouble(cells[4]), Double.parseDouble(cells[5]),
                    Double.parseDouble(cells[6]), Double.parseDouble(cells[7]), Double.parseDouble(cells[8]));
        }
    }
}

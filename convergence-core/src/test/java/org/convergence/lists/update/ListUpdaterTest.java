package org.convergence.lists.update;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.convergence.ConvergenceException;
import org.convergence.ErrorCategory;
import org.convergence.lists.ListSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The updater against a local HTTP server that behaves like an official site: validators, 304s, failures. */
class ListUpdaterTest {
    private static final ListUpdater.Settings FAST = new ListUpdater.Settings(3, Duration.ofMillis(10), Duration.ofSeconds(10));

    @TempDir
    Path downloads;

    private HttpServer server;
    private final Map<String, byte[]> bodies = new ConcurrentHashMap<>();
    private final Map<String, String> etags = new ConcurrentHashMap<>();
    private final List<String> conditionalHeaders = new ArrayList<>();
    private final AtomicInteger failuresToServe = new AtomicInteger();
    private final AtomicInteger requests = new AtomicInteger();

    @BeforeEach
    void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::serve);
        server.start();
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
    }

    private void serve(HttpExchange exchange) throws IOException {
        requests.incrementAndGet();
        String path = exchange.getRequestURI().getPath();
        String ifNoneMatch = exchange.getRequestHeaders().getFirst("If-None-Match");
        synchronized (conditionalHeaders) {
            conditionalHeaders.add(ifNoneMatch);
        }
        if (failuresToServe.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            exchange.sendResponseHeaders(503, -1);
            exchange.close();
            return;
        }
        byte[] body = bodies.get(path);
        if (body == null) {
            exchange.sendResponseHeaders(404, -1);
            exchange.close();
            return;
        }
        String etag = etags.get(path);
        if (etag != null && etag.equals(ifNoneMatch)) {
            exchange.sendResponseHeaders(304, -1);
            exchange.close();
            return;
        }
        if (etag != null) {
            exchange.getResponseHeaders().add("ETag", etag);
        }
        exchange.sendResponseHeaders(200, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private URI url(String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    private ListUpdater updater() {
        return new ListUpdater(ListUpdater.defaultClient(), downloads, FAST);
    }

    private Publication single(String path) {
        return new Publication(ListSource.CA_SEMA, List.of(new PublishedFile("sema-lmes.xml", url(path))));
    }

    @Test
    void firstUpdateDownloadsAndSecondIsAConditionalRequestAnsweredNotModified() throws IOException {
        byte[] body = "<data-set></data-set>".getBytes(StandardCharsets.UTF_8);
        bodies.put("/sema.xml", body);
        etags.put("/sema.xml", "\"v1\"");

        ListUpdater.Outcome first = updater().update(single("/sema.xml"));
        assertTrue(first.changed());
        assertEquals(downloads.resolve("ca-sema/sema-lmes.xml"), first.importPath());
        assertArrayEquals(body, Files.readAllBytes(first.importPath()));

        ListUpdater.Outcome second = updater().update(single("/sema.xml"));
        assertFalse(second.changed());
        assertEquals(ListUpdater.FileStatus.NOT_MODIFIED, second.files().getFirst().status());
        assertEquals("\"v1\"", conditionalHeaders.getLast(), "the second request carries the ETag of the first");
        assertEquals(first.files().getFirst().sha256(), second.files().getFirst().sha256());
    }

    @Test
    void aResentButIdenticalBodyCountsAsUnchanged() {
        bodies.put("/sema.xml", "<data-set/>".getBytes(StandardCharsets.UTF_8));
        updater().update(single("/sema.xml"));
        ListUpdater.Outcome again = updater().update(single("/sema.xml"));
        assertEquals(ListUpdater.FileStatus.SAME_CONTENT, again.files().getFirst().status());
        assertFalse(again.changed());
    }

    @Test
    void transientServerErrorsAreRetried() {
        bodies.put("/sema.xml", "<data-set/>".getBytes(StandardCharsets.UTF_8));
        failuresToServe.set(2);
        ListUpdater.Outcome outcome = updater().update(single("/sema.xml"));
        assertTrue(outcome.changed());
        assertEquals(3, requests.get());
    }

    @Test
    void persistentServerErrorsFailAfterTheRetriesAndKeepThePreviousCopy() throws IOException {
        byte[] body = "<data-set/>".getBytes(StandardCharsets.UTF_8);
        bodies.put("/sema.xml", body);
        updater().update(single("/sema.xml"));
        failuresToServe.set(100);
        ConvergenceException error = assertThrows(ConvergenceException.class, () -> updater().update(single("/sema.xml")));
        assertEquals(ErrorCategory.UNAVAILABLE, error.category());
        assertTrue(error.getMessage().contains("HTTP 503 after 3 attempts"), error.getMessage());
        assertArrayEquals(body, Files.readAllBytes(downloads.resolve("ca-sema/sema-lmes.xml")));
    }

    @Test
    void aMovedPublicationIsReportedWithoutRetrying() {
        ConvergenceException error = assertThrows(ConvergenceException.class, () -> updater().update(single("/gone.xml")));
        assertTrue(error.getMessage().contains("HTTP 404") && error.getMessage().contains("publications.yaml"), error.getMessage());
        assertEquals(1, requests.get());
    }

    @Test
    void aTruncatedTransferIsRejectedAndNothingReplaced() throws Exception {
        // A raw socket, because a well-behaved HTTP server cannot be made to cut a response short.
        try (ServerSocket cutting = new ServerSocket(0, 10, java.net.InetAddress.getLoopbackAddress())) {
            Thread.ofVirtual().start(() -> {
                while (!cutting.isClosed()) {
                    try (var socket = cutting.accept()) {
                        socket.getInputStream().read(new byte[4096]);
                        socket.getOutputStream().write(("HTTP/1.1 200 OK\r\nContent-Length: 100\r\nConnection: close\r\n\r\n<data-set>")
                                .getBytes(StandardCharsets.US_ASCII));
                    } catch (IOException e) {
                        return;
                    }
                }
            });
            URI cut = URI.create("http://127.0.0.1:" + cutting.getLocalPort() + "/sema.xml");
            Publication publication = new Publication(ListSource.CA_SEMA, List.of(new PublishedFile("sema-lmes.xml", cut)));
            ConvergenceException error = assertThrows(ConvergenceException.class, () -> updater().update(publication));
            assertEquals(ErrorCategory.UNAVAILABLE, error.category());
        }
        assertFalse(Files.exists(downloads.resolve("ca-sema/sema-lmes.xml")));
        assertFalse(Files.exists(downloads.resolve("ca-sema/sema-lmes.xml.part")));
    }

    @Test
    void aFileSetIsReplacedOnlyWhenEveryFileArrived() throws IOException {
        bodies.put("/sdn.csv", "1,\"A\"".getBytes(StandardCharsets.UTF_8));
        Publication set = new Publication(ListSource.CA_SEMA,
                List.of(new PublishedFile("sdn.csv", url("/sdn.csv")), new PublishedFile("alt.csv", url("/alt.csv"))));
        assertThrows(ConvergenceException.class, () -> updater().update(set));
        assertFalse(Files.exists(downloads.resolve("ca-sema/sdn.csv")), "no half set");

        bodies.put("/alt.csv", "1,1,\"aka\",\"B\"".getBytes(StandardCharsets.UTF_8));
        ListUpdater.Outcome outcome = updater().update(set);
        assertEquals(downloads.resolve("ca-sema"), outcome.importPath());
        assertTrue(Files.exists(downloads.resolve("ca-sema/sdn.csv")) && Files.exists(downloads.resolve("ca-sema/alt.csv")));
    }

    @Test
    void anUnreachableHostGivesTheOfflineMessage() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        Publication unreachable = new Publication(ListSource.CA_SEMA,
                List.of(new PublishedFile("sema-lmes.xml", URI.create("http://127.0.0.1:" + closedPort + "/sema.xml"))));
        ConvergenceException error = assertThrows(ConvergenceException.class, () -> updater().update(unreachable));
        assertEquals(ErrorCategory.UNAVAILABLE, error.category());
        assertTrue(error.getMessage().contains("offline") && error.getMessage().contains("convergence lists import"), error.getMessage());
    }

    @Test
    void everyPublishedAddressIsAnHttpsUrlOfAKnownSource() {
        for (ListSource source : ListSource.values()) {
            Publication.of(source).ifPresent(publication -> publication.files()
                    .forEach(file -> assertEquals("https", file.url().getScheme(), source.id() + " " + file.name())));
        }
        assertTrue(Publication.of(ListSource.CA_SEMA).isPresent());
    }
}

package org.convergence.api;

import org.convergence.http.ServerLimits;
import org.convergence.server.ConvergenceServer;
import org.convergence.server.ServerSettings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.convergence.model.ConvergenceModel;
import org.convergence.screening.Screener;
import org.convergence.store.H2StatementStore;
import org.convergence.store.StatementStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The attack of issue 16: hundreds of clients sending a body a byte at a time must not take the server's request threads. */
class SlowClientsTest {
    /** Long enough that opening 300 connections, then a health check and a screening, ends before it on a busy CI machine. */
    private static final Duration DEADLINE = Duration.ofSeconds(7);
    private static final int SLOW_CLIENTS = 300;

    @TempDir
    static Path folder;
    private static StatementStore store;
    private static Screener screener;
    private static ConvergenceServer server;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @BeforeAll
    static void start() throws Exception {
        ConvergenceModel model = ConvergenceModel.standard();
        store = new H2StatementStore(folder, model);
        screener = Screener.open(store);
        ServerLimits limits = new ServerLimits(DEADLINE, ServerLimits.DEFAULT.bufferedBodyBytes(), ServerLimits.DEFAULT.concurrentRequests(),
                ServerLimits.DEFAULT.concurrentUploads(), ServerLimits.DEFAULT.keptDownloadBytes());
        server = ConvergenceServer.start(screener, store, model, ServerSettings.local().withLimits(limits));
        // The first screening loads the name normaliser's transliterators (seconds): not what the two-second bounds below measure.
        HttpClient.newHttpClient().send(match().timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.discarding());
    }

    @AfterAll
    static void stop() {
        server.close();
        screener.close();
        store.close();
    }

    @Test
    void healthAndScreeningAnswerWhileHundredsOfClientsTrickleBodiesAndTheTricklersGet408AtTheDeadline() throws Exception {
        List<Socket> slow = new ArrayList<>();
        try {
            long opened = System.nanoTime();
            for (int i = 0; i < SLOW_CLIENTS; i++) {
                Socket socket = new Socket(InetAddress.getLoopbackAddress(), server.port());
                socket.setSoTimeout((int) DEADLINE.multipliedBy(3).toMillis());
                socket.getOutputStream().write(("POST /match/all HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                        + "Content-Length: 100\r\n\r\n{").getBytes(StandardCharsets.US_ASCII));
                slow.add(socket);
            }
            for (Socket socket : slow) {
                socket.getOutputStream().write(' ');
            }

            HttpResponse<String> health = timed(HttpRequest.newBuilder(uri("/healthz")).GET());
            assertEquals(200, health.statusCode(), health.body());
            HttpResponse<String> match = timed(match());
            assertEquals(200, match.statusCode(), match.body());
            assertTrue(Duration.ofNanos(System.nanoTime() - opened).compareTo(DEADLINE) < 0,
                    "the slow clients must still be sending when the others are answered, or the test shows nothing");

            for (Socket socket : slow) {
                String answer = statusLine(socket);
                assertTrue(answer.startsWith("HTTP/1.1 408"), "a body unfinished at the deadline is answered 408, got: " + answer);
            }
            assertTrue(Duration.ofNanos(System.nanoTime() - opened).compareTo(DEADLINE.multipliedBy(2)) < 0, "the 408s come at the deadline");
        } finally {
            for (Socket socket : slow) {
                socket.close();
            }
        }
    }

    @Test
    void aBodySentPromptlyIsScreenedAsBefore() throws Exception {
        HttpResponse<String> match = timed(match());

        assertEquals(200, match.statusCode(), match.body());
        assertTrue(match.body().contains("\"responses\""), match.body());
    }

    /** The response to a request, failing when it takes more than two seconds. */
    private HttpResponse<String> timed(HttpRequest.Builder request) throws IOException, InterruptedException {
        return client.send(request.timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpRequest.Builder match() {
        return HttpRequest.newBuilder(uri("/match/all")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"queries\": {\"q\": {\"schema\": \"Person\", \"properties\": {\"name\": [\"Ivan Petrov\"]}}}}"));
    }

    private static URI uri(String path) {
        return URI.create(server.url() + path);
    }

    private static String statusLine(Socket socket) throws IOException {
        InputStream in = socket.getInputStream();
        StringBuilder line = new StringBuilder();
        try {
            for (int c = in.read(); c >= 0 && c != '\r'; c = in.read()) {
                line.append((char) c);
            }
        } catch (SocketTimeoutException e) {
            return "(no answer in " + DEADLINE.multipliedBy(3) + ")";
        }
        return line.toString();
    }
}

package org.convergence.api;

import org.convergence.server.ConvergenceServer;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.convergence.accounts.Accounts;
import org.convergence.accounts.Role;
import org.convergence.ingest.ImportProgress;
import org.convergence.lists.ListSource;
import org.convergence.store.StatementStore;
import org.convergence.testing.SharedData;

/**
 * One API server for all API tests in the JVM, on a random port, over a temporary H2 store holding
 * the real SEMA (2025-09-22) and Named Research Organizations snapshots; closed when the JVM exits.
 * Tests only read, so they share it. It runs as a team deployment does, with accounts: every request
 * carries the API key of an analyst, {@link #DEFAULT_USER} unless a test names another.
 */
final class ApiTestServer {
    private static ApiTestServer instance;
    static final String DEFAULT_USER = "api-tests";
    /** The accounts tests sign requests with, each an analyst. */
    private static final List<String> ANALYSTS = List.of(DEFAULT_USER, "analyst-7", "scope-tester", "threshold-tester");

    final ConvergenceServer server;
    /** The store behind the server, for tests that read what the server recorded (the audit log). */
    final StatementStore store;
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).build();

    private final Map<String, String> keys;

    private ApiTestServer(ConvergenceServer server, StatementStore store, Map<String, String> keys) {
        this.server = server;
        this.store = store;
        this.keys = keys;
    }

    static synchronized ApiTestServer get() {
        if (instance == null) {
            Path sema = SharedData.require("lists/ca-sema/sema-lmes_2025-09-22.xml");
            Path nro = SharedData.require("research-security/ca-nro/named-research-organizations_2024-04-18.html");
            Map<String, String> keys = new HashMap<>();
            SharedTestServer shared = SharedTestServer.start("convergence-api-test", (store, model) -> {
                ListSource.CA_SEMA.importInto(store, sema, model, false, ImportProgress.NONE);
                ListSource.CA_NRO.importInto(store, nro, model, false, ImportProgress.NONE);
                Accounts accounts = Accounts.of(store);
                for (String analyst : ANALYSTS) {
                    accounts.add(analyst, Role.ANALYST, "a long test password".toCharArray());
                    keys.put(analyst, accounts.newKey(analyst, null));
                }
            });
            instance = new ApiTestServer(shared.server(), shared.store(), Map.copyOf(keys));
        }
        return instance;
    }

    URI uri(String pathAndQuery) {
        return URI.create(server.url() + pathAndQuery);
    }

    HttpResponse<String> get(String pathAndQuery) {
        return send(HttpRequest.newBuilder(uri(pathAndQuery)).GET());
    }

    HttpResponse<String> postJson(String pathAndQuery, String body) {
        return send(HttpRequest.newBuilder(uri(pathAndQuery)).header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    HttpResponse<String> postJsonAs(String user, String pathAndQuery, String body) {
        return sendAs(user, HttpRequest.newBuilder(uri(pathAndQuery)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /** A form POST exactly as OpenRefine sends reconciliation batches: {@code queries=<URL-encoded JSON>}. */
    HttpResponse<String> postForm(String pathAndQuery, String queries) {
        return send(HttpRequest.newBuilder(uri(pathAndQuery)).header("Content-Type", "application/x-www-form-urlencoded; charset=UTF-8")
                .POST(HttpRequest.BodyPublishers.ofString("queries=" + URLEncoder.encode(queries, StandardCharsets.UTF_8))));
    }

    /** Sends the request with the default analyst's key. */
    HttpResponse<String> send(HttpRequest.Builder request) {
        return sendAs(DEFAULT_USER, request);
    }

    /** Sends the request with the key of one of the test accounts. */
    HttpResponse<String> sendAs(String user, HttpRequest.Builder request) {
        return sendUnsigned(request.header("Authorization", "Bearer " + keys.get(user)));
    }

    /** Sends the request as it is, with no key unless the test gave one. */
    HttpResponse<String> sendUnsigned(HttpRequest.Builder request) {
        try {
            return client.send(request.timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Status and body of a request written by hand on a socket, for requests java.net.http refuses to send (a bad %-escape). */
    record RawResponse(int status, String body) {}

    RawResponse raw(String requestLine) {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), server.port())) {
            socket.setSoTimeout(30_000);
            socket.getOutputStream().write((requestLine + "\r\nHost: localhost\r\nAuthorization: Bearer " + keys.get(DEFAULT_USER) + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            String response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            int status = Integer.parseInt(response.substring(9, 12));
            return new RawResponse(status, response.substring(response.indexOf("\r\n\r\n") + 4));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode json(HttpResponse<String> response) {
        try {
            return Json.MAPPER.readTree(response.body());
        } catch (IOException e) {
            throw new AssertionError("not JSON (" + response.statusCode() + "): " + response.body(), e);
        }
    }

    static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}

package org.convergence.api;

import static org.convergence.api.ApiTestServer.encode;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.convergence.ConvergenceException;
import org.convergence.screening.audit.AuditLog;
import org.junit.jupiter.api.Test;

/** Each request policy written as the attack it stops, against the shared API server (which serves the workbench too). */
class RequestPolicyTest {
    private static final String MATCH_BODY = "{\"queries\": {\"q\": {\"schema\": \"Organization\", \"properties\": {\"name\": [\"Harbin Institute of Technology\"]}}}}";
    private final ApiTestServer api = ApiTestServer.get();

    @Test
    void everyRouteAnswersWithTheSecurityHeadersAndOnlyReconciliationGetsAreReadableByOtherOrigins() {
        List<String> routes = api.server.routes().stream().map(route -> route.method() + " " + route.path()).toList();
        assertTrue(routes.contains("GET /workbench") && routes.contains("POST /match/{scope}"), routes.toString());
        List<String> problems = new ArrayList<>();
        for (String route : routes) {
            String method = route.substring(0, route.indexOf(' '));
            String path = route.substring(route.indexOf(' ') + 1).replace("{scope}", "all").replace("{id}", "ca-nro-cn-harbin-institute-of-technology")
                    .replace("{source}", "ca-sema").replace("{file}", "unknown.csv");
            HttpRequest.Builder request = HttpRequest.newBuilder(api.uri(path)).header("Origin", "https://evil.example");
            HttpResponse<String> response = api.send(method.equals("GET") ? request.GET()
                    : request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString("{}")));
            var headers = response.headers();
            boolean preview = path.endsWith("/preview") && response.statusCode() == 200;
            if (!headers.firstValue("X-Content-Type-Options").orElse("").equals("nosniff")
                    || !headers.firstValue("Referrer-Policy").orElse("").equals("same-origin")
                    || !headers.firstValue("Content-Security-Policy").orElse("").contains("default-src 'none'")
                    || preview != headers.firstValue("X-Frame-Options").isEmpty()
                    || preview == headers.firstValue("Content-Security-Policy").orElse("").contains("frame-ancestors 'none'")) {
                problems.add(route + " security headers: " + headers.map());
            }
            boolean readable = headers.firstValue("Access-Control-Allow-Origin").isPresent();
            if (readable != (method.equals("GET") && path.startsWith("/reconcile/"))) {
                problems.add(route + (readable ? " is readable by other origins" : " is not readable by reconciliation clients"));
            }
            if (headers.firstValue("Access-Control-Allow-Credentials").isPresent()) {
                problems.add(route + " allows credentials");
            }
        }
        assertEquals(List.of(), problems);
    }

    @Test
    void aPlainTextBodyToMatchOrExposureIsRefusedWithoutBeingScreened() {
        long before = auditRecords();
        for (String path : List.of("/match/all", "/exposure/all")) {
            // What a cross-site <form enctype="text/plain"> sends: a browser sends it without a preflight.
            HttpResponse<String> response = api.send(HttpRequest.newBuilder(api.uri(path)).header("Content-Type", "text/plain")
                    .POST(HttpRequest.BodyPublishers.ofString(MATCH_BODY)));
            assertEquals(415, response.statusCode(), response.body());
            assertTrue(response.body().contains("Content-Type: application/json"), response.body());
        }
        assertEquals(before, auditRecords());
        assertEquals(200, api.postJson("/match/all", MATCH_BODY).statusCode());
        assertEquals(200, api.send(HttpRequest.newBuilder(api.uri("/match/all")).header("Content-Type", "application/json; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(MATCH_BODY))).statusCode());
    }

    @Test
    void aReconciliationGetFromAnyPageAddsNoAuditRecordButOpenRefinesPostDoes() {
        String queries = "{\"q0\": {\"query\": \"Harbin Institute of Technology\"}}";
        long before = auditRecords();
        HttpResponse<String> lookup = api.send(HttpRequest.newBuilder(api.uri("/reconcile/all?queries=" + encode(queries)))
                .header("Sec-Fetch-Site", "cross-site").header("Sec-Fetch-Dest", "image").GET());
        assertEquals(200, lookup.statusCode(), lookup.body());
        assertEquals("ca-nro-cn-harbin-institute-of-technology", ApiTestServer.json(lookup).path("q0").path("result").get(0).path("id").asText());
        assertEquals(before, auditRecords());

        assertEquals(200, api.postForm("/reconcile/all", queries).statusCode());
        assertEquals(before + 1, auditRecords());
    }

    @Test
    void aReconciliationPostFromAnotherSitesPageIsRefused() {
        long before = auditRecords();
        HttpResponse<String> forged = api.send(HttpRequest.newBuilder(api.uri("/reconcile/all")).header("Origin", "https://evil.example")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("queries=" + encode("{\"q0\": {\"query\": \"Harbin\"}}"))));
        assertEquals(403, forged.statusCode(), forged.body());
        assertTrue(forged.body().contains("not from the pages of other sites"), forged.body());
        assertFalse(forged.headers().firstValue("Access-Control-Allow-Origin").isPresent());
        assertEquals(before, auditRecords());
    }

    @Test
    void aRequestNamingAHostTheServerDoesNotAnswerToIsRefused() {
        // DNS rebinding: the attacker's name now resolves to 127.0.0.1, and the browser sends that name as the Host.
        String refused = rawGet("/healthz", "evil.example:" + api.server.port());
        assertTrue(refused.startsWith("HTTP/1.1 421"), refused);
        assertTrue(refused.contains("--allowed-host"), refused);
        assertTrue(refused.contains("X-Content-Type-Options: nosniff"), refused);
        for (String host : List.of("localhost", "127.0.0.1:" + api.server.port(), "[::1]:8080", "LOCALHOST:1")) {
            assertTrue(rawGet("/healthz", host).startsWith("HTTP/1.1 200"), host);
        }
    }

    @Test
    void theReconciliationPreviewMayBeFramedByOpenRefineAndItsStyleIsAllowedByHash() {
        HttpResponse<String> preview = api.get("/reconcile/all/preview?id=ca-nro-cn-harbin-institute-of-technology");
        assertEquals(200, preview.statusCode(), preview.body());
        assertTrue(preview.body().contains("<style>" + PreviewHtml.STYLE + "</style>"), preview.body());
        String policy = preview.headers().firstValue("Content-Security-Policy").orElseThrow();
        assertTrue(policy.matches(".*style-src 'sha256-[A-Za-z0-9+/]{43}='.*"), policy);
        assertFalse(policy.contains("frame-ancestors"), policy);
        assertFalse(preview.headers().firstValue("X-Frame-Options").isPresent());
    }

    /** The requests in the audit log. */
    private long auditRecords() {
        StringWriter exported = new StringWriter();
        AuditLog.of(api.store).export(exported, AuditLog.Format.JSONL, null, null);
        return exported.toString().lines().count();
    }

    /** A GET with the Host header given, written on a socket (java.net.http does not let a caller set Host); the whole response. */
    private String rawGet(String path, String host) {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), api.server.port())) {
            socket.setSoTimeout(30_000);
            socket.getOutputStream().write(("GET " + path + " HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

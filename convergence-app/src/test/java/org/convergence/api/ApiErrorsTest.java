package org.convergence.api;

import org.convergence.server.ConvergenceServer;

import static org.convergence.api.ApiTestServer.encode;
import static org.convergence.api.ApiTestServer.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Bad input gets a JSON error {status, detail} with the right status and a message naming what was
 * wrong, never a 500; plus the OpenAPI document, the health check, and concurrent requests.
 */
class ApiErrorsTest {
    private static ApiTestServer api;

    @BeforeAll
    static void start() {
        api = ApiTestServer.get();
    }

    /** Asserts the status, that the body is the error JSON with that status, and that the detail says {@code expected}. */
    private static void assertError(HttpResponse<String> response, int status, String expected) {
        assertEquals(status, response.statusCode(), response.body());
        JsonNode error = json(response);
        assertEquals(status, error.path("status").asInt(), response.body());
        assertTrue(error.path("detail").asText().contains(expected), "expected '" + expected + "' in " + response.body());
    }

    private static String person(String name) {
        return "{\"queries\": {\"q1\": {\"schema\": \"Person\", \"properties\": {\"name\": [\"" + name + "\"]}}}}";
    }

    @Test
    void malformedJsonSaysWhereItBroke() {
        assertError(api.postJson("/match/all", "{\"queries\": {\"q1\": "), 400, "not valid JSON (line 1");
        assertError(api.postJson("/match/all", "{oops}"), 400, "not valid JSON");
        assertError(api.postJson("/match/all", "[1, 2]"), 400, "must be a JSON object");
        assertError(api.postJson("/match/all", ""), 400, "empty");
        assertError(api.postForm("/reconcile/all", "{\"q0\": "), 400, "the field 'queries' is not valid JSON");
    }

    @Test
    void brokenUrlEncodingAndDeepNestingAreBadRequestsNotInternalErrors() {
        ApiTestServer.RawResponse badEscape = api.raw("GET /search/all?q=%zz HTTP/1.1");
        assertEquals(400, badEscape.status(), badEscape.body());
        assertTrue(badEscape.body().contains("'q' is missing or not valid URL encoding"), badEscape.body());
        HttpResponse<String> form = api.send(HttpRequest.newBuilder(api.uri("/reconcile/all"))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString("queries=%7B%zz")));
        assertError(form, 400, "'queries' is missing or not valid URL encoding");
        String deep = "[".repeat(100_000) + "]".repeat(100_000);
        assertError(api.postJson("/match/all", "{\"queries\": " + deep + "}"), 400, "not valid JSON");
        String longKey = "k".repeat(50_000);
        HttpResponse<String> response = api.postJson("/match/all", "{\"queries\": {\"" + longKey + "\": {\"schema\": \"Persn\", \"properties\": {}}}}");
        assertError(response, 400, "unknown schema 'Persn'");
        assertTrue(response.body().length() < 1_000, "the key is shortened in the message");
    }

    @Test
    void aQueryWithoutUsableContentIsRejectedNamingTheQuery() {
        assertError(api.postJson("/match/all", "{}"), 400, "\"queries\"");
        assertError(api.postJson("/match/all", "{\"queries\": {\"a\": {\"schema\": \"Persn\", \"properties\": {\"name\": [\"x\"]}}}}"), 400,
                "query 'a': unknown schema 'Persn'");
        assertError(api.postJson("/match/all", "{\"queries\": {\"a\": {\"schema\": \"Address\", \"properties\": {\"full\": [\"x\"]}}}}"), 400,
                "is not screened");
        assertError(api.postJson("/match/all", "{\"queries\": {\"a\": {\"properties\": {\"name\": [\"x\"]}}}}"), 400, "has no 'schema'");
        assertError(api.postJson("/match/all", "{\"queries\": {\"a\": {\"schema\": \"Person\"}}}"), 400, "has no 'properties'");
        assertError(api.postJson("/match/all", "{\"queries\": {\"a\": {\"schema\": \"Person\", \"properties\": {\"shoeSize\": [\"42\"]}}}}"), 400,
                "Person has no property 'shoeSize'");
        assertError(api.postJson("/match/all", "{\"queries\": {\"a\": {\"schema\": \"Person\", \"properties\": {\"name\": [{\"x\": 1}]}}}}"), 400,
                "must hold text values");
        assertError(api.postJson("/match/all", person("")), 400, "query 'q1': the query has no name");
        assertError(api.postJson("/match/all", person("   ")), 400, "has no name");
        assertError(api.postJson("/match/all", person("-- ?? --")), 400, "has no name");
    }

    @Test
    void aTenThousandCharacterNameIsRejected() {
        assertError(api.postJson("/match/all", person("a".repeat(10_000))), 400, "10,000 characters long; the limit is 1,000");
        assertError(api.get("/search/all?q=" + "b".repeat(10_000)), 400, "10,000 characters long");
    }

    @Test
    void tooManyQueriesOrValuesAreRejected() {
        StringBuilder batch = new StringBuilder("{\"queries\": {");
        for (int i = 0; i <= MatchResource.MAX_BATCH; i++) {
            batch.append(i == 0 ? "" : ",").append("\"q").append(i).append("\": {\"schema\": \"Person\", \"properties\": {\"name\": [\"x\"]}}");
        }
        assertError(api.postJson("/match/all", batch.append("}}").toString()), 400, "101 queries in one batch; the limit is 100");
        String values = String.join(",", java.util.Collections.nCopies(QueryBuilder.MAX_VALUES + 1, "\"Ivan\""));
        assertError(api.postJson("/match/all", "{\"queries\": {\"q\": {\"schema\": \"Person\", \"properties\": {\"alias\": [" + values + "]}}}}"), 400,
                "more than 100 values");
    }

    @Test
    void aBodyOverTenMegabytesIsA413() {
        String huge = person("x".repeat((int) ConvergenceServer.MAX_BODY_BYTES));
        // Sent as curl sends a large body, asking first (Expect: 100-continue): the refusal comes before any of
        // it, where a client that writes 10 MB unasked may still be writing when the server has answered and closed.
        HttpResponse<String> declared = api.send(HttpRequest.newBuilder(api.uri("/match/all")).header("Content-Type", "application/json")
                .expectContinue(true).POST(HttpRequest.BodyPublishers.ofString(huge)));
        assertError(declared, 413, "larger than 10 MB");
        // Without a Content-Length the body is read up to the limit and then refused the same way.
        HttpResponse<String> chunked = api.send(HttpRequest.newBuilder(api.uri("/match/all")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(huge.getBytes()))));
        assertError(chunked, 413, "larger than 10 MB");
    }

    @Test
    void invalidLimitThresholdAndCutoffAreRejectedWithTheRange() {
        String body = person("Aleksey Oleksin");
        for (String limit : List.of("abc", "0", "501", "-3", "2.5")) {
            assertError(api.postJson("/match/all?limit=" + limit, body), 400, "limit must be a whole number from 1 to 500; got '" + limit + "'");
        }
        for (String threshold : List.of("2", "-0.1", "NaN", "high")) {
            assertError(api.postJson("/match/all?threshold=" + threshold, body), 400, "threshold must be a number from 0 to 1");
        }
        assertError(api.postJson("/match/all?cutoff=1.5", body), 400, "cutoff must be a number from 0 to 1");
        assertError(api.get("/search/all?q=x&limit=9999"), 400, "limit must be a whole number");
        assertError(api.postForm("/reconcile/all", "{\"q0\":{\"query\":\"x\",\"limit\":0}}"), 400, "'limit' must be a whole number from 1 to 100");
    }

    @Test
    void unsupportedOptionsAreRefusedRatherThanIgnored() {
        String body = person("Aleksey Oleksin");
        assertError(api.postJson("/match/all?algorithm=magic", body), 400, "unknown algorithm 'magic'");
        assertError(api.postJson("/match/all?topics=sanction", body), 400, "'topics' is not supported");
        assertError(api.postJson("/match/all?include_dataset=nope", body), 400, "'nope', which the store does not hold");
        assertError(api.postJson("/match/all", "{\"weights\": {\"name_literal\": 0.8}, " + body.substring(1)), 400, "'weights' is not supported");
    }

    @Test
    void unknownScopesEntitiesAndEndpointsAre404sThatSayWhatExists() {
        assertError(api.postJson("/match/ofac", person("x")), 404, "no scope 'ofac': use 'all' or one of the datasets [ca-nro, ca-sema]");
        assertError(api.get("/search/ofac?q=x"), 404, "[ca-nro, ca-sema]");
        assertError(api.get("/reconcile/ofac"), 404, "no scope 'ofac'");
        assertError(api.get("/nothing/here"), 404, "/openapi.json");
        assertError(api.send(HttpRequest.newBuilder(api.uri("/search/all?q=x")).DELETE()), 405, "does not take DELETE");
        assertError(api.get("/search/all"), 400, "the parameter 'q' is missing");
        assertError(api.get("/reconcile/all/preview"), 400, "the parameter 'id' is missing");
    }

    @Test
    void theOpenApiDocumentDescribesEveryRoute() {
        HttpResponse<String> response = api.get("/openapi.json");
        assertEquals(200, response.statusCode());
        JsonNode openApi = json(response);
        assertEquals("3.1.0", openApi.path("openapi").asText());
        TreeSet<String> described = new TreeSet<>();
        openApi.path("paths").properties().forEach(path -> path.getValue().properties()
                .forEach(method -> described.add(method.getKey().toUpperCase() + " " + path.getKey())));
        TreeSet<String> served = api.server.routes().stream().filter(route -> !route.page()).map(route -> route.method() + " " + route.path())
                .collect(java.util.stream.Collectors.toCollection(TreeSet::new));
        assertEquals(served, described);
        assertTrue(served.contains("POST /match/{scope}") && served.contains("POST /reconcile/{scope}"), served.toString());
    }

    @Test
    void theHealthCheckSaysWhatIsIndexed() {
        JsonNode health = json(api.get("/healthz"));
        assertEquals("ok", health.path("status").asText());
        assertTrue(health.path("entities").asInt() > 5_000, health.toString());
        assertEquals(2, health.path("datasets").size());
    }

    @Test
    void concurrentRequestsGetTheSameAnswersAsSequentialOnes() throws Exception {
        List<String> names = List.of("Aleksey Oleksin", "Harbin Institute of Technology", "Алексей Олексин", "Beijing Institute of Technology");
        List<String> expected = new ArrayList<>();
        for (String name : names) {
            expected.add(json(api.get("/search/all?q=" + encode(name))).path("results").toString());
        }
        try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
            List<Future<String>> answers = new ArrayList<>();
            for (int i = 0; i < 64; i++) {
                String name = names.get(i % names.size());
                answers.add(pool.submit(() -> json(api.get("/search/all?q=" + encode(name))).path("results").toString()));
            }
            for (int i = 0; i < answers.size(); i++) {
                assertEquals(expected.get(i % names.size()), answers.get(i).get());
            }
        }
    }

    @Test
    void aBodyThatIsNotUtf8IsRefusedNamingTheEncoding() {
        byte[] latin1 = "{\"queries\": {\"q\": {\"schema\": \"Person\", \"properties\": {\"name\": [\"Jos\u00e9 M\u00fcller\"]}}}}"
                .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        HttpResponse<String> response = api.send(java.net.http.HttpRequest.newBuilder(api.uri("/match/all")).header("Content-Type", "application/json")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(latin1)));
        assertError(response, 400, "not valid UTF-8");
    }
}

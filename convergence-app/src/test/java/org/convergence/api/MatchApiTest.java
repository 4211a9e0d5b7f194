package org.convergence.api;

import static org.convergence.api.ApiTestServer.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.convergence.screening.audit.AuditLog;
import org.convergence.screening.audit.Decision;
import org.convergence.screening.audit.Requester;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code POST /match} and {@code GET /search} in yente's shapes, against SEMA and the Named Research Organizations. */
class MatchApiTest {
    private static final String OLEKSIN = "ca-sema-belarus-1-part-1-56";
    private static final String HARBIN = "ca-nro-cn-harbin-institute-of-technology";
    private static final String OLEKSIN_CYRILLIC = "{\"queries\": {\"q1\": {\"schema\": \"Person\", \"properties\": "
            + "{\"name\": [\"Алексей Олексин\"], \"nationality\": [\"by\"]}}}}";

    private static ApiTestServer api;

    @BeforeAll
    static void start() {
        api = ApiTestServer.get();
    }

    private static JsonNode match(String pathAndQuery, String body) {
        HttpResponse<String> response = api.postJson(pathAndQuery, body);
        assertEquals(200, response.statusCode(), response.body());
        return json(response);
    }

    private static JsonNode parse(String line) {
        try {
            return Json.MAPPER.readTree(line);
        } catch (java.io.IOException e) {
            throw new AssertionError("not JSON: " + line, e);
        }
    }

    private static List<String> ids(JsonNode results) {
        List<String> ids = new ArrayList<>();
        results.forEach(result -> ids.add(result.path("id").asText()));
        return ids;
    }

    @Test
    void everyMatchIsAuditedAndAKnownFalsePositiveIsNotRaisedAgain() throws Exception {
        // an address no other test sends, so that this query's decisions touch no other test
        String body = "{\"queries\": {\"q1\": {\"schema\": \"Person\", \"properties\": {\"name\": [\"Aleksey Oleksin\"], "
                + "\"address\": [\"1 Audit Test Lane\"]}}}}";
        HttpResponse<String> first = api.postJsonAs("analyst-7", "/match/ca-sema", body);
        assertEquals(OLEKSIN, json(first).path("responses").path("q1").path("results").get(0).path("id").asText());

        AuditLog log = AuditLog.of(api.store);
        java.io.StringWriter exported = new java.io.StringWriter();
        log.export(exported, AuditLog.Format.JSONL, null, null);
        JsonNode request = exported.toString().lines().map(MatchApiTest::parse).filter(line -> line.path("user").asText().equals("analyst-7"))
                .reduce((a, b) -> b).orElseThrow();
        assertTrue(request.path("source").asText().startsWith("POST /match/ca-sema"), request.toString());
        assertEquals(OLEKSIN, request.path("results").get(0).path("entity_id").asText());
        assertTrue(request.path("list_versions").toString().contains("ca-sema@"), request.path("list_versions").toString());

        log.decide(request.path("request_id").asLong(), OLEKSIN, Decision.FALSE_POSITIVE, Requester.outsideWorkspaces("analyst-7"), "a namesake");
        JsonNode again = json(api.postJsonAs("analyst-7", "/match/ca-sema", body)).path("responses").path("q1").path("results");
        assertFalse(ids(again).contains(OLEKSIN), again.toString());
    }

    @Test
    void aCyrillicNameFindsTheListedPersonWithYenteFieldsAndTheFeaturesBehindTheScore() {
        JsonNode response = match("/match/ca-sema", OLEKSIN_CYRILLIC);
        JsonNode answer = response.path("responses").path("q1");
        assertEquals(200, answer.path("status").asInt());
        JsonNode best = answer.path("results").get(0);
        assertEquals(OLEKSIN, best.path("id").asText());
        assertEquals("Aleksey Oleksin", best.path("caption").asText());
        assertEquals("Person", best.path("schema").asText());
        assertEquals("ca-sema", best.path("datasets").get(0).asText());
        assertEquals("Aleksey Oleksin", best.path("properties").path("name").get(0).asText());
        assertTrue(best.path("score").asDouble() >= 0.7 && best.path("match").asBoolean(), best.toString());
        assertEquals(1.0, best.path("features").path("name.similarity").asDouble(), 1e-9);
        assertTrue(best.path("explanations").path("name.similarity").path("detail").asText().contains("oleksin"), best.toString());
        assertEquals("eq", answer.path("total").path("relation").asText());
        assertEquals("Person", answer.path("query").path("schema").asText());
        assertEquals("Алексей Олексин", answer.path("query").path("properties").path("name").get(0).asText());
        assertEquals(5, response.path("limit").asInt());
        assertEquals(MatchResource.ALGORITHM, response.path("algorithm").path("name").asText());
    }

    @Test
    void aBatchIsAnsweredQueryByQueryUnderTheClientsKeys() {
        HttpResponse<String> response = api.postJson("/match/all", "{\"queries\": {"
                + "\"person\": {\"schema\": \"Person\", \"properties\": {\"name\": [\"OLEKSIN, Aleksey\"]}},"
                + "\"institute\": {\"schema\": \"Organization\", \"properties\": {\"name\": [\"Harbin Institute of Technology\"], \"country\": [\"cn\"]}}}}");
        assertEquals(200, response.statusCode(), response.body());
        assertEquals("2", response.headers().firstValue("x-batch-size").orElseThrow());
        JsonNode responses = json(response).path("responses");
        assertEquals(OLEKSIN, responses.path("person").path("results").get(0).path("id").asText());
        assertEquals(HARBIN, responses.path("institute").path("results").get(0).path("id").asText());
        assertEquals("ca-nro", responses.path("institute").path("results").get(0).path("datasets").get(0).asText());
    }

    @Test
    void thresholdDecidesTheMatchFlagAndCutoffWhatIsShown() {
        JsonNode strict = match("/match/ca-sema?threshold=1", OLEKSIN_CYRILLIC).path("responses").path("q1").path("results").get(0);
        assertEquals(OLEKSIN, strict.path("id").asText());
        assertFalse(strict.path("match").asBoolean(), strict.toString());
        assertEquals(1.0, match("/match/ca-sema?threshold=1", OLEKSIN_CYRILLIC).path("algorithm").path("threshold").asDouble(), 1e-9);

        double score = strict.path("score").asDouble();
        JsonNode above = match("/match/ca-sema?cutoff=" + Math.min(1, score + 0.01), OLEKSIN_CYRILLIC).path("responses").path("q1");
        assertTrue(above.path("results").isEmpty(), above.toString());
        assertEquals(0, above.path("total").path("value").asInt());
    }

    @Test
    void limitCapsTheResultsAndTotalSaysMoreWereFound() {
        JsonNode answer = match("/match/ca-sema?limit=1&cutoff=0", OLEKSIN_CYRILLIC).path("responses").path("q1");
        assertEquals(1, answer.path("results").size());
        assertEquals("gte", answer.path("total").path("relation").asText());
        assertEquals(1, match("/match/ca-sema?limit=1", OLEKSIN_CYRILLIC).path("limit").asInt());
    }

    @Test
    void includeAndExcludeDatasetNarrowTheScope() {
        String harbin = "{\"queries\": {\"q\": {\"schema\": \"Organization\", \"properties\": {\"name\": [\"Harbin Institute of Technology\"]}}}}";
        List<String> included = ids(match("/match/all?include_dataset=ca-nro&cutoff=0", harbin).path("responses").path("q").path("results"));
        assertEquals(HARBIN, included.getFirst());
        assertTrue(included.stream().allMatch(id -> id.startsWith("ca-nro-")), included.toString());
        List<String> excluded = ids(match("/match/all?exclude_dataset=ca-nro&cutoff=0", harbin).path("responses").path("q").path("results"));
        assertTrue(excluded.stream().noneMatch(id -> id.startsWith("ca-nro-")), excluded.toString());
    }

    @Test
    void aYenteAlgorithmNameIsAcceptedAndTheAlgorithmUsedReported() {
        JsonNode algorithm = match("/match/ca-sema?algorithm=logic-v1", OLEKSIN_CYRILLIC).path("algorithm");
        assertEquals("logic-v1", algorithm.path("requested").asText());
        assertEquals(MatchResource.ALGORITHM, algorithm.path("name").asText());
    }

    @Test
    void anEntityAsTheApiReturnsItCanBeSentBackAsAQuery() {
        // yente documents that examples are "formatted like those returned by the API": extra fields are ignored.
        String body = "{\"queries\": {\"again\": {\"id\": \"x\", \"caption\": \"Harbin\", \"schema\": \"Organization\", \"datasets\": [\"ca-nro\"], "
                + "\"properties\": {\"name\": \"Harbin Institute of Technology\", \"country\": [\"cn\"]}}}}";
        assertEquals(HARBIN, match("/match/all", body).path("responses").path("again").path("results").get(0).path("id").asText());
    }

    @Test
    void searchFindsByNameBestFirstWithScoresAndPages() {
        HttpResponse<String> response = api.get("/search/all?q=" + ApiTestServer.encode("Harbin Institute of Technology"));
        assertEquals(200, response.statusCode(), response.body());
        JsonNode search = json(response);
        assertEquals(10, search.path("limit").asInt());
        assertEquals(0, search.path("offset").asInt());
        JsonNode first = search.path("results").get(0);
        assertEquals(HARBIN, first.path("id").asText());
        assertEquals("Organization", first.path("schema").asText());
        assertTrue(first.path("score").asDouble() > search.path("results").get(1).path("score").asDouble());

        JsonNode second = json(api.get("/search/all?limit=1&offset=1&q=" + ApiTestServer.encode("Harbin Institute of Technology")));
        assertEquals(search.path("results").get(1).path("id").asText(), second.path("results").get(0).path("id").asText());

        JsonNode people = json(api.get("/search/all?schema=Person&q=" + ApiTestServer.encode("Harbin Institute of Technology")));
        assertFalse(ids(people.path("results")).contains(HARBIN), people.toString());
        people.path("results").forEach(result -> assertNotEquals("Organization", result.path("schema").asText()));
    }

    /** The audit requests of a user, oldest first. */
    private static List<JsonNode> auditedRequests(String user) {
        java.io.StringWriter exported = new java.io.StringWriter();
        AuditLog.of(api.store).export(exported, AuditLog.Format.JSONL, null, null);
        return exported.toString().lines().map(MatchApiTest::parse).filter(line -> line.path("user").asText().equals(user)).toList();
    }

    @Test
    void aQueryNarrowedToSeveralDatasetsIsOneSearchAndOneAuditRequest() {
        String body = "{\"queries\": {\"q\": {\"schema\": \"Organization\", \"properties\": {\"name\": [\"Harbin Institute of Technology\"]}}}}";
        HttpResponse<String> response = api.postJsonAs("scope-tester", "/match/all?include_dataset=ca-nro&include_dataset=ca-sema&cutoff=0", body);
        assertEquals(200, response.statusCode(), response.body());
        assertEquals(HARBIN, json(response).path("responses").path("q").path("results").get(0).path("id").asText());
        List<JsonNode> requests = auditedRequests("scope-tester");
        assertEquals(1, requests.size(), requests.toString());
        assertEquals("all +ca-nro +ca-sema", requests.getFirst().path("scope").asText());
    }

    @Test
    void theAuditRecordsTheThresholdAndCutoffTheCallerWasAnsweredAt() {
        JsonNode answered = json(api.postJsonAs("threshold-tester", "/match/ca-sema?threshold=1&cutoff=0.2", OLEKSIN_CYRILLIC))
                .path("responses").path("q1").path("results").get(0);
        assertFalse(answered.path("match").asBoolean(), "not a match at the threshold asked for: " + answered);
        JsonNode request = auditedRequests("threshold-tester").getLast();
        assertEquals(1.0, request.path("threshold").asDouble(), 1e-9);
        assertEquals(0.2, request.path("cutoff").asDouble(), 1e-9);
        assertFalse(request.path("results").get(0).path("match").asBoolean(), "the audit keeps what the caller was answered: " + request);
    }

    @Test
    void searchTakesTheSameScopeParametersAsMatch() {
        String harbin = ApiTestServer.encode("Harbin Institute of Technology");
        List<String> nro = ids(json(api.get("/search/all?include_dataset=ca-nro&q=" + harbin)).path("results"));
        assertTrue(!nro.isEmpty() && nro.stream().allMatch(id -> id.startsWith("ca-nro-")), nro.toString());
        List<String> others = ids(json(api.get("/search/all?exclude_dataset=ca-nro&q=" + harbin)).path("results"));
        assertTrue(others.stream().noneMatch(id -> id.startsWith("ca-nro-")), others.toString());
        assertEquals(400, api.get("/search/all?include_dataset=no-such-list&q=" + harbin).statusCode());
        assertEquals(400, api.get("/search/all?topics=sanction&q=" + harbin).statusCode());
        assertEquals(404, api.get("/search/no-such-list?q=" + harbin).statusCode());
        json(api.get("/search/all?q=" + harbin)).path("results").forEach(result -> assertTrue(result.path("score").asDouble() >= 0.01,
                "a lookup leaves out parties that share nothing with the query: " + result));
    }
}

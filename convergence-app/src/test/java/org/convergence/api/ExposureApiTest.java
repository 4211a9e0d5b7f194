package org.convergence.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code POST /exposure/{scope}} on ASPI's tracker, the Named Research Organizations and the hand-written partners. */
class ExposureApiTest {
    private static URI server;
    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @BeforeAll
    static void start() {
        server = ExposureTestServer.get().server().url();
    }

    private static HttpResponse<String> post(String path, String body) {
        try {
            return CLIENT.send(HttpRequest.newBuilder(server.resolve(path)).timeout(Duration.ofSeconds(60)).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode json(HttpResponse<String> response) {
        try {
            return Json.MAPPER.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void partnersAreAnsweredListedLinkedOrClearWithSourcedPaths() {
        HttpResponse<String> response = post("/exposure/all", """
                {"partners": [
                  {"id": "P-1", "name": "School of Astronautics, Harbin Institute of Technology, Harbin 150001, China"},
                  "Maple Photonics Inc.",
                  {"name": "Department of Physics, University of Waterloo, Waterloo, Canada", "country": "ca"}
                ]}""");
        assertEquals(200, response.statusCode(), response.body());
        JsonNode results = json(response).get("results");
        assertEquals("listed", results.get(0).get("tier").asText(), results.get(0).toString());
        assertEquals("P-1", results.get(0).get("id").asText());
        assertEquals("linked", results.get(1).get("tier").asText(), results.get(1).toString());
        JsonNode step = results.get(1).get("paths").get(0).get("steps").get(0);
        assertEquals(ExposureTestServer.MAPLE, step.get("id").asText());
        assertTrue(step.get("score").asDouble() > 0.8, step.toString());
        assertEquals("https://example.org/maple-harbin-agreement", step.get("relation").get("source").get("urls").get(0).asText(), step.toString());
        assertEquals("clear", results.get(2).get("tier").asText(), results.get(2).toString());
        assertTrue(results.get(0).get("audit_requests").size() > 0);
    }

    @Test
    void badBodiesAndParametersAreRefusedSayingWhatIsExpected() {
        HttpResponse<String> noPartners = post("/exposure/all", "{\"queries\": {}}");
        assertEquals(400, noPartners.statusCode());
        assertTrue(noPartners.body().contains("the body needs \\\"partners\\\""), noPartners.body());
        HttpResponse<String> wrongType = post("/exposure/all", "{\"partners\": [42]}");
        assertEquals(400, wrongType.statusCode());
        assertTrue(wrongType.body().contains("partner 1"), wrongType.body());
        HttpResponse<String> hops = post("/exposure/all?hops=9", "{\"partners\": [\"Maple Photonics Inc.\"]}");
        assertEquals(400, hops.statusCode(), hops.body());
        HttpResponse<String> tooMany = post("/exposure/all", "{\"partners\": [" + "\"x\",".repeat(ExposureResource.MAX_PARTNERS) + "\"x\"]}");
        assertEquals(400, tooMany.statusCode());
        assertTrue(tooMany.body().contains("the limit is 100"), tooMany.body());
        assertEquals(404, post("/exposure/no-such-scope", "{\"partners\": [\"Maple Photonics Inc.\"]}").statusCode());
    }

    @Test
    void aPageOfAnotherSiteCannotCheckPartnersInAnAnalystsName() throws Exception {
        String body = "{\"partners\": [\"Harbin Institute of Technology\"]}";
        HttpResponse<String> forged = CLIENT.send(HttpRequest.newBuilder(server.resolve("/exposure/all")).header("Content-Type", "application/json")
                .header("Origin", "https://attacker.example").POST(HttpRequest.BodyPublishers.ofString(body))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(403, forged.statusCode(), forged.body());
        HttpResponse<String> plainText = CLIENT.send(HttpRequest.newBuilder(server.resolve("/exposure/all")).header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(415, plainText.statusCode(), "a cross-site form cannot send JSON without a preflight");
    }

    @Test
    void emptyAndOverlongAffiliationsAreAnsweredNotHung() {
        HttpResponse<String> response = post("/exposure/all", "{\"partners\": [\"\", \"" + "Harbin Institute of Technology ".repeat(330) + "\"]}");
        assertEquals(200, response.statusCode(), response.body());
        JsonNode results = json(response).get("results");
        assertTrue(results.get(0).get("error").asText().contains("no name or affiliation"), results.get(0).toString());
        assertEquals(2, results.get(1).get("row").asInt());
    }
}

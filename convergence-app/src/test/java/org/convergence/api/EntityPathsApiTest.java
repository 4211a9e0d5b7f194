package org.convergence.api;

import static org.convergence.api.ApiTestServer.json;
import static org.convergence.api.ExposureTestServer.CYCLE;
import static org.convergence.api.ExposureTestServer.HARBIN;
import static org.convergence.api.ExposureTestServer.LONE;
import static org.convergence.api.ExposureTestServer.MAPLE;
import static org.convergence.api.ExposureTestServer.SCRIPTED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code GET /entities/{id}/paths} on ASPI's tracker, the Named Research Organizations and a
 * hand-written fixture of partners: every step sourced, bad parameters refused, no hang on a cycle.
 */
class EntityPathsApiTest {
    private static final String WELDING_LABORATORY = "State Key Laboratory of Advanced Welding and Joining";
    private static URI server;
    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @BeforeAll
    static void start() {
        server = ExposureTestServer.get().server().url();
    }

    private static HttpResponse<String> get(String pathAndQuery) {
        try {
            return CLIENT.send(HttpRequest.newBuilder(server.resolve(pathAndQuery)).timeout(Duration.ofSeconds(60)).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode paths(String id, String query) {
        HttpResponse<String> response = get("/entities/" + id + "/paths" + query);
        assertEquals(200, response.statusCode(), response.body());
        return json(response);
    }

    @Test
    void laboratoryOfTheTrackerLeadsToItsListedUniversityByASourcedMembership() {
        String laboratory = search(WELDING_LABORATORY, "Organization");

        JsonNode answer = paths(laboratory, "");

        assertEquals(laboratory, answer.path("id").asText());
        assertEquals(WELDING_LABORATORY, answer.path("caption").asText());
        JsonNode toHarbin = first(answer.path("paths"), path -> path.path("target").path("id").asText().equals(HARBIN));
        assertEquals(1, toHarbin.path("hops").asInt());
        assertEquals("Harbin Institute of Technology", toHarbin.path("target").path("caption").asText());
        assertTrue(toHarbin.path("target").path("listed").asBoolean() && toHarbin.path("target").path("nexus").asBoolean(),
                "listed by ASPI, and one of the Seven Sons: " + toHarbin);
        JsonNode start = toHarbin.path("steps").get(0);
        assertEquals(laboratory, start.path("id").asText());
        assertEquals("Organization", start.path("schema").asText());
        assertEquals("aspi-unitracker", start.path("dataset").asText());
        assertTrue(!start.path("listed").asBoolean() && !start.path("nexus").asBoolean(), start.toString());
        JsonNode membership = start.path("relation");
        assertEquals("belongs to (major defence laboratory)", membership.path("label").asText());
        assertEquals("Membership", membership.path("schema").asText());
        assertEquals("forward", membership.path("direction").asText(), "the laboratory is the member");
        assertEquals("https://unitracker.aspi.org.au/universities/harbin-institute-of-technology", membership.path("sources").path("urls").get(0).asText());
        assertEquals("Australian Strategic Policy Institute", membership.path("sources").path("publishers").get(0).asText());
        assertTrue(membership.path("sources").path("records").get(0).asText().startsWith("misp_china-defence-universities.json record "),
                membership.toString());
        assertTrue(toHarbin.path("steps").get(1).path("relation").isNull(), "the last step has no relation");
        assertEquals(0, answer.path("bounds_reached").size());
    }

    @Test
    void canadianPartnerReachesTheNexusThroughItsStatedPartnership() {
        JsonNode answer = paths(MAPLE, "");

        JsonNode path = answer.path("paths").get(0);
        assertEquals(1, path.path("hops").asInt(), answer.toString());
        assertEquals(HARBIN, path.path("target").path("id").asText());
        JsonNode partnership = path.path("steps").get(0).path("relation");
        assertEquals("research partnership", partnership.path("label").asText());
        assertEquals("both", partnership.path("direction").asText(), "FtM reads an UnknownLink alike both ways");
        assertEquals("https://example.org/maple-harbin-agreement", partnership.path("sources").path("urls").get(0).asText());
        assertEquals("Example Gazette", partnership.path("sources").path("publishers").get(0).asText());
        assertTrue(partnership.path("start").isNull() && partnership.path("end").isNull(), "no validity stated: " + partnership);
        JsonNode fromOwner = paths(SCRIPTED, "?hops=1").path("paths");
        assertEquals(0, fromOwner.size(), "its owner is two hops from Harbin: " + fromOwner);
        JsonNode ownership = paths(SCRIPTED, "?hops=2").path("paths").get(0).path("steps").get(0).path("relation");
        assertEquals("forward", ownership.path("direction").asText(), "the owner to its asset");
        assertEquals("2021-03", ownership.path("start").asText());
    }

    @Test
    void listedResearchOrganisationIsItsOwnTargetInAPathOfNoHop() {
        JsonNode answer = paths("ca-nro-cn-harbin-institute-of-technology", "");

        JsonNode itself = answer.path("paths").get(0);
        assertEquals(0, itself.path("hops").asInt());
        assertEquals(1, itself.path("steps").size());
        assertEquals("ca-nro", itself.path("target").path("dataset").asText());
        assertTrue(itself.path("target").path("listed").asBoolean(), itself.toString());
        assertTrue(itself.path("steps").get(0).path("relation").isNull());
    }

    @Test
    void entityWithNoRelationHasAnEmptyListOfPaths() {
        JsonNode answer = paths(LONE, "");

        assertEquals("Lone Pine Consulting", answer.path("caption").asText());
        assertTrue(answer.path("paths").isArray() && answer.path("paths").isEmpty(), answer.toString());
        assertTrue(answer.path("bounds_reached").isArray() && answer.path("bounds_reached").isEmpty(), answer.toString());
    }

    @Test
    void cycleAndSelfOwnershipEndTheWalkAtTheMostHops() {
        JsonNode answer = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> paths(CYCLE, "?hops=6"));

        assertEquals(0, answer.path("paths").size(), answer.toString());
    }

    @Test
    void limitCutsThePathsAndSaysSo() {
        String agency = search("State Administration for Science, Technology and Industry for National Defense", "PublicBody");
        JsonNode all = paths(agency, "?hops=1&limit=100");
        assertTrue(all.path("paths").size() > 2, "the agency supervises many listed institutions: " + all.path("paths").size());
        assertEquals(0, all.path("bounds_reached").size(), all.path("bounds_reached").toString());

        JsonNode two = paths(agency, "?hops=1&limit=2");

        assertEquals(2, two.path("paths").size());
        assertEquals("paths", two.path("bounds_reached").get(0).asText());
        assertEquals("supervising agency of", two.path("paths").get(0).path("steps").get(0).path("relation").path("label").asText());
    }

    @Test
    void hopsAndLimitOutOfRangeAreRefusedNamingTheRange() {
        assertBadRequest("/entities/" + MAPLE + "/paths?hops=7", "hops must be a whole number from 1 to 6; got '7'");
        assertBadRequest("/entities/" + MAPLE + "/paths?hops=0", "hops must be a whole number from 1 to 6; got '0'");
        assertBadRequest("/entities/" + MAPLE + "/paths?hops=three", "got 'three'");
        assertBadRequest("/entities/" + MAPLE + "/paths?limit=0", "limit must be a whole number from 1 to 100; got '0'");
        assertBadRequest("/entities/" + MAPLE + "/paths?limit=101", "limit must be a whole number from 1 to 100; got '101'");
    }

    @Test
    void unknownEntityIsA404NamingIt() {
        HttpResponse<String> response = get("/entities/no-such-partner/paths");

        assertEquals(404, response.statusCode());
        assertTrue(json(response).path("detail").asText().startsWith("no entity 'no-such-partner' in the exposure graph"), response.body());
        HttpResponse<String> listing = get("/entities/ca-nro-sanction-cn-harbin-institute-of-technology/paths");
        assertEquals(404, listing.statusCode(), "a Sanction is no node: " + listing.body());
    }

    /** The id of the best result of a search of ASPI's tracker. */
    private static String search(String name, String schema) {
        JsonNode best = json(get("/search/aspi-unitracker?schema=" + schema + "&q=" + URLEncoder.encode(name, StandardCharsets.UTF_8))).path("results").get(0);
        assertEquals(name, best.path("caption").asText(), best.toString());
        return best.path("id").asText();
    }

    private static void assertBadRequest(String pathAndQuery, String detail) {
        HttpResponse<String> response = get(pathAndQuery);
        assertEquals(400, response.statusCode(), response.body());
        assertTrue(json(response).path("detail").asText().contains(detail), response.body());
    }

    private static JsonNode first(JsonNode array, Predicate<JsonNode> wanted) {
        List<String> seen = new ArrayList<>();
        for (JsonNode element : array) {
            if (wanted.test(element)) {
                return element;
            }
            seen.add(element.path("target").path("id").asText());
        }
        throw new AssertionError("no such path; targets: " + seen);
    }
}

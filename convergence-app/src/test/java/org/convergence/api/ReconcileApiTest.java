package org.convergence.api;

import static org.convergence.api.ApiTestServer.encode;
import static org.convergence.api.ApiTestServer.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The OpenRefine reconciliation service, driven with the requests OpenRefine sends. */
class ReconcileApiTest {
    private static ApiTestServer api;

    @BeforeAll
    static void start() {
        api = ApiTestServer.get();
    }

    @Test
    void theManifestDescribesTheServiceAndPointsBackAtThisServer() {
        // The specification requires CORS, so that web clients on other origins can call the service.
        HttpResponse<String> response = api.send(HttpRequest.newBuilder(api.uri("/reconcile/all")).header("Origin", "https://example.org").GET());
        assertEquals(200, response.statusCode(), response.body());
        assertEquals("*", response.headers().firstValue("Access-Control-Allow-Origin").orElse("none"));
        JsonNode manifest = json(response);
        assertTrue(manifest.path("versions").toString().contains("0.2"));
        assertEquals("Convergence screening (all)", manifest.path("name").asText());
        assertEquals(api.server.url() + "/entities/", manifest.path("identifierSpace").asText());
        assertFalse(manifest.path("schemaSpace").asText().isEmpty());
        List<String> types = new ArrayList<>();
        manifest.path("defaultTypes").forEach(type -> types.add(type.path("id").asText()));
        assertEquals(List.of("Person", "Organization", "Company", "LegalEntity", "Vessel"), types);
        assertTrue(manifest.path("view").path("url").asText().endsWith("/entities/{{id}}"));
        assertTrue(manifest.path("preview").path("url").asText().endsWith("/reconcile/all/preview?id={{id}}"));
        assertEquals(430, manifest.path("preview").path("width").asInt());
        assertTrue(manifest.path("suggest").path("entity").path("service_url").asText().endsWith("/reconcile/all"));
        assertEquals("/suggest/property", manifest.path("suggest").path("property").path("service_path").asText());
    }

    @Test
    void aFormPostedBatchAsOpenRefineSendsItIsAnsweredUnderItsKeys() {
        // OpenRefine's StandardReconConfig: q0..qN, type with type_strict "should", column details as pid/v, form-encoded.
        String queries = "{\"q0\":{\"query\":\"Harbin Institute of Technology\",\"type\":\"Organization\",\"type_strict\":\"should\"},"
                + "\"q1\":{\"query\":\"Алексей Олексин\",\"type\":\"Person\",\"type_strict\":\"should\",\"limit\":3,"
                + "\"properties\":[{\"pid\":\"nationality\",\"v\":\"by\"},{\"pid\":\"Person:birthDate\",\"v\":{\"id\":\"x\",\"name\":\"1967\"}}]}}";
        HttpResponse<String> response = api.postForm("/reconcile/all", queries);
        assertEquals(200, response.statusCode(), response.body());
        JsonNode results = json(response);
        JsonNode harbin = results.path("q0").path("result").get(0);
        assertEquals("ca-nro-cn-harbin-institute-of-technology", harbin.path("id").asText());
        assertEquals("Harbin Institute of Technology", harbin.path("name").asText());
        assertEquals("Organization", harbin.path("type").get(0).path("id").asText());
        assertTrue(harbin.path("match").asBoolean(), harbin.toString());
        assertTrue(harbin.path("score").asDouble() > 0.7);
        assertEquals("name.similarity", harbin.path("features").get(0).path("id").asText());

        JsonNode oleksin = results.path("q1").path("result");
        assertTrue(oleksin.size() <= 3);
        assertEquals("ca-sema-belarus-1-part-1-56", oleksin.get(0).path("id").asText());
    }

    @Test
    void queriesInTheQueryStringWorkAndJsonpWrapsTheAnswer() {
        String queries = encode("{\"q0\":{\"query\":\"Harbin Institute of Technology\"}}");
        JsonNode plain = json(api.get("/reconcile/ca-nro?queries=" + queries));
        assertEquals("ca-nro-cn-harbin-institute-of-technology", plain.path("q0").path("result").get(0).path("id").asText());

        HttpResponse<String> jsonp = api.get("/reconcile/ca-nro?callback=jQuery123_456&queries=" + queries);
        assertEquals(200, jsonp.statusCode());
        assertTrue(jsonp.headers().firstValue("Content-Type").orElseThrow().startsWith("application/javascript"));
        assertTrue(jsonp.body().startsWith("jQuery123_456({\"q0\""), jsonp.body());
        assertTrue(jsonp.body().endsWith(");"));
    }

    @Test
    void suggestServicesCompleteEntitiesTypesAndProperties() {
        JsonNode entities = json(api.get("/reconcile/all/suggest/entity?prefix=" + encode("Harbin Institute")));
        assertEquals("Harbin Institute", entities.path("prefix").asText());
        assertEquals("ca-nro-cn-harbin-institute-of-technology", entities.path("result").get(0).path("id").asText());
        assertEquals("Organization", entities.path("result").get(0).path("notable").get(0).path("id").asText());

        JsonNode types = json(api.get("/reconcile/all/suggest/type?prefix=per"));
        assertEquals("Person", types.path("result").get(0).path("id").asText());

        JsonNode properties = json(api.get("/reconcile/all/suggest/property?prefix=birth"));
        List<String> ids = new ArrayList<>();
        properties.path("result").forEach(property -> ids.add(property.path("id").asText()));
        assertTrue(ids.contains("birthDate"), ids.toString());

        assertTrue(json(api.get("/reconcile/all/suggest/entity?prefix=")).path("result").isEmpty());
    }

    @Test
    void thePreviewIsASmallHtmlPageWithTheSanction() {
        HttpResponse<String> response = api.get("/reconcile/all/preview?id=ca-sema-belarus-1-part-1-56");
        assertEquals(200, response.statusCode(), response.body());
        assertTrue(response.headers().firstValue("Content-Type").orElseThrow().startsWith("text/html"));
        assertTrue(response.body().contains("<h3>Aleksey Oleksin</h3>"), response.body());
        assertTrue(response.body().contains("Special Economic Measures Act: Belarus"), response.body());
        assertFalse(response.body().contains("<script"));
    }

    @Test
    void aBadBatchIsRejectedWithTheQueryNamed() {
        HttpResponse<String> unknownType = api.postForm("/reconcile/all", "{\"q7\":{\"query\":\"x\",\"type\":\"Planet\"}}");
        assertEquals(400, unknownType.statusCode());
        assertTrue(json(unknownType).path("detail").asText().startsWith("query 'q7': unknown schema 'Planet'"), unknownType.body());

        HttpResponse<String> unknownProperty = api.postForm("/reconcile/all",
                "{\"q0\":{\"query\":\"x\",\"type\":\"Person\",\"properties\":[{\"pid\":\"shoeSize\",\"v\":\"42\"}]}}");
        assertEquals(400, unknownProperty.statusCode());
        assertTrue(json(unknownProperty).path("detail").asText().contains("no property 'shoeSize'"), unknownProperty.body());

        StringBuilder many = new StringBuilder("{");
        for (int i = 0; i <= ReconcileResource.BATCH_SIZE; i++) {
            many.append(i == 0 ? "" : ",").append("\"q").append(i).append("\":{\"query\":\"x\"}");
        }
        HttpResponse<String> tooMany = api.postForm("/reconcile/all", many.append("}").toString());
        assertEquals(413, tooMany.statusCode());
        assertTrue(json(tooMany).path("detail").asText().contains("batchSize is 100"), tooMany.body());

        HttpResponse<String> badCallback = api.get("/reconcile/all?callback=" + encode("alert(1)//"));
        assertEquals(400, badCallback.statusCode());
    }
}

package org.convergence.api;

import static org.convergence.api.ApiTestServer.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code GET /entities/{id}}: the entity with its sanctions nested, as yente nests adjacent entities. */
class EntityApiTest {
    private static ApiTestServer api;

    @BeforeAll
    static void start() {
        api = ApiTestServer.get();
    }

    @Test
    void aListedPersonComesWithItsSanctionNestedUnderSanctions() {
        HttpResponse<String> response = api.get("/entities/ca-sema-belarus-1-part-1-56");
        assertEquals(200, response.statusCode(), response.body());
        JsonNode entity = json(response);
        assertEquals("Aleksey Oleksin", entity.path("caption").asText());
        assertEquals("Person", entity.path("schema").asText());
        assertEquals("ca-sema", entity.path("datasets").get(0).asText());
        JsonNode sanction = entity.path("properties").path("sanctions").get(0);
        assertEquals("ca-sema-sanction-belarus-1-part-1-56", sanction.path("id").asText());
        assertEquals("Sanction", sanction.path("schema").asText());
        assertTrue(sanction.path("properties").path("program").get(0).asText().contains("Belarus"), sanction.toString());
        assertEquals("2021-06-17", sanction.path("properties").path("listingDate").get(0).asText());
        // The sanction's pointer back to the person is left out: the person is its parent here.
        assertTrue(sanction.path("properties").path("entity").isMissingNode(), sanction.toString());
    }

    @Test
    void aResearchOrganisationComesWithItsListing() {
        JsonNode entity = json(api.get("/entities/ca-nro-cn-harbin-institute-of-technology"));
        JsonNode listing = entity.path("properties").path("sanctions").get(0);
        assertEquals("Sanction", listing.path("schema").asText());
        assertEquals("ca-nro", listing.path("datasets").get(0).asText());
    }

    @Test
    void aSanctionComesWithTheEntityItListsExpanded() {
        JsonNode sanction = json(api.get("/entities/ca-sema-sanction-belarus-1-part-1-56"));
        JsonNode listed = sanction.path("properties").path("entity").get(0);
        assertEquals("ca-sema-belarus-1-part-1-56", listed.path("id").asText());
        assertEquals("Aleksey Oleksin", listed.path("caption").asText());
        assertFalse(listed.path("properties").has("sanctions"), "expanded one level only: " + listed);
    }

    @Test
    void anUnknownEntityIsA404NamingIt() {
        HttpResponse<String> response = api.get("/entities/no-such-entity");
        assertEquals(404, response.statusCode());
        assertTrue(json(response).path("detail").asText().contains("no entity 'no-such-entity'"), response.body());
    }
}

package org.convergence.api;

import static org.convergence.api.Parameters.invalid;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/** The API's one JSON mapper, and request bodies read with errors a client can act on. */
final class Json {
    static final ObjectMapper MAPPER = new ObjectMapper().disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);

    private Json() {}

    /** A JSON object from request text; malformed JSON is a 400 that says where it broke. */
    static JsonNode read(String text, String what) {
        if (text == null || text.isBlank()) {
            throw invalid(what + " is empty: send a JSON object");
        }
        JsonNode node;
        try {
            node = MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            JsonLocation where = e.getLocation();
            throw invalid("%s is not valid JSON%s: %s".formatted(what,
                    where == null ? "" : " (line %d, column %d)".formatted(where.getLineNr(), where.getColumnNr()), e.getOriginalMessage()));
        }
        if (node == null || !node.isObject()) {
            throw invalid(what + " must be a JSON object; got " + (node == null ? "nothing" : node.getNodeType().name().toLowerCase()));
        }
        return node;
    }

    static JsonNode read(String body) {
        return read(body, "the request body");
    }
}

package org.convergence.api;

import static org.convergence.api.Parameters.invalid;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** The API's one JSON mapper, and request bodies read with errors a client can act on. */
public final class Json {
    public static final ObjectMapper MAPPER = new ObjectMapper().disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);

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

    /**
     * A JSON object from a request body, which must be UTF-8 (RFC 8259): a body that is not, a name in
     * Latin-1 say, is a 400 that names the encoding and where the body stops being UTF-8, rather than
     * text with replacement characters screened as if the client had sent them.
     */
    static JsonNode read(byte[] body) {
        CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer bytes = ByteBuffer.wrap(body);
        CharBuffer text = CharBuffer.allocate(body.length);
        CoderResult result = utf8.decode(bytes, text, true);
        if (result.isError()) {
            throw invalid("the request body is not valid UTF-8 (byte %,d of %,d): send JSON encoded as UTF-8".formatted(bytes.position() + 1,
                    body.length));
        }
        utf8.flush(text);
        return read(text.flip().toString(), "the request body");
    }
}

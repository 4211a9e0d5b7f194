package org.convergence.screening.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.convergence.screening.Screener;
import org.convergence.screening.ScreeningIndex;

/**
 * The SHA-256 fingerprints the audit log compares: of a query's content, and of a listed entity's
 * content. Both are independent of the order of properties and values, so that the same content
 * always gives the same hash.
 */
final class ContentHash {
    private static final ObjectMapper JSON = new ObjectMapper();

    private ContentHash() {}

    /**
     * The query's schema and property values, each value NFKC-normalised, lower-cased and with its
     * white space collapsed; empty values and the caller's query id left out. "ivan  PETROV" and
     * "Ivan Petrov" are the same question; "Ivan Petrov" with and without a birth date are not.
     */
    static String query(Screener.Query query) {
        Map<String, TreeSet<String>> canonical = new TreeMap<>();
        query.properties().forEach((property, values) -> {
            for (String value : values) {
                String normal = value == null ? "" : Normalizer.normalize(value, Normalizer.Form.NFKC)
                        .toLowerCase(Locale.ROOT).replaceAll("\\s+", " ").strip();
                if (!normal.isEmpty()) {
                    canonical.computeIfAbsent(property, key -> new TreeSet<>()).add(normal);
                }
            }
        });
        return sha256(query.schema(), canonical);
    }

    /** The listed entity's schema and properties exactly as the list gives them, in sorted order. */
    static String entity(ScreeningIndex.Indexed entity) {
        Map<String, TreeSet<String>> canonical = new TreeMap<>();
        entity.properties().forEach((property, values) -> canonical.put(property, new TreeSet<>(values)));
        return sha256(entity.screened().schema().getName(), canonical);
    }

    /** Over JSON, so that no value can be confused with a separator. */
    private static String sha256(String schema, Map<String, TreeSet<String>> properties) {
        try {
            byte[] content = JSON.writeValueAsBytes(List.of(schema, properties));
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("strings always serialise to JSON", e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}

package org.convergence.screening.names;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Integrity of the given-name variants file: sources, name spelling, group shape, spot checks. */
class GivenNamesFileTest {
    private static final String RESOURCE = "/org/convergence/screening/names/given-names.yaml";
    private static final Pattern NAME = Pattern.compile("[a-z]+");

    private static JsonNode read() throws IOException {
        try (InputStream in = GivenNamesFileTest.class.getResourceAsStream(RESOURCE)) {
            assertNotNull(in, "resource missing: " + RESOURCE);
            return new ObjectMapper(new YAMLFactory()).readTree(in);
        }
    }

    private static List<List<String>> groups(JsonNode root) {
        List<List<String>> groups = new ArrayList<>();
        for (JsonNode group : root.path("groups")) {
            List<String> names = new ArrayList<>();
            group.path("names").forEach(name -> names.add(name.asText()));
            groups.add(names);
        }
        return groups;
    }

    private static boolean together(List<List<String>> groups, String a, String b) {
        return groups.stream().anyMatch(names -> names.contains(a) && names.contains(b));
    }

    @Test
    void everySourceHasIdTitleUrlAndLicence() throws IOException {
        JsonNode sources = read().path("sources");
        assertTrue(sources.isArray() && sources.size() > 0, "no sources");
        Set<String> ids = new HashSet<>();
        for (JsonNode source : sources) {
            for (String field : List.of("id", "title", "url", "licence")) {
                assertFalse(source.path(field).asText("").isBlank(), "source " + source + " lacks " + field);
            }
            assertTrue(ids.add(source.path("id").asText()), "duplicate source id " + source.path("id"));
        }
    }

    @Test
    void everyGroupNamesAKnownSourceAndTwoOrMoreDistinctAsciiNames() throws IOException {
        JsonNode root = read();
        Set<String> ids = new HashSet<>();
        root.path("sources").forEach(source -> ids.add(source.path("id").asText()));
        JsonNode groups = root.path("groups");
        assertTrue(groups.isArray() && groups.size() > 0, "no groups");
        for (JsonNode group : groups) {
            String source = group.path("source").asText("");
            assertTrue(ids.contains(source), "unknown source '" + source + "' in " + group);
            JsonNode names = group.path("names");
            assertTrue(names.isArray(), "names is not a list in " + group);
            Set<String> distinct = new HashSet<>();
            for (JsonNode name : names) {
                String text = name.asText("");
                assertTrue(NAME.matcher(text).matches(), "not lower-case ASCII letters: '" + text + "' in " + group);
                assertTrue(distinct.add(text), "duplicate '" + text + "' in " + group);
            }
            assertTrue(distinct.size() >= 2, "fewer than two names in " + group);
            assertEquals(names.size(), distinct.size());
        }
    }

    @Test
    void commonShortFormsShareAGroupWithTheirFormalName() throws IOException {
        List<List<String>> groups = groups(read());
        assertTrue(together(groups, "bill", "william"), "bill/william");
        assertTrue(together(groups, "bob", "robert"), "bob/robert");
        assertTrue(together(groups, "sasha", "aleksandr"), "sasha/aleksandr");
        assertTrue(together(groups, "dima", "dmitry"), "dima/dmitry");
        assertTrue(together(groups, "volodya", "vladimir"), "volodya/vladimir");
    }
}

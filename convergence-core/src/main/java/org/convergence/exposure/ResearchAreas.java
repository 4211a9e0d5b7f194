package org.convergence.exposure;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The Sensitive Technology Research Areas that research topics concern, as {@code research-areas.yaml}
 * beside this class maps them (its comment says where the names come from and why a topic is left
 * out). Immutable; thread-safe.
 */
public final class ResearchAreas {
    @JsonIgnoreProperties("source")
    private record File(Map<String, List<String>> topics) {}

    private final Map<String, List<String>> byTopic;

    private ResearchAreas(Map<String, List<String>> byTopic) {
        this.byTopic = Map.copyOf(byTopic);
    }

    /** The project's mapping. */
    public static ResearchAreas standard() {
        try (InputStream in = ResearchAreas.class.getResourceAsStream("research-areas.yaml")) {
            if (in == null) {
                throw new IllegalStateException("research-areas.yaml is part of the build and missing from the class path");
            }
            return new ResearchAreas(new ObjectMapper(new YAMLFactory()).readValue(in, File.class).topics());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read research-areas.yaml", e);
        }
    }

    /** The areas the topics concern, sorted, each once. */
    public Set<String> of(Collection<String> topics) {
        Set<String> areas = new TreeSet<>();
        topics.forEach(topic -> areas.addAll(byTopic.getOrDefault(topic, List.of())));
        return areas;
    }
}

package org.convergence.lists.update;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.convergence.lists.ListSource;

/**
 * Where a list is published for download: one file, or a set of files read together (OFAC's CSV set).
 * The addresses live in {@code publications.yaml} beside this class, so that a moved publication is
 * a one-line data change.
 *
 * @param source the list
 * @param files its files; a single-file publication is imported from the file, a set from its folder
 */
public record Publication(ListSource source, List<PublishedFile> files) {
    private static final Map<ListSource, Publication> ALL = load();

    public Publication {
        files = List.copyOf(files);
        if (files.isEmpty()) {
            throw new IllegalArgumentException(source.id() + ": a publication has at least one file");
        }
    }

    /** The publication of a list, if Convergence knows where it is published. */
    public static Optional<Publication> of(ListSource source) {
        return Optional.ofNullable(ALL.get(source));
    }

    /** True when the reader takes the folder of the set rather than one file. */
    public boolean isFileSet() {
        return files.size() > 1;
    }

    private record Entry(String name, String url) {}

    private static Map<ListSource, Publication> load() {
        try (InputStream in = Publication.class.getResourceAsStream("publications.yaml")) {
            Map<String, List<Entry>> entries = new ObjectMapper(new YAMLFactory()).readValue(in, new TypeReference<>() {});
            Map<ListSource, Publication> publications = new LinkedHashMap<>();
            entries.forEach((id, files) -> {
                ListSource source = ListSource.byId(id).orElseThrow(() -> new IllegalStateException("publications.yaml: unknown source " + id));
                publications.put(source, new Publication(source, files.stream().map(f -> new PublishedFile(f.name(), URI.create(f.url()))).toList()));
            });
            return Map.copyOf(publications);
        } catch (IOException e) {
            throw new IllegalStateException("publications.yaml is part of the build and must be readable", e);
        }
    }
}

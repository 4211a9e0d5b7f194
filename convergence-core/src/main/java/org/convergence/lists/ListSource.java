package org.convergence.lists;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import org.convergence.ingest.EntitySource;
import org.convergence.lists.sema.SemaXmlReader;
import org.convergence.model.ConvergenceModel;

/**
 * The official lists Convergence reads, each with its source id (also its dataset name), its title,
 * its official publication, and its reader.
 */
public enum ListSource {
    CA_SEMA("ca-sema", "Canada, Consolidated Autonomous Sanctions List (SEMA)", SemaXmlReader.SOURCE_URL, SemaXmlReader::new);

    /** Creates the reader of one source file for a dataset. */
    @FunctionalInterface
    public interface ReaderFactory {
        EntitySource open(Path file, String dataset, ConvergenceModel model);
    }

    private final String id;
    private final String title;
    private final String publicationUrl;
    private final ReaderFactory reader;

    ListSource(String id, String title, String publicationUrl, ReaderFactory reader) {
        this.id = id;
        this.title = title;
        this.publicationUrl = publicationUrl;
        this.reader = reader;
    }

    public String id() {
        return id;
    }

    public String title() {
        return title;
    }

    public String publicationUrl() {
        return publicationUrl;
    }

    public EntitySource open(Path file, ConvergenceModel model) {
        return reader.open(file, id, model);
    }

    public static Optional<ListSource> byId(String id) {
        return Arrays.stream(values()).filter(source -> source.id.equals(id)).findFirst();
    }
}

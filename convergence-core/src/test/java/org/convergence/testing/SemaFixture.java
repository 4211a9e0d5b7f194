package org.convergence.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.convergence.ingest.Checksums;
import org.convergence.ingest.ImportProgress;
import org.convergence.ingest.Ingestor;
import org.convergence.lists.sema.SemaXmlReader;
import org.convergence.model.ConvergenceModel;
import org.convergence.store.DatasetVersion;
import org.convergence.store.ImportRequest;
import org.convergence.store.StatementStore;

/** A hand-written SEMA list of a few people, in the list's current XML schema, for tests of list versions. */
public final class SemaFixture {
    private SemaFixture() {}

    /** One listed person; born and aliases may be null. Items are numbered from 1 in list order. */
    public record Listed(String givenName, String lastName, String born, String aliases) {}

    /**
     * Writes the list to a file and imports it into a dataset as its next version.
     *
     * @param country the regime country, part of every entity id ({@code ca-sema-<country>-1-<item>})
     */
    public static DatasetVersion importList(StatementStore store, Path file, String dataset, String country, List<Listed> people)
            throws IOException {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<data-set>\n");
        int item = 1;
        for (Listed person : people) {
            xml.append("  <record>\n    <Country>").append(country).append("</Country>\n")
                    .append("    <LastName>").append(person.lastName()).append("</LastName>\n")
                    .append("    <GivenName>").append(person.givenName()).append("</GivenName>\n");
            if (person.born() != null) {
                xml.append("    <DateOfBirthOrShipBuildDate>").append(person.born()).append("</DateOfBirthOrShipBuildDate>\n");
            }
            if (person.aliases() != null) {
                xml.append("    <Aliases>").append(person.aliases()).append("</Aliases>\n");
            }
            xml.append("    <Schedule>1</Schedule>\n    <Item>").append(item++).append("</Item>\n")
                    .append("    <DateOfListing>2024-01-15</DateOfListing>\n  </record>\n");
        }
        Files.writeString(file, xml.append("</data-set>\n"));
        ConvergenceModel model = ConvergenceModel.standard();
        try (SemaXmlReader reader = new SemaXmlReader(file, dataset, model)) {
            return new Ingestor(store).run(new ImportRequest(dataset, file.toString(), Checksums.sha256(file), null), reader, false,
                    ImportProgress.NONE).version();
        }
    }
}

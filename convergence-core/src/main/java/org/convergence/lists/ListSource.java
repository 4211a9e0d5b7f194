package org.convergence.lists;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import org.convergence.ingest.Checksums;
import org.convergence.ingest.EntitySource;
import org.convergence.ingest.ImportProgress;
import org.convergence.ingest.ImportResult;
import org.convergence.ingest.Ingestor;
import org.convergence.lists.aspi.UnitrackerMispReader;
import org.convergence.lists.nro.NroHtmlReader;
import org.convergence.lists.ofac.OfacReaders;
import org.convergence.lists.sema.SemaXmlReader;
import org.convergence.lists.uk.UkSanctionsListReader;
import org.convergence.lists.un.UnConsolidatedXmlReader;
import org.convergence.lists.us.ConsolidatedScreeningListReader;
import org.convergence.lists.us.DeniedPersonsListReader;
import org.convergence.model.ConvergenceModel;
import org.convergence.store.ImportRequest;
import org.convergence.store.StatementStore;

/**
 * The official lists Convergence reads, each with its source id (also its dataset name), its title,
 * its official publication, and its reader.
 */
public enum ListSource {
    CA_SEMA("ca-sema", "Canada, Consolidated Autonomous Sanctions List (SEMA)", SemaXmlReader.SOURCE_URL, SemaXmlReader::new),
    UN_SC("un-sc", "United Nations Security Council Consolidated List", UnConsolidatedXmlReader.SOURCE_URL, UnConsolidatedXmlReader::new),
    US_OFAC_SDN("us-ofac-sdn", "United States, OFAC Specially Designated Nationals and Blocked Persons List (SDN)", OfacReaders.SDN_URL,
            OfacReaders::sdn),
    US_OFAC_CONS("us-ofac-cons", "United States, OFAC Consolidated Sanctions List (non-SDN)", OfacReaders.CONSOLIDATED_URL,
            OfacReaders::consolidated),
    GB_FCDO("gb-fcdo", "United Kingdom, UK Sanctions List (FCDO), summary", UkSanctionsListReader.SOURCE_URL, UkSanctionsListReader::new),
    US_CSL("us-csl", "United States, Consolidated Screening List (trade.gov)", ConsolidatedScreeningListReader.SOURCE_URL,
            ConsolidatedScreeningListReader::new),
    US_BIS_DPL("us-bis-dpl", "United States, BIS Denied Persons List", DeniedPersonsListReader.SOURCE_URL, DeniedPersonsListReader::new),
    CA_NRO("ca-nro", "Canada, Named Research Organizations (Policy on Sensitive Technology Research and Affiliations of Concern)",
            NroHtmlReader.SOURCE_URL, NroHtmlReader::new),
    ASPI_UNITRACKER("aspi-unitracker", "ASPI, China Defence Universities Tracker (MISP galaxy)", UnitrackerMispReader.SOURCE_URL,
            UnitrackerMispReader::new);

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

    /** Opens the reader of a file (or, for sources published as a set of files, a folder) of this list. */
    public EntitySource open(Path file, ConvergenceModel model) {
        return reader.open(file, id, model);
    }

    /** The import of a local file or folder of this list as its next version; the data date comes from the reader. */
    public ImportRequest request(Path file) {
        return new ImportRequest(id, file.toAbsolutePath().toString(), Checksums.sha256OfFileOrFolder(file), null);
    }

    /**
     * Imports a local file or folder of this list as one new dataset version, all or nothing; an
     * unchanged file makes no new version.
     */
    public ImportResult importInto(StatementStore store, Path file, ConvergenceModel model, boolean skipInvalid, ImportProgress progress) {
        ImportRequest request = request(file);
        try (EntitySource source = open(file, model)) {
            return new Ingestor(store).run(request, source, skipInvalid, progress);
        }
    }

    public static Optional<ListSource> byId(String id) {
        return Arrays.stream(values()).filter(source -> source.id.equals(id)).findFirst();
    }
}

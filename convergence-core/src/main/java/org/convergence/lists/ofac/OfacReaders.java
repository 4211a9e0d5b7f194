package org.convergence.lists.ofac;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.convergence.ConvergenceException;
import org.convergence.ErrorCategory;
import org.convergence.ingest.EntitySource;
import org.convergence.lists.ofac.OfacCsvReader.FileSet;
import org.convergence.model.ConvergenceModel;

/**
 * The readers of OFAC's two lists, each published as a legacy CSV set (a folder of four files) and
 * as an XML file of the SDN.XML schema: a folder is read as the CSV set, a file as the XML.
 */
public final class OfacReaders {
    /** OFAC's page of the SDN list's data files (SDN.CSV, ADD.CSV, ALT.CSV, SDN_COMMENTS.CSV, SDN.XML ...). */
    public static final String SDN_URL = "https://ofac.treasury.gov/specially-designated-nationals-list-data-formats-data-schemas";
    /** OFAC's page of the consolidated non-SDN list's data files (CONS_PRIM.CSV ..., CONSOLIDATED.XML). */
    public static final String CONSOLIDATED_URL = "https://ofac.treasury.gov/consolidated-sanctions-list-non-sdn-lists";

    private OfacReaders() {}

    /** The SDN list: a folder with sdn.csv, add.csv, alt.csv, sdn_comments.csv, or SDN.XML. */
    public static EntitySource sdn(Path path, String dataset, ConvergenceModel model) {
        return open(path, FileSet.SDN, dataset, model, SDN_URL);
    }

    /** The consolidated non-SDN list: a folder with cons_prim.csv, cons_add.csv, cons_alt.csv, cons_comments.csv, or CONSOLIDATED.XML. */
    public static EntitySource consolidated(Path path, String dataset, ConvergenceModel model) {
        return open(path, FileSet.CONSOLIDATED, dataset, model, CONSOLIDATED_URL);
    }

    private static EntitySource open(Path path, FileSet files, String dataset, ConvergenceModel model, String sourceUrl) {
        if (Files.isDirectory(path)) {
            return new OfacCsvReader(path, files, dataset, model, sourceUrl);
        }
        if (!Files.exists(path)) {
            throw new ConvergenceException(ErrorCategory.NOT_FOUND, path + ": no such file or folder");
        }
        if (path.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".csv")) {
            throw new ConvergenceException(ErrorCategory.INVALID_INPUT, path + ": one file of the CSV set; give the folder that holds "
                    + String.join(", ", files.all()) + " (or the XML file)");
        }
        return new OfacXmlReader(path, dataset, model, sourceUrl);
    }
}

package org.convergence.cli;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** The options of the commands that read a file of parties row by row ({@code screen}, {@code exposure}): one meaning each. */
final class RowFileOptions {
    @Option(names = "--column", paramLabel = "PROPERTY=COLUMN",
            description = "Map a column to an FtM property, e.g. --column name=full_name --column country=country; repeat for each. "
                    + "'id' names the row's reference, 'schema' a per-row schema. Default: guessed from common column names.")
    List<String> columns = new ArrayList<>();

    @Option(names = "--scope", defaultValue = "all", paramLabel = "DATASET", description = "A dataset to screen against, or all (default).")
    String scope;

    @Option(names = "--user", paramLabel = "NAME", description = "Who screens, for the audit log (default: $CONVERGENCE_USER, else the OS user).")
    String user;

    @Option(names = "--skip-invalid", description = "Report a malformed JSON line as a row error and go on, instead of stopping at it.")
    boolean skipInvalid;

    @Option(names = "--threads", paramLabel = "N", description = "Rows worked at once (default: the number of processors).")
    Integer threads;

    int threads() {
        return threads != null ? threads : Runtime.getRuntime().availableProcessors();
    }
}

package org.convergence.testing;

import java.nio.file.Path;
import org.convergence.ftm.FtmJsonReader;
import org.convergence.ingest.Checksums;
import org.convergence.ingest.ImportProgress;
import org.convergence.ingest.ImportResult;
import org.convergence.ingest.Ingestor;
import org.convergence.model.ConvergenceModel;
import org.convergence.store.ImportRequest;
import org.convergence.store.StatementStore;

/** Small helpers shared by store and import tests. */
public final class TestStores {
    private TestStores() {}

    public static ImportResult importFtm(StatementStore store, Path file, String dataset, boolean skipInvalid) {
        try (FtmJsonReader source = new FtmJsonReader(file, dataset, ConvergenceModel.standard())) {
            return new Ingestor(store).run(new ImportRequest(dataset, file.toString(), Checksums.sha256(file), null),
                    source, skipInvalid, ImportProgress.NONE);
        }
    }
}

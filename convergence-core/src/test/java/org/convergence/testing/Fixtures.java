package org.convergence.testing;

import java.net.URISyntaxException;
import java.nio.file.Path;
import org.convergence.evidence.EvidenceBase;
import org.convergence.evidence.EvidenceEntities;
import org.convergence.ingest.Checksums;
import org.convergence.ingest.EntityListSource;
import org.convergence.ingest.ImportProgress;
import org.convergence.ingest.Ingestor;
import org.convergence.model.ConvergenceModel;
import org.convergence.store.ImportRequest;
import org.convergence.store.StatementStore;

/** Hand-written fixtures under src/test/resources. */
public final class Fixtures {
    private Fixtures() {}

    /** A small evidence folder: two parties, two events (a 2015 sale with disagreeing claims, a 2018 exercise), two domains. */
    public static Path evidence() {
        // From another module the fixture sits in the core's test jar; read it from the source tree then.
        Path source = Path.of(System.getProperty("convergence.repository.root", "."), "convergence-core/src/test/resources/evidence-fixture");
        if (java.nio.file.Files.isDirectory(source)) {
            return source;
        }
        try {
            return Path.of(Fixtures.class.getResource("/evidence-fixture").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Loads an evidence folder (the fixture, or the repository's {@code evidence/}) into a store as the dataset {@code evidence}. */
    public static void importEvidence(StatementStore store, Path folder, ConvergenceModel model) {
        EvidenceBase evidence = EvidenceBase.read(folder);
        new Ingestor(store).run(new ImportRequest("evidence", folder.toString(), Checksums.sha256(evidence.files().toArray(Path[]::new)), null),
                new EntityListSource(EvidenceEntities.of(evidence, "evidence", model)), false, ImportProgress.NONE);
    }
}

package org.convergence.testing;

import java.net.URISyntaxException;
import java.nio.file.Path;

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
}

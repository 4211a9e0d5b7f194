package org.convergence.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The real snapshots in {@code ../shared/data}, read in place (never copied into the repository).
 * A test that needs one is skipped, with a message, on a machine that does not have it.
 */
public final class SharedData {
    private SharedData() {}

    public static Path root() {
        String repository = System.getProperty("convergence.repository.root", ".");
        return Path.of(repository).toAbsolutePath().normalize().resolve("../shared/data").normalize();
    }

    /** The file under ../shared/data; skips the calling test when it is absent. */
    public static Path require(String relative) {
        Path file = root().resolve(relative);
        assumeTrue(Files.exists(file), "shared test data not found: " + file);
        return file;
    }
}

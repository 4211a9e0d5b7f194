package org.convergence.server;

import java.nio.file.Path;
import org.convergence.model.ConvergenceModel;
import org.convergence.store.H2StatementStore;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

class H2ServerAccessTest extends ServerAccessTest {
    @TempDir
    static Path folder;

    @BeforeAll
    static void startOnH2() {
        start(new H2StatementStore(folder, ConvergenceModel.standard()));
    }
}

package org.convergence.store;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

class H2StatementStoreTest extends StatementStoreContract {
    @TempDir
    Path folder;

    @Override
    protected StatementStore openStore() {
        return new H2StatementStore(folder, model);
    }
}

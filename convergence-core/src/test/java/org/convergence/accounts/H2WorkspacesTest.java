package org.convergence.accounts;

import java.nio.file.Path;
import org.convergence.model.ConvergenceModel;
import org.convergence.store.H2StatementStore;
import org.convergence.store.StatementStore;
import org.junit.jupiter.api.io.TempDir;

class H2WorkspacesTest extends WorkspacesContract {
    @TempDir
    Path folder;

    @Override
    protected StatementStore openStore() {
        return new H2StatementStore(folder, ConvergenceModel.standard());
    }
}

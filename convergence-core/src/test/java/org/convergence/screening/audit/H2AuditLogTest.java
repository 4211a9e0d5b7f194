package org.convergence.screening.audit;

import java.nio.file.Path;
import org.convergence.model.ConvergenceModel;
import org.convergence.store.H2StatementStore;
import org.convergence.store.StatementStore;

class H2AuditLogTest extends AuditLogContract {
    @Override
    protected StatementStore openStore(Path folder) {
        return new H2StatementStore(folder.resolve("store"), ConvergenceModel.standard());
    }
}

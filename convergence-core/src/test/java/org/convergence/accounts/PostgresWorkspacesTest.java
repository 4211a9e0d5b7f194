package org.convergence.accounts;

import org.convergence.model.ConvergenceModel;
import org.convergence.store.StatementStore;
import org.convergence.testing.TestPostgres;

/** Workspaces on the PostgreSQL that {@code .ci/run} starts (skipped elsewhere without {@code CONVERGENCE_TEST_PG_URL}). */
class PostgresWorkspacesTest extends WorkspacesContract {
    @Override
    protected StatementStore openStore() {
        return TestPostgres.sharedStore(ConvergenceModel.standard());
    }
}

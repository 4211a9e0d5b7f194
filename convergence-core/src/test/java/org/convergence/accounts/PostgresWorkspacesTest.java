package org.convergence.accounts;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.convergence.model.ConvergenceModel;
import org.convergence.store.PostgresStatementStore;
import org.convergence.store.StatementStore;

/** Workspaces on the PostgreSQL that {@code .ci/run} starts (skipped elsewhere without {@code CONVERGENCE_TEST_PG_URL}). */
class PostgresWorkspacesTest extends WorkspacesContract {
    @Override
    protected StatementStore openStore() {
        String url = System.getenv("CONVERGENCE_TEST_PG_URL");
        if (url == null && "true".equals(System.getenv("CI"))) {
            fail("CONVERGENCE_TEST_PG_URL is not set: .ci/run must start PostgreSQL for the store tests");
        }
        assumeTrue(url != null, "CONVERGENCE_TEST_PG_URL not set: PostgreSQL workspaces tests skipped");
        return new PostgresStatementStore(url, System.getenv("CONVERGENCE_TEST_PG_USER"), System.getenv("CONVERGENCE_TEST_PG_PASSWORD"),
                ConvergenceModel.standard());
    }
}

package org.convergence.screening.audit;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import org.convergence.model.ConvergenceModel;
import org.convergence.store.PostgresStatementStore;
import org.convergence.store.StatementStore;

/**
 * The audit log on a real PostgreSQL server, named by {@code CONVERGENCE_TEST_PG_URL} (with
 * {@code CONVERGENCE_TEST_PG_USER} and {@code CONVERGENCE_TEST_PG_PASSWORD}); skipped without one,
 * except in CI, where a missing server is a failure.
 */
class PostgresAuditLogTest extends AuditLogContract {
    @Override
    protected StatementStore openStore(Path folder) {
        String url = System.getenv("CONVERGENCE_TEST_PG_URL");
        if (url == null && "true".equals(System.getenv("CI"))) {
            fail("CONVERGENCE_TEST_PG_URL is not set: .ci/run must start PostgreSQL for the audit log tests");
        }
        assumeTrue(url != null, "CONVERGENCE_TEST_PG_URL not set: PostgreSQL audit log tests skipped");
        return new PostgresStatementStore(url, System.getenv("CONVERGENCE_TEST_PG_USER"), System.getenv("CONVERGENCE_TEST_PG_PASSWORD"),
                ConvergenceModel.standard());
    }
}

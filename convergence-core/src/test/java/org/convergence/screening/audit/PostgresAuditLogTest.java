package org.convergence.screening.audit;

import java.nio.file.Path;
import org.convergence.model.ConvergenceModel;
import org.convergence.store.StatementStore;
import org.convergence.testing.TestPostgres;

/**
 * The audit log on a real PostgreSQL server, named by {@code CONVERGENCE_TEST_PG_URL} (with
 * {@code CONVERGENCE_TEST_PG_USER} and {@code CONVERGENCE_TEST_PG_PASSWORD}); skipped without one,
 * except in CI, where a missing server is a failure.
 */
class PostgresAuditLogTest extends AuditLogContract {
    @Override
    protected StatementStore openStore(Path folder) {
        return TestPostgres.sharedStore(ConvergenceModel.standard());
    }
}

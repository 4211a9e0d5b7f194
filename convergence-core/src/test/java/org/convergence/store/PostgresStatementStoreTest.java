package org.convergence.store;

import org.convergence.testing.TestPostgres;

/**
 * The store contract on a real PostgreSQL server, named by {@code CONVERGENCE_TEST_PG_URL} (with
 * {@code CONVERGENCE_TEST_PG_USER} and {@code CONVERGENCE_TEST_PG_PASSWORD}). {@code .ci/run} starts
 * one and sets them; in CI a missing server is a failure, elsewhere the tests are skipped.
 */
class PostgresStatementStoreTest extends StatementStoreContract {

    @Override
    protected StatementStore openStore() {
        return TestPostgres.sharedStore(model);
    }
}

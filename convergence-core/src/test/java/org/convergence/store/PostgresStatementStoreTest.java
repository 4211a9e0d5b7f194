package org.convergence.store;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The store contract on a real PostgreSQL server, named by {@code CONVERGENCE_TEST_PG_URL} (with
 * {@code CONVERGENCE_TEST_PG_USER} and {@code CONVERGENCE_TEST_PG_PASSWORD}). {@code .ci/run} starts
 * one and sets them; in CI a missing server is a failure, elsewhere the tests are skipped.
 */
class PostgresStatementStoreTest extends StatementStoreContract {

    @Override
    protected StatementStore openStore() {
        String url = System.getenv("CONVERGENCE_TEST_PG_URL");
        if (url == null && "true".equals(System.getenv("CI"))) {
            fail("CONVERGENCE_TEST_PG_URL is not set: .ci/run must start PostgreSQL for the store contract tests");
        }
        assumeTrue(url != null, "CONVERGENCE_TEST_PG_URL not set: PostgreSQL contract tests skipped");
        return new PostgresStatementStore(url, System.getenv("CONVERGENCE_TEST_PG_USER"), System.getenv("CONVERGENCE_TEST_PG_PASSWORD"), model);
    }
}

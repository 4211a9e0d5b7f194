package org.convergence.server;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.convergence.model.ConvergenceModel;
import org.convergence.store.PostgresStatementStore;
import org.junit.jupiter.api.BeforeAll;

/** The team server's access rules over the PostgreSQL that {@code .ci/run} starts (skipped elsewhere without {@code CONVERGENCE_TEST_PG_URL}). */
class PostgresServerAccessTest extends ServerAccessTest {
    @BeforeAll
    static void startOnPostgres() {
        String url = System.getenv("CONVERGENCE_TEST_PG_URL");
        if (url == null && "true".equals(System.getenv("CI"))) {
            fail("CONVERGENCE_TEST_PG_URL is not set: .ci/run must start PostgreSQL for the store tests");
        }
        assumeTrue(url != null, "CONVERGENCE_TEST_PG_URL not set: the PostgreSQL server access tests are skipped");
        start(new PostgresStatementStore(url, System.getenv("CONVERGENCE_TEST_PG_USER"), System.getenv("CONVERGENCE_TEST_PG_PASSWORD"),
                ConvergenceModel.standard()));
    }
}

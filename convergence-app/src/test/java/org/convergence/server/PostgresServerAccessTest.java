package org.convergence.server;

import org.convergence.model.ConvergenceModel;
import org.convergence.testing.TestPostgres;
import org.junit.jupiter.api.BeforeAll;

/** The team server's access rules over the PostgreSQL that {@code .ci/run} starts (skipped elsewhere without {@code CONVERGENCE_TEST_PG_URL}). */
class PostgresServerAccessTest extends ServerAccessTest {
    @BeforeAll
    static void startOnPostgres() {
        start(TestPostgres.sharedStore(ConvergenceModel.standard()));
    }
}

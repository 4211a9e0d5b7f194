package org.convergence.store;

import javax.sql.DataSource;
import org.convergence.testing.TestPostgres;

/** Stores of every earlier schema version on a real PostgreSQL server (see {@link TestPostgres}), each in a schema of its own. */
class PostgresSchemaMigrationTest extends SchemaMigrationContract {

    @Override
    protected EmptyDatabase emptyDatabase(String name) {
        TestPostgres schema = TestPostgres.freshSchema();
        return new EmptyDatabase() {
            @Override
            public DataSource dataSource() {
                return schema.dataSource();
            }

            @Override
            public StatementStore open() {
                return schema.open(model);
            }

            @Override
            public void close() {
                schema.close();
            }
        };
    }
}

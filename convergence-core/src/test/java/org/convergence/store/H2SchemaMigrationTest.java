package org.convergence.store;

import java.nio.file.Path;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;

class H2SchemaMigrationTest extends SchemaMigrationContract {

    @Override
    protected EmptyDatabase emptyDatabase(String name) {
        Path store = folder.resolve(name);
        return new EmptyDatabase() {
            @Override
            public DataSource dataSource() {
                // The database the embedded store opens in its folder, as its user.
                JdbcDataSource dataSource = new JdbcDataSource();
                dataSource.setURL("jdbc:h2:file:" + store.toAbsolutePath().resolve("convergence"));
                dataSource.setUser("sa");
                return dataSource;
            }

            @Override
            public StatementStore open() {
                return new H2StatementStore(store, model);
            }

            @Override
            public void close() {
                // The temporary folder goes with the test.
            }
        };
    }
}

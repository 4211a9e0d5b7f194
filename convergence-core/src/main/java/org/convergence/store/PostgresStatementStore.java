package org.convergence.store;

import com.zaxxer.hikari.HikariConfig;
import org.convergence.model.ConvergenceModel;

/** The store on a PostgreSQL server, for shared, multi-user deployments; same schema as H2. */
public final class PostgresStatementStore extends JdbcStatementStore {
    private final String url;

    public PostgresStatementStore(String jdbcUrl, String user, String password, ConvergenceModel model) {
        super(config(jdbcUrl, user, password), model, "check the JDBC URL, that the server runs, and the user and password");
        this.url = jdbcUrl;
    }

    private static HikariConfig config(String jdbcUrl, String user, String password) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(jdbcUrl);
        config.setUsername(user);
        config.setPassword(password);
        // Sends each batch as multi-row INSERTs: several times faster for imports.
        config.addDataSourceProperty("reWriteBatchedInserts", "true");
        // While the server is away, a request fails with a store error after this long instead of HikariCP's 30 s; the
        // pool checks a connection before lending it and opens new ones once the server is back.
        config.setConnectionTimeout(5_000);
        return config;
    }

    @Override
    public String location() {
        int query = url.indexOf('?');
        return (query < 0 ? url : url.substring(0, query)) + " (PostgreSQL)";
    }
}

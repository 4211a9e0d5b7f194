package org.convergence.testing;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.convergence.model.ConvergenceModel;
import org.convergence.store.PostgresStatementStore;
import org.convergence.store.StatementStore;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * An empty schema of its own on the PostgreSQL server named by {@code CONVERGENCE_TEST_PG_URL} (with
 * {@code CONVERGENCE_TEST_PG_USER} and {@code CONVERGENCE_TEST_PG_PASSWORD}), for tests that need an
 * empty store on a shared server; dropped on close. Skips the test without a server, except in CI,
 * where a missing server is a failure.
 */
public final class TestPostgres implements AutoCloseable {
    private final String serverUrl;
    private final String schema;

    private TestPostgres(String serverUrl, String schema) {
        this.serverUrl = serverUrl;
        this.schema = schema;
    }

    public static TestPostgres freshSchema() {
        TestPostgres postgres = new TestPostgres(serverUrl(), "t" + Long.toString(System.nanoTime(), 36));
        postgres.execute("CREATE SCHEMA " + postgres.schema);
        return postgres;
    }

    /**
     * The store on the shared server's own schema, where every test works in names of its own (datasets, accounts), so
     * that the server needs no cleaning.
     */
    public static StatementStore sharedStore(ConvergenceModel model) {
        return new PostgresStatementStore(serverUrl(), System.getenv("CONVERGENCE_TEST_PG_USER"), System.getenv("CONVERGENCE_TEST_PG_PASSWORD"), model);
    }

    /** The server's URL; the test is skipped without one, except in CI, where a missing server is a failure. */
    private static String serverUrl() {
        String url = System.getenv("CONVERGENCE_TEST_PG_URL");
        if (url == null && "true".equals(System.getenv("CI"))) {
            fail("CONVERGENCE_TEST_PG_URL is not set: .ci/run must start PostgreSQL for the PostgreSQL store tests");
        }
        assumeTrue(url != null, "CONVERGENCE_TEST_PG_URL not set: PostgreSQL tests skipped");
        return url;
    }

    /** The JDBC URL of the schema: its tables are the only ones the connections see unqualified. */
    public String url() {
        return serverUrl + (serverUrl.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    }

    /** The schema without the store's pool or migrations, for tests that set up the schema themselves. */
    public DataSource dataSource() {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setURL(url());
        dataSource.setUser(System.getenv("CONVERGENCE_TEST_PG_USER"));
        dataSource.setPassword(System.getenv("CONVERGENCE_TEST_PG_PASSWORD"));
        return dataSource;
    }

    /** The store in the schema, migrated to the latest version. */
    public StatementStore open(ConvergenceModel model) {
        return new PostgresStatementStore(url(), System.getenv("CONVERGENCE_TEST_PG_USER"), System.getenv("CONVERGENCE_TEST_PG_PASSWORD"), model);
    }

    @Override
    public void close() {
        execute("DROP SCHEMA " + schema + " CASCADE");
    }

    private void execute(String sql) {
        PGSimpleDataSource server = new PGSimpleDataSource();
        server.setURL(serverUrl);
        server.setUser(System.getenv("CONVERGENCE_TEST_PG_USER"));
        server.setPassword(System.getenv("CONVERGENCE_TEST_PG_PASSWORD"));
        try (Connection connection = server.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot run '" + sql + "' on " + serverUrl + ": " + e.getMessage(), e);
        }
    }
}

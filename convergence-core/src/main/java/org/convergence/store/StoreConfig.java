package org.convergence.store;

import java.nio.file.Path;
import java.util.Map;
import org.convergence.ConvergenceException;
import org.convergence.ErrorCategory;
import org.convergence.model.ConvergenceModel;

/**
 * Where the store is. The embedded H2 store in a folder is the default; a PostgreSQL JDBC URL selects
 * the server store.
 *
 * <p>From the environment: {@code CONVERGENCE_DB_URL} (a {@code jdbc:postgresql:} URL),
 * {@code CONVERGENCE_DB_USER}, {@code CONVERGENCE_DB_PASSWORD}, and {@code CONVERGENCE_DATA} (the
 * H2 folder, default {@code ./data}). Command-line options override the environment.
 *
 * @param dataFolder the H2 folder (used when jdbcUrl is null)
 * @param jdbcUrl a PostgreSQL JDBC URL, or null for H2
 * @param user the database user (PostgreSQL)
 * @param password the database password (PostgreSQL)
 */
public record StoreConfig(Path dataFolder, String jdbcUrl, String user, String password) {

    public static StoreConfig fromEnvironment(Map<String, String> environment, Path dataOption, String urlOption) {
        Path folder = dataOption != null ? dataOption : Path.of(environment.getOrDefault("CONVERGENCE_DATA", "data"));
        String url = urlOption != null ? urlOption : environment.get("CONVERGENCE_DB_URL");
        return new StoreConfig(folder, url == null || url.isBlank() ? null : url,
                environment.get("CONVERGENCE_DB_USER"), environment.get("CONVERGENCE_DB_PASSWORD"));
    }

    public static StoreConfig embedded(Path folder) {
        return new StoreConfig(folder, null, null, null);
    }

    /** Opens (and if needed creates and migrates) the store, for a command that may write. */
    public StatementStore open(ConvergenceModel model) {
        return jdbcUrl == null ? new H2StatementStore(dataFolder, model) : server(model);
    }

    /** Opens the store for a command that only reads: the embedded store also while {@code convergence serve} has it open. */
    public StatementStore openForReading(ConvergenceModel model) {
        return jdbcUrl == null ? H2StatementStore.forReading(dataFolder, model) : server(model);
    }

    /** Opens the store for {@code convergence serve}, which shares the embedded store with commands that only read. */
    public StatementStore openForServing(ConvergenceModel model) {
        return jdbcUrl == null ? H2StatementStore.forServing(dataFolder, model) : server(model);
    }

    private StatementStore server(ConvergenceModel model) {
        if (jdbcUrl.startsWith("jdbc:postgresql:")) {
            return new PostgresStatementStore(jdbcUrl, user, password, model);
        }
        throw new ConvergenceException(ErrorCategory.INVALID_INPUT, "unsupported store URL '" + jdbcUrl
                + "': expected jdbc:postgresql://HOST:PORT/DATABASE, or no URL for the embedded store in --data");
    }
}

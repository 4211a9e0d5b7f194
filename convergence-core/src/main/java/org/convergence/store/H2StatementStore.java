package org.convergence.store;

import com.zaxxer.hikari.HikariConfig;
import java.nio.file.Path;
import org.convergence.model.ConvergenceModel;

/**
 * The embedded default store: an H2 database in a folder (by default {@code ./data}); no server.
 * H2 writes a transaction's changes with an undo log, so a process killed in the middle of an import
 * leaves, on the next open, the store as it was before the import.
 */
public final class H2StatementStore extends JdbcStatementStore {
    private final Path folder;

    public H2StatementStore(Path folder, ConvergenceModel model) {
        super(config(folder), model, "is another convergence process using this folder? Stop it or use --data DIR");
        this.folder = folder.toAbsolutePath().normalize();
    }

    private static HikariConfig config(Path folder) {
        HikariConfig config = new HikariConfig();
        Path database = folder.toAbsolutePath().normalize().resolve("convergence");
        // The pool keeps the database open while the store is; closing the store closes the database.
        config.setJdbcUrl("jdbc:h2:file:" + database + ";DB_CLOSE_ON_EXIT=FALSE");
        config.setUsername("sa");
        config.setPassword("");
        return config;
    }

    @Override
    public String location() {
        return folder.toString() + " (embedded H2)";
    }
}

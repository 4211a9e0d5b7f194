package org.convergence.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Optional;
import org.convergence.ConvergenceException;
import org.convergence.ErrorCategory;
import org.convergence.model.ConvergenceModel;
import org.h2.api.ErrorCode;

/**
 * The embedded default store: an H2 database in a folder (by default {@code ./data}); no server.
 * H2 writes a transaction's changes with an undo log, so a process killed in the middle of an import
 * leaves, on the next open, the store as it was before the import.
 *
 * <p>One process at a time has the database open: H2 locks its file. The exception is
 * {@code convergence serve}, which opens it {@linkplain #forServing for serving} and lets commands that
 * only read connect to it through a {@link StoreShare} ({@link #forReading}).
 */
public final class H2StatementStore extends JdbcStatementStore {
    static {
        // H2 reads this once, when it loads, as the address its TCP server (the share) listens on: loopback, so that
        // no other machine can reach the store. Set before this class first opens a database.
        if (System.getProperty("h2.bindAddress") == null) {
            System.setProperty("h2.bindAddress", "127.0.0.1");
        }
    }

    private final Path folder;
    private final String access;
    private StoreShare share;

    /** Opens the store for this process alone, and if needed creates and migrates it. */
    public H2StatementStore(Path folder, ConvergenceModel model) {
        this(folder, model, openEmbedded(folder), true, "embedded H2");
    }

    /** @param access how this process has the store, for {@link #location()} */
    private H2StatementStore(Path folder, ConvergenceModel model, HikariDataSource dataSource, boolean migrate, String access) {
        super(dataSource, model, migrate);
        this.folder = folder.toAbsolutePath().normalize();
        this.access = access;
    }

    /**
     * Opens the store for a command that only reads: as {@link #H2StatementStore(Path, ConvergenceModel)}, or, while
     * {@code convergence serve} has it open, through that server's share.
     *
     * @throws ConvergenceException STORE when another process that does not share has the store open
     */
    public static H2StatementStore forReading(Path folder, ConvergenceModel model) {
        try {
            return new H2StatementStore(folder, model);
        } catch (InUseException e) {
            Optional<StoreShare.Address> address = StoreShare.find(folder);
            if (address.isEmpty()) {
                throw e;
            }
            HikariDataSource pool;
            try {
                pool = pool(address.get().config());
            } catch (RuntimeException notReached) {
                throw new InUseException(folder, notReached, "; its share did not answer (" + rootMessage(notReached) + ")");
            }
            // The serving process has migrated the schema; a reader leaves it as it is.
            return new H2StatementStore(folder, model, pool, false,
                    "embedded H2, read through convergence serve, process " + address.get().pid());
        }
    }

    /**
     * Opens the store for {@code convergence serve}: for this process, and shared with commands on this machine
     * that only read ({@link StoreShare}).
     */
    public static H2StatementStore forServing(Path folder, ConvergenceModel model) {
        H2StatementStore store = new H2StatementStore(folder, model);
        try {
            store.share = StoreShare.start(folder, database(folder));
            return store;
        } catch (RuntimeException e) {
            store.close();
            throw e;
        }
    }

    private static HikariDataSource openEmbedded(Path folder) {
        HikariConfig config = new HikariConfig();
        // The pool keeps the database open while the store is; closing the store closes the database.
        // WRITE_DELAY=0 writes each commit to the file before the commit returns: with H2's default, commits wait in
        // memory for a background writer, and a process killed meanwhile loses decisions it had acknowledged
        // (KillDuringDecisionsTest).
        config.setJdbcUrl("jdbc:h2:file:" + database(folder) + ";DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0");
        config.setUsername("sa");
        config.setPassword("");
        try {
            HikariDataSource pool = pool(config);
            // This process has the file: a share left by a serving process that was killed names a server that is gone.
            StoreShare.removeStale(folder);
            return pool;
        } catch (RuntimeException e) {
            if (isInUse(e)) {
                throw new InUseException(folder, e, "");
            }
            throw new ConvergenceException(ErrorCategory.STORE, "cannot open the store in " + folder.toAbsolutePath().normalize() + ": "
                    + rootMessage(e) + " [Hint: check that the folder can be written]", e);
        }
    }

    static Path database(Path folder) {
        return folder.toAbsolutePath().normalize().resolve("convergence");
    }

    private static boolean isInUse(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && sql.getErrorCode() == ErrorCode.DATABASE_ALREADY_OPEN_1) {
                return true;
            }
        }
        return false;
    }

    @Override
    public String location() {
        return folder + " (" + access + (share == null ? "" : ", shared with read-only commands") + ")";
    }

    @Override
    public void close() {
        // The share goes first: its sessions would otherwise keep the database open after the pool has closed.
        if (share != null) {
            share.close();
        }
        super.close();
    }

    /** The store's folder is open in another process, which does not share it with this one. */
    private static final class InUseException extends ConvergenceException {
        InUseException(Path folder, Throwable cause, String more) {
            super(ErrorCategory.STORE, "the store in " + folder.toAbsolutePath().normalize() + " is in use by another process: "
                    + StoreShare.holder(folder) + more + ". Stop that process and run this command again, or give another folder with"
                    + " --data DIR. While `convergence serve` runs, the commands that only read (status, lists, audit export, export)"
                    + " work beside it", cause);
        }
    }
}

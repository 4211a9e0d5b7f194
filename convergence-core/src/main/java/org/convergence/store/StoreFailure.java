package org.convergence.store;

import java.io.IOException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.Optional;
import org.convergence.ConvergenceException;
import org.convergence.ErrorCategory;

/**
 * A failed database call as a store error that says what to do when the cause is one a user can act on: the
 * database does not answer (a server restarted or stopped), or it has no room to write. For every capability that
 * keeps tables in the store's database.
 */
public final class StoreFailure {
    private StoreFailure() {}

    /**
     * @param action what could not be done, as in "cannot ACTION"
     * @param location the store, as {@link StatementStore#location()} says it
     */
    public static ConvergenceException of(String action, SQLException e, String location) {
        Optional<String> noRoom = noRoom(e);
        if (noRoom.isPresent()) {
            return new ConvergenceException(ErrorCategory.STORE, "cannot " + action + ": no room to write the store in " + location + " ("
                    + noRoom.get() + "): free space on its disk and run the command again; what was not committed is not in the store", e);
        }
        if (isConnectionLost(e)) {
            return new ConvergenceException(ErrorCategory.STORE, "cannot " + action + ": the store at " + location + " does not answer ("
                    + e.getMessage() + "): check that its database server runs, then try again; the server reconnects by itself", e);
        }
        return new ConvergenceException(ErrorCategory.STORE, "cannot " + action + ": " + e.getMessage(), e);
    }

    /**
     * Why the database could not write for want of room, if that is the cause: a full disk or quota, or a file size limit
     * (which H2 reports as an I/O error deep in its causes), or PostgreSQL's disk_full (SQLSTATE 53100).
     */
    private static Optional<String> noRoom(SQLException e) {
        if ("53100".equals(e.getSQLState())) {
            return Optional.of(e.getMessage());
        }
        // An SQLException iterates over its chained exceptions and their causes: a failed batch keeps the failure in the chain.
        for (Throwable cause : e) {
            String message = cause.getMessage();
            if (cause instanceof IOException && message != null && (message.contains("No space left on device")
                    || message.contains("Disk quota exceeded") || message.contains("File too large"))) {
                return Optional.of(message);
            }
        }
        return Optional.empty();
    }

    /**
     * The connection was lost or none could be made: SQLSTATE class 08 (connection exception), 57P01 to 57P03 (PostgreSQL
     * shutting down or starting), or the pool's timeout waiting for a connection.
     */
    private static boolean isConnectionLost(SQLException e) {
        String state = e.getSQLState();
        return e instanceof SQLTransientConnectionException || state != null && (state.startsWith("08") || state.startsWith("57P"));
    }
}

package org.convergence.accounts;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.convergence.ConvergenceException;
import org.convergence.ErrorCategory;

/** One unit of work on the accounts' tables: a connection in one transaction, rolled back on any failure. */
final class Transactions {
    private Transactions() {}

    @FunctionalInterface
    interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    /**
     * @param action what the work does, for the error ("add the account ana")
     * @throws ConvergenceException STORE when the database fails; whatever the work throws otherwise
     */
    static <T> T run(DataSource dataSource, String action, Work<T> work) {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                T result = work.run(connection);
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new ConvergenceException(ErrorCategory.STORE, "cannot " + action + ": " + e.getMessage(), e);
        }
    }
}

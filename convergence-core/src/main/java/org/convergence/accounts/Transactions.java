package org.convergence.accounts;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.convergence.ConvergenceException;
import org.convergence.store.StatementStore;
import org.convergence.store.StoreFailure;

/** Units of work on the accounts' tables in a store: each a connection in one transaction, rolled back on any failure. */
final class Transactions {
    private final DataSource dataSource;
    private final String location;

    Transactions(StatementStore store) {
        this.dataSource = store.dataSource();
        this.location = store.location();
    }

    @FunctionalInterface
    interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    /**
     * @param action what the work does, for the error ("add the account ana")
     * @throws ConvergenceException STORE when the database fails, saying what to do when it does not answer or has no room;
     *     whatever the work throws otherwise
     */
    <T> T run(String action, Work<T> work) {
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
            throw StoreFailure.of(action, e, location);
        }
    }
}

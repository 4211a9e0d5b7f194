package org.convergence.cli;

import java.nio.file.Path;
import org.convergence.model.ConvergenceModel;
import org.convergence.screening.audit.AuditLog;
import org.convergence.screening.audit.Requester;
import org.convergence.screening.audit.Decision;
import org.convergence.store.H2StatementStore;
import org.convergence.store.StatementStore;

/**
 * Records decisions on one result, one after another on a store kept open (as the server keeps it), and prints
 * {@code decided N} once decision N is acknowledged; runs until it is killed.
 * Arguments: the data folder, the request id and the entity id.
 */
final class DecisionsUntilKilled {
    private DecisionsUntilKilled() {}

    public static void main(String[] args) {
        try (StatementStore store = new H2StatementStore(Path.of(args[0]), ConvergenceModel.standard())) {
            AuditLog audit = AuditLog.of(store);
            for (int n = 0; ; n++) {
                audit.decide(Long.parseLong(args[1]), args[2], decision(n), Requester.outsideWorkspaces("analyst-" + n), comment(n));
                System.out.println("decided " + n);
                System.out.flush();
            }
        }
    }

    static Decision decision(int n) {
        return n % 2 == 0 ? Decision.FALSE_POSITIVE : Decision.TRUE_MATCH;
    }

    /** A comment long enough that a record cut short would show. */
    static String comment(int n) {
        return ("decision " + n + " ").repeat(40).strip();
    }
}

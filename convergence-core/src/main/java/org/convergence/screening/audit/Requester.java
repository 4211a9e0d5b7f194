package org.convergence.screening.audit;

import org.convergence.ConvergenceException;
import org.convergence.ErrorCategory;

/**
 * Who asks for a screening, as the audit log records it: the user, and the workspace the request is made in. A false
 * positive decided in a workspace suppresses results for requests of that workspace only.
 *
 * @param user who asks: an account's name, or whoever runs the command line
 * @param workspace the workspace of the request; null outside any (the command line, a server without accounts, an
 *     account in no workspace)
 */
public record Requester(String user, String workspace) {
    /** The longest user name kept, as in the schema. */
    private static final int MAX_USER = 256;

    /**
     * @throws ConvergenceException INVALID_INPUT for a blank or over-long user
     */
    public Requester {
        if (user == null || user.isBlank()) {
            throw new ConvergenceException(ErrorCategory.INVALID_INPUT,
                    "no user name for the audit log: give --user NAME or set CONVERGENCE_USER");
        }
        if (user.length() > MAX_USER) {
            throw new ConvergenceException(ErrorCategory.INVALID_INPUT, "the user name has " + user.length() + " characters; at most " + MAX_USER);
        }
    }

    /** Someone outside any workspace: the command line, or a server without accounts. */
    public static Requester outsideWorkspaces(String user) {
        return new Requester(user, null);
    }

    /** As the heads of reports show it: {@code ana}, or {@code ana (workspace compliance)}. */
    public String describe() {
        return workspace == null ? user : user + " (workspace " + workspace + ")";
    }
}

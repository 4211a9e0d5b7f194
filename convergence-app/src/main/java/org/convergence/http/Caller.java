package org.convergence.http;

import io.javalin.http.Context;
import java.util.List;
import org.convergence.accounts.Role;
import org.convergence.screening.audit.Requester;

/**
 * Who makes a request, resolved once for every request by {@link Authentication} and read by the routes: the
 * name the audit trail records, the role, the workspace the caller works in, and for a browser session the token its
 * forms must carry.
 *
 * @param user the account's name; the server's own user when the server runs without accounts; empty when unknown
 * @param role what the caller may do; null when nobody is signed in
 * @param how how the caller was recognised
 * @param formToken the token a session's forms carry (CSRF); null for callers without a session
 * @param workspace the workspace the caller works in: the session's choice among its account's, or the one a key is
 *     bound to; null outside any (no accounts, an account in no workspace, a key bound to none)
 * @param workspaces the workspaces a session may switch to, by name; empty for other callers
 */
public record Caller(String user, Role role, How how, String formToken, String workspace, List<String> workspaces) {
    public Caller {
        workspaces = List.copyOf(workspaces);
    }

    /** How a caller was recognised. */
    public enum How {
        /** A workbench session, by its cookie. */
        SESSION,
        /** A program, by {@code Authorization: Bearer KEY}. */
        API_KEY,
        /** A server with no accounts, reached from this machine only: whoever runs it. */
        LOCAL,
        /** Nobody signed in (public routes only). */
        ANONYMOUS
    }

    private static final String ATTRIBUTE = Caller.class.getName();
    static final Caller ANONYMOUS = new Caller("", null, How.ANONYMOUS, null, null, List.of());

    /** The caller of the request, as the authentication filter resolved it. */
    public static Caller of(Context ctx) {
        Caller caller = ctx.attribute(ATTRIBUTE);
        if (caller == null) {
            throw new IllegalStateException(ctx.method() + " " + ctx.path() + " ran without the authentication filter");
        }
        return caller;
    }

    void attachTo(Context ctx) {
        ctx.attribute(ATTRIBUTE, this);
    }

    /**
     * Who asks, as the audit trail records a screening: the user and the workspace.
     *
     * @throws org.convergence.ConvergenceException INVALID_INPUT for nobody signed in
     */
    public Requester requester() {
        return new Requester(user, workspace);
    }

    /** True for a person signed in to the workbench, who can sign out. */
    public boolean signedIn() {
        return how == How.SESSION;
    }
}

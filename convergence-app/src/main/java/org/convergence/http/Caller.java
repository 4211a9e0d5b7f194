package org.convergence.http;

import io.javalin.http.Context;
import org.convergence.accounts.Role;

/**
 * Who makes a request, resolved once for every request by {@link Authentication} and read by the routes: the
 * name the audit trail records, the role, and for a browser session the token its forms must carry.
 *
 * @param user the account's name; the server's own user when the server runs without accounts; empty when unknown
 * @param role what the caller may do; null when nobody is signed in
 * @param how how the caller was recognised
 * @param formToken the token a session's forms carry (CSRF); null for callers without a session
 */
public record Caller(String user, Role role, How how, String formToken) {
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
    static final Caller ANONYMOUS = new Caller("", null, How.ANONYMOUS, null);

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

    /** True for a person signed in to the workbench, who can sign out. */
    public boolean signedIn() {
        return how == How.SESSION;
    }
}

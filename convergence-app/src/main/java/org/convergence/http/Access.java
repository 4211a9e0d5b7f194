package org.convergence.http;

import io.javalin.security.RouteRole;
import org.convergence.accounts.Role;

/**
 * What a route asks of whoever calls it, declared where the route is registered: every route declares exactly one, and
 * {@link Authentication} enforces it before the route runs (a test walks every route, so none can be left without).
 */
public enum Access implements RouteRole {
    /** Anyone, signed in or not: the health check, the login page, the style sheet. */
    PUBLIC(null),
    /** Reading: pages, search, entities, the exposure graph. */
    VIEWER(Role.VIEWER),
    /** Screening, decisions, exposure checks: what writes the audit trail. */
    ANALYST(Role.ANALYST),
    /** Managing the deployment. */
    ADMIN(Role.ADMIN);

    private final Role role;

    Access(Role role) {
        this.role = role;
    }

    /** True when a caller of this role may call the route. */
    boolean allows(Role callerRole) {
        return role == null || (callerRole != null && callerRole.includes(role));
    }

    /** The least role that may call the route; null for a public one. */
    public Role role() {
        return role;
    }
}

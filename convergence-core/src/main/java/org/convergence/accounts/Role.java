package org.convergence.accounts;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import org.convergence.ConvergenceException;
import org.convergence.ErrorCategory;

/**
 * What an account may do, each role including the ones before it: a viewer reads; an analyst also screens,
 * records decisions and checks exposure; an admin also imports lists and manages accounts.
 */
public enum Role {
    VIEWER, ANALYST, ADMIN;

    /** True when this role may do what {@code needed} may. */
    public boolean includes(Role needed) {
        return compareTo(needed) >= 0;
    }

    /** The role's name as written on the command line and in the store. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The role written as {@code viewer}, {@code analyst} or {@code admin}.
     *
     * @throws ConvergenceException INVALID_INPUT naming the roles there are
     */
    public static Role parse(String text) {
        for (Role role : values()) {
            if (role.label().equals(text == null ? "" : text.strip().toLowerCase(Locale.ROOT))) {
                return role;
            }
        }
        throw new ConvergenceException(ErrorCategory.INVALID_INPUT, "no role '" + text + "': the roles are "
                + Arrays.stream(values()).map(Role::label).collect(Collectors.joining(", ")));
    }
}

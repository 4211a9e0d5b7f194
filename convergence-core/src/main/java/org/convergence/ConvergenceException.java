package org.convergence;

import static java.util.Objects.requireNonNull;

/**
 * The root of every error that Convergence reports to a user. Its {@link ErrorCategory} decides the
 * command-line exit code and, later, the HTTP status, in one place each.
 */
public class ConvergenceException extends RuntimeException {
    private final ErrorCategory category;

    public ConvergenceException(ErrorCategory category, String message) {
        super(message);
        this.category = requireNonNull(category, "category is null");
    }

    public ConvergenceException(ErrorCategory category, String message, Throwable cause) {
        super(message, cause);
        this.category = requireNonNull(category, "category is null");
    }

    public ErrorCategory category() {
        return category;
    }
}

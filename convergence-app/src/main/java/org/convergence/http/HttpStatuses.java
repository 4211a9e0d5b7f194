package org.convergence.http;

import org.convergence.ErrorCategory;

/** The HTTP status of each error category, in one place for the API and the workbench (the command line's exit codes are in {@link ErrorCategory}). */
public final class HttpStatuses {
    private HttpStatuses() {}

    public static int of(ErrorCategory category) {
        return switch (category) {
            case INVALID_INPUT -> 400;
            case NOT_FOUND -> 404;
            case STORE, UNAVAILABLE -> 503;
            case INTERNAL -> 500;
        };
    }
}

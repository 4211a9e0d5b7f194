package org.convergence;

/** What kind of failure an error is; each category has its own exit code. */
public enum ErrorCategory {
    /** The input (a file, a record, an argument) is not what was expected. The user can fix it. */
    INVALID_INPUT(3),
    /** Something the user named (a dataset, an entity, a file) does not exist. */
    NOT_FOUND(4),
    /** The store could not be opened, migrated, read or written. */
    STORE(5),
    /** A remote publication could not be reached or did not answer properly; retrying later may work. */
    UNAVAILABLE(6),
    /** A fault in Convergence itself. */
    INTERNAL(1);

    private final int exitCode;

    ErrorCategory(int exitCode) {
        this.exitCode = exitCode;
    }

    public int exitCode() {
        return exitCode;
    }
}

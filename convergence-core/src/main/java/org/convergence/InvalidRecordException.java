package org.convergence;

import org.convergence.ConvergenceException;
import org.convergence.ErrorCategory;

/**
 * One record of a source is invalid, and the source can go on after it. The message names the
 * file, the record (line number or record id), the field, and what was expected.
 */
public final class InvalidRecordException extends ConvergenceException {
    private final String location;
    private final String problem;

    public InvalidRecordException(String location, String problem) {
        super(ErrorCategory.INVALID_INPUT, location + ": " + problem);
        this.location = location;
        this.problem = problem;
    }

    public InvalidRecordException(String location, String problem, Throwable cause) {
        super(ErrorCategory.INVALID_INPUT, location + ": " + problem, cause);
        this.location = location;
        this.problem = problem;
    }

    /** Where: file and line or record, e.g. {@code entities.json:12}. */
    public String location() {
        return location;
    }

    /** What was wrong and what was expected. */
    public String problem() {
        return problem;
    }
}

package org.convergence.screening.audit;

import java.util.Arrays;
import org.convergence.ConvergenceException;
import org.convergence.ErrorCategory;

/** An analyst's decision on a screening result. */
public enum Decision {
    /** The queried party is the listed entity. */
    TRUE_MATCH("true-match"),
    /** The queried party is not the listed entity: do not raise it again for the same query while the entity is unchanged. */
    FALSE_POSITIVE("false-positive");

    private final String label;

    Decision(String label) {
        this.label = label;
    }

    /** As written in the log, exports and on the command line: {@code true-match}, {@code false-positive}. */
    public String label() {
        return label;
    }

    /** @throws ConvergenceException INVALID_INPUT for anything but a decision's label */
    public static Decision parse(String text) {
        return Arrays.stream(values()).filter(decision -> decision.label.equals(text)).findFirst()
                .orElseThrow(() -> new ConvergenceException(ErrorCategory.INVALID_INPUT,
                        "unknown decision '" + text + "': expected true-match or false-positive"));
    }
}

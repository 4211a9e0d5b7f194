package org.convergence.screening.batch;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import org.convergence.screening.audit.AuditedResult;
import org.convergence.screening.audit.AuditedScreener;

/**
 * What became of one input row: screened (with the audit log's answer), or not, and why.
 *
 * @param row the row as read
 * @param screening the answer, or null when the row was not screened
 * @param error why the row was not screened (unreadable, or the query rejected), or null
 */
public record RowOutcome(BatchRow row, AuditedScreener.Screening screening, String error) {
    public RowOutcome {
        requireNonNull(row, "row is null");
    }

    /** The results raised: known false positives left out. */
    public List<AuditedResult> hits() {
        return screening == null ? List.of() : screening.raised();
    }

    public int suppressed() {
        return screening == null ? 0 : screening.suppressedCount();
    }

    /** Everything to tell about the row besides its hits: the error, what was left out of the query, known false positives. */
    public List<String> notes() {
        List<String> notes = new ArrayList<>();
        if (error != null) {
            notes.add("not screened: " + error);
        }
        notes.addAll(row.notes());
        if (suppressed() > 0) {
            notes.add(suppressed() + (suppressed() == 1 ? " known false positive" : " known false positives") + " not raised again");
        }
        return notes;
    }
}

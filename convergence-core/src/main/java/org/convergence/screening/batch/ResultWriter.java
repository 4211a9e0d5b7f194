package org.convergence.screening.batch;

/**
 * An output of a batch run, written as rows are screened, in input order. The caller owns and closes
 * the underlying stream. Implementations are used from one thread.
 */
public interface ResultWriter {
    /** Before the first row. */
    void start(BatchContext context);

    void write(RowOutcome outcome);

    /** After the last row: the totals, then everything flushed. */
    void finish(BatchSummary summary);
}

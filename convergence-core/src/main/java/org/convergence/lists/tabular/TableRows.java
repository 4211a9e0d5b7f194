package org.convergence.lists.tabular;

/**
 * The rows of a table file in file order, the header row included. Implementations report a file
 * that cannot be read further as a {@link org.convergence.ConvergenceException} (INVALID_INPUT)
 * naming the file and line or row; a single malformed row as an
 * {@link org.convergence.ingest.InvalidRecordException}, after which reading can go on.
 */
public interface TableRows extends AutoCloseable {

    /** The next row, or null at the end of the table. */
    TableRow next();

    @Override
    void close();
}

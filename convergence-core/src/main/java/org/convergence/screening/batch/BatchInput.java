package org.convergence.screening.batch;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.convergence.ConvergenceException;
import org.convergence.ErrorCategory;
import org.convergence.model.ConvergenceModel;

/**
 * A file of parties to screen, read one row at a time (memory stays flat whatever the file's size).
 * Not thread-safe: one reader drives it.
 */
public sealed interface BatchInput extends AutoCloseable permits CsvInput, JsonLinesInput {

    /** The input formats. */
    enum Format {
        /** Comma-separated, UTF-8, with a header row; quoted cells may span lines. */
        CSV,
        /** One JSON object per line: FtM-style {@code {"schema", "properties"}} or flat {@code {"full_name": ...}}. */
        JSONL;

        /** The format a file name suggests. @throws ConvergenceException INVALID_INPUT when the name suggests none */
        public static Format of(Path file) {
            String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
            if (name.endsWith(".csv")) {
                return CSV;
            }
            if (name.endsWith(".jsonl") || name.endsWith(".ndjson") || name.endsWith(".json")) {
                return JSONL;
            }
            throw new ConvergenceException(ErrorCategory.INVALID_INPUT,
                    "cannot tell the format of " + file.getFileName() + " from its name: give --format csv or --format jsonl");
        }
    }

    /**
     * Opens a file.
     *
     * @param columns the column mapping as {@code property=column} specifications; empty to guess from common column names
     * @param schema the schema of every row (unless a column gives one per row), or null to choose from the mapping
     * @param skipInvalid report a malformed line as a row error and go on, instead of stopping
     * @throws ConvergenceException NOT_FOUND for a missing file; INVALID_INPUT for a mapping that names a column the
     *     file lacks, a property the schema lacks, or no name or identifier
     */
    static BatchInput open(Path file, Format format, List<String> columns, String schema, boolean skipInvalid, ConvergenceModel model) {
        ColumnMapping mapping = columns.isEmpty() ? null : ColumnMapping.parse(columns);
        return switch (format) {
            case CSV -> new CsvInput(file, mapping, schema, model);
            case JSONL -> new JsonLinesInput(file, mapping, schema, skipInvalid, model);
        };
    }

    /** The next row, or null at the end. @throws ConvergenceException INVALID_INPUT for a malformed line, naming it */
    BatchRow next();

    /** Bytes read so far (for progress). */
    long position();

    /** The file's size in bytes. */
    long size();

    /** How columns become properties, for people: "mapping name=full_name, birthDate=date_of_birth; schema Person". */
    String describe();

    @Override
    void close();
}

package org.convergence;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.dataformat.csv.CsvGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * CSV as Convergence writes it (RFC 4180, by Jackson), one row at a time, every text cell made safe
 * for spreadsheets: the one home of CSV output, for batch results, exposure findings and the audit
 * export alike. Not thread-safe.
 */
public final class CsvRows implements AutoCloseable {
    /** Quotes a cell only when RFC 4180 needs it (a comma, a quote or a line break), as readers of the downloads expect. */
    private static final CsvMapper CSV = CsvMapper.builder().disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET)
            .enable(CsvGenerator.Feature.STRICT_CHECK_FOR_QUOTING).build();
    /** A cell that is a number, which a spreadsheet may read as one: "-0.5" stays as it is. */
    private static final Pattern NUMBER = Pattern.compile("[-+]?\\d+(\\.\\d+)?([eE][-+]?\\d+)?");

    private final Writer out;
    private final SequenceWriter csv;
    private final String what;

    private CsvRows(Writer out, SequenceWriter csv, String what) {
        this.out = out;
        this.csv = csv;
        this.what = what;
    }

    /**
     * Starts a CSV with its header row.
     *
     * @param what what is written, for the message of a failed write ("the CSV results")
     * @throws UncheckedIOException when the header cannot be written
     */
    public static CsvRows start(Writer out, List<String> header, String what) {
        try {
            CsvRows rows = new CsvRows(out, CSV.writer().without(SerializationFeature.FLUSH_AFTER_WRITE_VALUE).writeValues(out), what);
            rows.csv.write(header);
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + what + ": " + e.getMessage(), e);
        }
    }

    /** A whole table, header first, as one string: for the small tables of a page or a command's answer. */
    public static String table(List<String> header, List<List<String>> rows) {
        StringWriter out = new StringWriter();
        try (CsvRows csv = start(out, header, "a CSV table")) {
            rows.forEach(csv::write);
        }
        return out.toString();
    }

    /** Writes a row; each cell through {@link #safe}. @throws UncheckedIOException when it cannot be written */
    public void write(List<String> cells) {
        List<String> safe = new ArrayList<>(cells.size());
        cells.forEach(cell -> safe.add(safe(cell)));
        try {
            csv.write(safe);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + what + ": " + e.getMessage(), e);
        }
    }

    /**
     * A cell a spreadsheet will not run: one that begins with {@code = + - @}, a tab or a carriage
     * return (a formula, as OWASP's CSV injection describes it; a listed name or an uploaded row may be
     * written so) is prefixed with an apostrophe, which the spreadsheet shows as text; a number stays
     * as it is. Null is an empty cell.
     */
    public static String safe(String cell) {
        if (cell == null || cell.isEmpty()) {
            return "";
        }
        char first = cell.charAt(0);
        boolean formula = first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r';
        return formula && !NUMBER.matcher(cell).matches() ? "'" + cell : cell;
    }

    /** Ends the CSV and flushes the writer, leaving it open. */
    @Override
    public void close() {
        try {
            csv.close();
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + what + ": " + e.getMessage(), e);
        }
    }
}

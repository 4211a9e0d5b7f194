package org.convergence.lists.tabular;

import java.nio.file.Path;
import java.time.Year;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.convergence.ConvergenceException;
import org.convergence.ErrorCategory;
import org.convergence.InvalidRecordException;
import org.convergence.ingest.Checksums;
import org.convergence.ingest.EntitySource;
import org.convergence.lists.ListDates;
import org.convergence.model.ConvergenceModel;
import org.convergence.model.Entity;
import org.convergence.model.EntityBuilder;
import tech.followthemoney.model.Schema;

/**
 * A list published as a table, one listing per row: reads the header, then hands each non-blank row
 * to {@link #entities} by column name. Keeps what every such reader needs: the queue of entities of a
 * row, the record count, the data date (the newest listing date), and the rows already seen by key.
 *
 * <p>A row repeated word for word under the same key adds nothing; readers skip it, and it is counted
 * in {@link #repeatedRows()}. A row that repeats a key with other values is for the reader to resolve.
 */
public abstract class TableListReader implements EntitySource {
    protected final String dataset;
    protected final ConvergenceModel model;
    private final TableRows rows;
    private final Header header;
    private final List<Entity> pending = new ArrayList<>(2);
    private final Map<String, Seen> seen = new HashMap<>();
    private int records;
    private int repeated;
    private String newest;

    /** Where a key was first seen, and a digest of that row's values. */
    private record Seen(String where, String digest) {}

    /**
     * @param rows the table, closed here when its header is not the one expected
     * @param expected what the file should be, for messages, e.g. "the BIS Denied Persons List"
     */
    protected TableListReader(Path file, String dataset, ConvergenceModel model, TableRows rows, List<String> required, String expected) {
        this.dataset = dataset;
        this.model = model;
        this.rows = rows;
        try {
            TableRow first = nextRow();
            if (first == null) {
                throw new ConvergenceException(ErrorCategory.INVALID_INPUT, file.getFileName() + ": the file is empty: expected the header of " + expected);
            }
            this.header = Header.of(first, required, expected);
        } catch (RuntimeException e) {
            rows.close();
            throw e;
        }
    }

    /**
     * The entities of one row: usually a party and its Sanction; none for a row that repeats an
     * earlier one.
     *
     * @param fields the row's non-blank cells by column name; a reader removes what it maps and puts
     *     the rest into notes, so nothing is dropped
     * @param where the file and line (or sheet row) of the row
     * @throws InvalidRecordException naming where and the field when the row cannot be read
     */
    protected abstract List<Entity> entities(Map<String, String> fields, String where);

    @Override
    public final Entity next() {
        while (pending.isEmpty()) {
            TableRow row = nextRow();
            if (row == null) {
                return null;
            }
            records++;
            pending.addAll(entities(header.fields(row), row.where()));
        }
        return pending.removeFirst();
    }

    private TableRow nextRow() {
        TableRow row;
        do {
            row = rows.next();
        } while (row != null && row.blank());
        return row;
    }

    /** True when the header has this column (for lists whose versions differ in columns). */
    protected final boolean hasColumn(String name) {
        return header.has(name);
    }

    /** How a row's key relates to the rows before it. */
    protected enum Occurrence {
        /** The key is new. */
        FIRST,
        /** An earlier row had the key and the same values: the row adds nothing. */
        REPEAT,
        /** An earlier row had the key with other values. */
        CONFLICT
    }

    /**
     * Remembers a row by its key (when first seen) and tells whether an earlier row had the key. A
     * repeat is counted in {@link #repeatedRows()}.
     *
     * @param fields all the row's fields, before any is removed
     */
    protected final Occurrence occurrence(String key, Map<String, String> fields, String where) {
        String digest = Checksums.recordKey(fields.toString());
        Seen earlier = seen.putIfAbsent(key, new Seen(where, digest));
        if (earlier == null) {
            return Occurrence.FIRST;
        }
        if (earlier.digest().equals(digest)) {
            repeated++;
            return Occurrence.REPEAT;
        }
        return Occurrence.CONFLICT;
    }

    /** Where the row with this key was first seen, or null. */
    protected final String firstSeenAt(String key) {
        Seen earlier = seen.get(key);
        return earlier == null ? null : earlier.where();
    }

    /** Counts an ISO date towards the data date when it is plausible (see {@link ListDates#plausible}). */
    protected final void listed(String isoDate) {
        if (ListDates.plausible(isoDate) && (newest == null || isoDate.compareTo(newest) > 0)) {
            newest = isoDate;
        }
    }

    /**
     * Adds a field's value to a property when the schema has it, and otherwise to notes as
     * "Field: value", so a value a schema cannot hold (a birth date of an organisation) is kept.
     */
    protected static void addOrNote(EntityBuilder builder, Schema schema, String property, String field, String value) {
        if (value == null || value.isBlank()) {
            return;
        }
        if (schema.getProperty(property) != null) {
            builder.add(property, value);
        } else {
            builder.add("notes", field + ": " + value);
        }
    }

    /**
     * Adds a date already checked to be a calendar date to a property (of the party or its Sanction);
     * a year that cannot be true of a listing (a typo such as 2922) goes into the party's notes instead,
     * as {@link ListDates} does.
     *
     * @param future true for dates that may lie decades ahead, such as the end of a 50-year denial
     */
    protected static void addDate(EntityBuilder target, String property, String isoDate, EntityBuilder party, String field, String written,
            boolean future) {
        if (isoDate == null) {
            return;
        }
        int year = Integer.parseInt(isoDate.substring(0, 4));
        boolean plausible = future ? year >= 1800 && year <= Year.now().getValue() + 100 : ListDates.plausible(isoDate);
        if (plausible) {
            target.add(property, isoDate);
        } else {
            party.add("notes", field + ": " + written + " (not a plausible date; kept as written)");
        }
    }

    /** The newest plausible listing date seen, the date the data is current to. */
    @Override
    public String dataDate() {
        return newest;
    }

    /** Rows read so far, repeated ones included. */
    public int records() {
        return records;
    }

    /** Rows skipped as word-for-word repeats of an earlier row. */
    public int repeatedRows() {
        return repeated;
    }

    @Override
    public long position() {
        return records;
    }

    @Override
    public long size() {
        return -1;
    }

    @Override
    public void close() {
        rows.close();
    }
}

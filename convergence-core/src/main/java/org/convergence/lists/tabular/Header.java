package org.convergence.lists.tabular;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.convergence.ConvergenceException;
import org.convergence.ErrorCategory;
import org.convergence.InvalidRecordException;

/**
 * The header row of a table: cells are read by column name, not position, so that a list can add,
 * drop or reorder columns between versions without a record being misread.
 */
public final class Header {
    private final List<String> names;

    private Header(List<String> names) {
        this.names = names;
    }

    /**
     * Checks the header row has every required column.
     *
     * @param expected what the file should be, for the message, e.g. "the BIS Denied Persons List"
     * @throws ConvergenceException (INVALID_INPUT) naming the missing columns and what was expected
     */
    public static Header of(TableRow row, List<String> required, String expected) {
        List<String> names = row.cells().stream().map(String::strip).toList();
        List<String> missing = new ArrayList<>(required);
        missing.removeAll(names);
        if (!missing.isEmpty()) {
            String found = String.join(", ", names.subList(0, Math.min(names.size(), 12)));
            throw new ConvergenceException(ErrorCategory.INVALID_INPUT, row.where() + ": the header lacks the column"
                    + (missing.size() == 1 ? " " : "s ") + String.join(", ", missing) + ": expected the header of " + expected
                    + " (found: " + found + (names.size() > 12 ? ", ..." : "") + "); is this another list or format?");
        }
        for (int i = 0; i < names.size(); i++) {
            if (!names.get(i).isEmpty() && names.indexOf(names.get(i)) != i) {
                throw new ConvergenceException(ErrorCategory.INVALID_INPUT, row.where() + ": the header names column '" + names.get(i) + "' twice");
            }
        }
        return new Header(names);
    }

    /** True when the header has this column. */
    public boolean has(String name) {
        return names.contains(name);
    }

    /**
     * The row's non-blank cells by column name, stripped, in column order.
     *
     * @throws InvalidRecordException when the row has another number of cells than the header has columns
     */
    public Map<String, String> fields(TableRow row) {
        if (row.cells().size() != names.size()) {
            throw new InvalidRecordException(row.where(), row.cells().size() + " cells, expected " + names.size()
                    + " as in the header; is a quote or separator missing?");
        }
        Map<String, String> fields = new LinkedHashMap<>();
        for (int i = 0; i < names.size(); i++) {
            String value = row.cells().get(i).strip();
            if (!value.isEmpty()) {
                fields.put(names.get(i).isEmpty() ? "column " + (i + 1) : names.get(i), value);
            }
        }
        return fields;
    }
}

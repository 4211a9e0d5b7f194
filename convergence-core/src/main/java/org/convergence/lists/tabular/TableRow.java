package org.convergence.lists.tabular;

import java.util.List;

/**
 * One row of a table file: its cells as written, and where it is (file and line, or sheet row) for
 * messages.
 */
public record TableRow(String where, List<String> cells) {

    public TableRow {
        cells = List.copyOf(cells);
    }

    /** True when no cell holds more than white space (an empty line, a padding row of a sheet). */
    public boolean blank() {
        return cells.stream().allMatch(String::isBlank);
    }
}

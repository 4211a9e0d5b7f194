package org.convergence.web;

import java.util.List;
import org.convergence.CsvRows;

/**
 * CSV as the workbench's downloads and the command line's tables write it (RFC 4180): cells joined by
 * commas, a cell quoted when it holds a comma, a quote or a line break, its quotes doubled, and made
 * safe for spreadsheets as {@link CsvRows#safe} makes it. Built in memory, for the small tables of a
 * page; a file streamed row by row is written by {@link CsvRows}.
 */
public final class Csv {
    private Csv() {}

    public static String cell(String value) {
        String text = CsvRows.safe(value);
        boolean quote = text.indexOf(',') >= 0 || text.indexOf('"') >= 0 || text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0;
        return quote ? "\"" + text.replace("\"", "\"\"") + "\"" : text;
    }

    /** One line of cells, without its line break. */
    public static String row(List<String> cells) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                line.append(',');
            }
            line.append(cell(cells.get(i)));
        }
        return line.toString();
    }

    /** A header and rows, each line ended by a line break. */
    public static String table(List<String> header, List<List<String>> rows) {
        StringBuilder csv = new StringBuilder(row(header)).append('\n');
        rows.forEach(cells -> csv.append(row(cells)).append('\n'));
        return csv.toString();
    }
}

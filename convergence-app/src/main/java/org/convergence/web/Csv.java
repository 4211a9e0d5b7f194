package org.convergence.web;

import java.util.List;

/**
 * CSV as the workbench's downloads and the command line's tables write it (RFC 4180): cells joined by
 * commas, a cell quoted when it holds a comma, a quote or a line break, its quotes doubled.
 */
public final class Csv {
    private Csv() {}

    public static String cell(String text) {
        if (text == null) {
            return "";
        }
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

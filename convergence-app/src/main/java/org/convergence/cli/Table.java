package org.convergence.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import org.convergence.CsvRows;

/** A result table that a command prints as an aligned table, CSV or JSON (a list of objects). */
final class Table {
    enum Format { table, csv, json }

    private final List<String> header;
    private final List<List<String>> rows = new ArrayList<>();

    Table(String... header) {
        this.header = List.of(header);
    }

    Table row(Object... values) {
        List<String> row = new ArrayList<>();
        for (Object value : values) {
            row.add(String.valueOf(value));
        }
        rows.add(row);
        return this;
    }

    void print(PrintWriter out, Format format) {
        switch (format) {
            case table -> printTable(out);
            case csv -> out.print(CsvRows.table(header, rows));
            case json -> {
                ObjectMapper json = new ObjectMapper();
                ArrayNode array = json.createArrayNode();
                for (List<String> row : rows) {
                    ObjectNode object = array.addObject();
                    for (int i = 0; i < header.size(); i++) {
                        String value = row.get(i);
                        if (value.matches("-?\\d{1,15}")) {
                            object.put(header.get(i), Long.parseLong(value));
                        } else {
                            object.put(header.get(i), value);
                        }
                    }
                }
                out.println(array.toPrettyString());
            }
        }
        out.flush();
    }

    private void printTable(PrintWriter out) {
        int[] widths = new int[header.size()];
        for (int i = 0; i < widths.length; i++) {
            widths[i] = header.get(i).length();
            for (List<String> row : rows) {
                widths[i] = Math.max(widths[i], row.get(i).length());
            }
        }
        printRow(out, header, widths);
        for (List<String> row : rows) {
            printRow(out, row, widths);
        }
    }

    private static void printRow(PrintWriter out, List<String> row, int[] widths) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < row.size(); i++) {
            String cell = row.get(i);
            boolean numeric = cell.matches("-?[\\d,]+");
            line.append(numeric ? " ".repeat(widths[i] - cell.length()) + cell : cell + " ".repeat(widths[i] - cell.length()));
            if (i + 1 < row.size()) {
                line.append("  ");
            }
        }
        out.println(line.toString().stripTrailing());
    }
}

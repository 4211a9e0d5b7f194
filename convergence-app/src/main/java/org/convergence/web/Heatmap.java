package org.convergence.web;

import java.util.ArrayList;
import java.util.List;
import org.convergence.analytics.ConvergenceAnalytics;

/**
 * The domain × year heatmap drawn by the server as SVG (no chart library, nothing fetched): one square
 * cell per domain and year, darker for more events and transfers, each with its count as a tooltip.
 */
public record Heatmap(int width, int height, List<Label> rowLabels, List<Label> columnLabels, List<Cell> cells) {
    static final int CELL = 11;
    private static final int LEFT = 150;
    private static final int TOP = 4;
    private static final int BOTTOM = 14;

    public record Label(int x, int y, String text) {}

    public record Cell(int x, int y, int size, String fill, String label) {}

    static Heatmap of(ConvergenceAnalytics.Matrix matrix) {
        List<String> domains = List.copyOf(matrix.domains());
        List<Integer> years = List.copyOf(matrix.years());
        int max = 1;
        for (String domain : domains) {
            for (int year : years) {
                max = Math.max(max, matrix.count(domain, year));
            }
        }
        List<Label> rows = new ArrayList<>();
        List<Label> columns = new ArrayList<>();
        List<Cell> cells = new ArrayList<>();
        for (int r = 0; r < domains.size(); r++) {
            rows.add(new Label(0, TOP + r * CELL + CELL - 2, domains.get(r)));
            for (int c = 0; c < years.size(); c++) {
                int count = matrix.count(domains.get(r), years.get(c));
                cells.add(new Cell(LEFT + c * CELL, TOP + r * CELL, CELL - 1, fill(count, max),
                        domains.get(r) + ", " + years.get(c) + ": " + count));
            }
        }
        for (int c = 0; c < years.size(); c += 5) {
            columns.add(new Label(LEFT + c * CELL, 0, String.valueOf(years.get(c))));
        }
        return new Heatmap(LEFT + years.size() * CELL + 30, TOP + domains.size() * CELL + BOTTOM, rows, columns, cells);
    }

    /** Light grey for none, then from pale to deep red by the square root of the count (a few big years would hide the rest). */
    private static String fill(int count, int max) {
        if (count == 0) {
            return "#eef0f4";
        }
        double t = Math.sqrt((double) count / max);
        int green = (int) Math.round(220 - 190 * t);
        int blue = (int) Math.round(200 - 170 * t);
        return String.format("#%02x%02x%02x", 230 - (int) Math.round(70 * t), green, blue);
    }
}

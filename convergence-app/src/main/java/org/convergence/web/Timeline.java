package org.convergence.web;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SortedMap;
import java.util.TreeMap;
import org.convergence.analytics.ConvergenceAnalytics;
import org.convergence.analytics.Flow;

/**
 * Events and transfers per year drawn by the server as SVG: one bar per year from the first year to
 * the last (years without any stay empty), stacked by the direction of the flow, each part with its
 * count as a tooltip.
 *
 * @param description what the chart shows, for its aria-label
 */
public record Timeline(int width, int height, String description, List<Heatmap.Label> yearLabels, List<Bar> bars, List<Key> keys) {
    private static final int PLOT_HEIGHT = 120;
    private static final int PLOT_WIDTH = 840;
    private static final int LEFT = 34;
    private static final int BOTTOM = 16;
    private static final int TOP = 4;

    public Timeline {
        yearLabels = List.copyOf(yearLabels);
        bars = List.copyOf(bars);
        keys = List.copyOf(keys);
    }

    /** One part of a year's bar. */
    public record Bar(int x, int y, int width, int height, String fill, String label) {}

    /** A direction and its colour, for the legend. */
    public record Key(String direction, String label, String fill) {}

    /** The directions in stacking order, with colours that stay apart for the common kinds of colour blindness. */
    static final List<Key> KEYS = List.of(new Key("ru-to-cn", "Russia → China", "#b2182b"), new Key("cn-to-ru", "China → Russia", "#2166ac"),
            new Key("joint", "joint", "#e08214"), new Key("", "direction not given", "#8c8c8c"));

    /** Breadth's one key: the number of technology domains with co-operation that year. */
    static final List<Key> BREADTH = List.of(new Key("", "domains active", "#5e3c99"));

    static Timeline of(List<Flow> flows) {
        SortedMap<Integer, int[]> counts = new TreeMap<>();
        for (Flow flow : flows) {
            counts.computeIfAbsent(flow.year(), year -> new int[KEYS.size()])[keyOf(flow.direction())]++;
        }
        return draw(counts, KEYS, (first, last, max) -> String.format(Locale.ROOT, "Events and transfers per year, %d to %d, %,d in all,"
                + " stacked by direction: Russia to China, China to Russia, joint; the tallest year has %d", first, last, flows.size(), max));
    }

    /** How many technology domains saw co-operation each year: breadth, whose growth is the convergence. */
    static Timeline ofBreadth(List<ConvergenceAnalytics.YearBreadth> breadth) {
        SortedMap<Integer, int[]> counts = new TreeMap<>();
        breadth.forEach(year -> counts.put(year.year(), new int[] {year.domainCount()}));
        return draw(counts, BREADTH, (first, last, max) -> String.format(Locale.ROOT,
                "Technology domains with co-operation each year, %d to %d; the broadest year has %d", first, last, max));
    }

    private interface Description {
        String of(int first, int last, int max);
    }

    private static Timeline draw(SortedMap<Integer, int[]> counts, List<Key> keys, Description description) {
        if (counts.isEmpty()) {
            return new Timeline(0, 0, "no events", List.of(), List.of(), keys);
        }
        int first = counts.firstKey();
        int last = counts.lastKey();
        int years = last - first + 1;
        int step = Math.max(2, Math.min(16, PLOT_WIDTH / years));
        int max = Math.max(1, counts.values().stream().mapToInt(parts -> Arrays.stream(parts).sum()).max().orElse(1));
        List<Bar> bars = new ArrayList<>();
        counts.forEach((year, parts) -> {
            int x = LEFT + (year - first) * step;
            int base = TOP + PLOT_HEIGHT;
            for (int k = 0; k < parts.length; k++) {
                if (parts[k] == 0) {
                    continue;
                }
                int height = Math.max(1, Math.round((float) parts[k] * PLOT_HEIGHT / max));
                base -= height;
                bars.add(new Bar(x, base, Math.max(1, step - 1), height, keys.get(k).fill(), year + ", " + keys.get(k).label() + ": " + parts[k]));
            }
        });
        int every = step >= 12 ? 2 : step >= 6 ? 5 : 10;
        List<Heatmap.Label> labels = new ArrayList<>();
        for (int year = first; year <= last; year++) {
            if (year % every == 0) {
                labels.add(new Heatmap.Label(LEFT + (year - first) * step, TOP + PLOT_HEIGHT + BOTTOM - 3, String.valueOf(year)));
            }
        }
        labels.add(new Heatmap.Label(0, TOP + 10, String.valueOf(max)));
        return new Timeline(LEFT + years * step + 10, TOP + PLOT_HEIGHT + BOTTOM, description.of(first, last, max), labels, bars, keys);
    }

    private static int keyOf(String direction) {
        for (int k = 0; k < KEYS.size() - 1; k++) {
            if (KEYS.get(k).direction().equals(direction)) {
                return k;
            }
        }
        return KEYS.size() - 1;
    }
}

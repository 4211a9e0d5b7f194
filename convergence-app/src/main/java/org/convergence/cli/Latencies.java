package org.convergence.cli;

import java.util.Arrays;
import java.util.Locale;

/**
 * The latencies of a benchmark's requests, in nanoseconds, read as percentiles. Each client records its own (not
 * thread-safe); they are merged once the clients are done.
 */
final class Latencies {
    private long[] nanos = new long[1024];
    private int count;
    private boolean sorted = true;

    void record(long latency) {
        if (count == nanos.length) {
            nanos = Arrays.copyOf(nanos, count * 2);
        }
        nanos[count++] = latency;
        sorted = false;
    }

    void addAll(Latencies other) {
        for (int i = 0; i < other.count; i++) {
            record(other.nanos[i]);
        }
    }

    int count() {
        return count;
    }

    /** The latency that {@code fraction} of the recorded ones do not exceed (nearest rank); 0 when none is recorded. */
    long percentile(double fraction) {
        if (count == 0) {
            return 0;
        }
        if (!sorted) {
            Arrays.sort(nanos, 0, count);
            sorted = true;
        }
        return nanos[Math.min(count - 1, Math.max(0, (int) Math.ceil(fraction * count) - 1))];
    }

    long max() {
        return percentile(1.0);
    }

    /** Nanoseconds as milliseconds to a tenth, as the benchmarks print them. */
    static String ms(long nanos) {
        return String.format(Locale.ROOT, "%.1f", nanos / 1e6);
    }
}

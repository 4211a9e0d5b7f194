package org.convergence.cli;

import java.io.PrintWriter;
import org.convergence.ingest.ImportProgress;

/**
 * A one-line progress bar on standard error: percentage of bytes read, records, rate. Redrawn at
 * most a few times a second; on a non-terminal it prints a plain line every few seconds instead.
 */
final class ProgressBar implements ImportProgress {
    private static final int WIDTH = 30;

    private final PrintWriter err;
    private final String label;
    private final boolean terminal;
    private final long started = System.nanoTime();
    private long lastDrawn;

    ProgressBar(PrintWriter err, String label) {
        this.err = err;
        this.label = label;
        this.terminal = System.console() != null;
    }

    @Override
    public void update(long records, long position, long size) {
        long now = System.nanoTime();
        long interval = terminal ? 200_000_000L : 5_000_000_000L;
        if (now - lastDrawn < interval) {
            return;
        }
        lastDrawn = now;
        double seconds = Math.max((now - started) / 1e9, 1e-3);
        String rate = String.format("%,.0f records/s", records / seconds);
        if (size > 0) {
            double fraction = Math.min(1.0, (double) position / size);
            int filled = (int) (fraction * WIDTH);
            String bar = "#".repeat(filled) + "-".repeat(WIDTH - filled);
            err.printf("%s%s [%s] %3.0f%% %,d records, %s%s", terminal ? "\r" : "", label, bar, fraction * 100, records, rate, terminal ? "" : "\n");
        } else {
            err.printf("%s%s %,d records, %s%s", terminal ? "\r" : "", label, records, rate, terminal ? "" : "\n");
        }
        err.flush();
    }

    /** Ends the progress line. */
    void finish() {
        if (terminal && lastDrawn != 0) {
            err.println();
        }
    }
}

package org.convergence.exposure;

import java.time.Duration;

/** A destination of exposure findings, written as rows are checked, in input order. Not thread-safe. */
public interface ExposureReport {

    /**
     * What was checked against what, for the head of a report.
     *
     * @param checkedBy who checked, and in which workspace ({@code Requester#describe()})
     */
    record Context(String file, String mapping, String checkedBy, String scope, int hops, java.util.List<String> versions) {}

    /** The totals of a run. */
    record Summary(long rows, long listed, long linked, long clear, long errors, Duration elapsed) {
        public double rowsPerSecond() {
            return elapsed.isZero() ? rows : rows / (elapsed.toNanos() / 1e9);
        }
    }

    void start(Context context);

    void write(Exposure exposure);

    void finish(Summary summary);
}

package org.convergence.cli;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** How the command line shows a moment: UTC, to the second, e.g. {@code 2026-11-28 20:21:29}. */
final class Times {
    private static final DateTimeFormatter UTC_SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);

    private Times() {}

    static String utc(Instant instant) {
        return UTC_SECONDS.format(instant);
    }
}

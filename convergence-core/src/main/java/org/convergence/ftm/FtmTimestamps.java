package org.convergence.ftm;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/** FtM's timestamps: ISO local date-times in UTC, such as {@code 2023-11-02T16:38:16}. */
final class FtmTimestamps {
    private FtmTimestamps() {}

    /** Parses a timestamp, with or without an offset; throws DateTimeParseException when it is none. */
    static Instant parse(String text) {
        try {
            return LocalDateTime.parse(text).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            return OffsetDateTime.parse(text).toInstant();
        }
    }

    static String format(Instant instant) {
        return DateTimeFormatter.ISO_LOCAL_DATE_TIME.format(LocalDateTime.ofInstant(instant, ZoneOffset.UTC));
    }
}

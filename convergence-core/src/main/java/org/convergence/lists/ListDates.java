package org.convergence.lists;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.convergence.InvalidRecordException;
import org.convergence.model.EntityBuilder;

/**
 * Dates as the lists write them. Lists state uncertainty in words ("1963-1964", "1972-08-10 or
 * 1972-08-11", "circa 1960"); every date a field names is kept, with the field's text as the original
 * value, and text that names no date goes into notes rather than being dropped or guessed.
 *
 * <p>A value that looks like a date but is not one on the calendar (2025-02-30) is an invalid record.
 * A real calendar date that cannot be true of the data (year 2922 in a list published in 2022, a known
 * typo in the BIS Denied Persons List) is kept as a note, not as a date, so the record still imports
 * and nothing is lost.
 */
public final class ListDates {
    private static final Pattern ISO = Pattern.compile("(\\d{4})(?:-(\\d{2})(?:-(\\d{2}))?)?");
    private static final Pattern YEAR_RANGE = Pattern.compile("(\\d{4})\\s*-\\s*(\\d{4})");
    private static final Pattern SEPARATOR = Pattern.compile("\\s+(?:or|to)\\s+|\\s*[,;]\\s*");
    private static final Pattern APPROXIMATE = Pattern.compile("^(?:circa|ca\\.?|c\\.|approximately|approx\\.?|about)\\s+", Pattern.CASE_INSENSITIVE);
    /** Dates before this year in a sanctions or research-security list are typos, not history. */
    private static final int EARLIEST_YEAR = 1800;

    private ListDates() {}

    /**
     * Adds the dates an ISO-style field value names (years, year-months, full dates, ranges and lists of
     * them) to a property; a value naming no date goes into notes as "property: value".
     *
     * @throws InvalidRecordException when a date in the value is not a calendar date
     */
    public static void add(EntityBuilder builder, String property, String value, String where) {
        if (value == null || value.isBlank()) {
            return;
        }
        String text = value.strip();
        List<String> dates = new ArrayList<>();
        for (String token : SEPARATOR.split(APPROXIMATE.matcher(text).replaceFirst(""))) {
            Matcher range = YEAR_RANGE.matcher(token);
            if (ISO.matcher(token).matches()) {
                dates.add(token);
            } else if (range.matches()) {
                dates.add(range.group(1));
                dates.add(range.group(2));
            } else {
                dates.clear();
                break;
            }
        }
        if (dates.isEmpty()) {
            builder.add(noteProperty(builder), property + ": " + text);
            return;
        }
        for (String date : dates) {
            requireCalendarDate(date, property, where);
        }
        if (dates.stream().anyMatch(date -> !plausible(date))) {
            builder.add(noteProperty(builder), property + ": " + text + " (not a plausible date; kept as written)");
            return;
        }
        for (String date : dates) {
            builder.add(property, date, null, dates.size() == 1 && date.equals(text) ? null : text);
        }
    }

    /** Where a text that is not a date is kept: notes, or for schemata without them (Sanction) the description. */
    private static String noteProperty(EntityBuilder builder) {
        return builder.schema().hasProperty("notes") ? "notes" : "description";
    }

    /**
     * Converts a date written in a source's own pattern (e.g. "dd/MM/yyyy") to ISO, checking it is a
     * calendar date; null for a blank value.
     *
     * @throws InvalidRecordException naming the field and the pattern expected
     */
    public static String iso(String value, String pattern, String field, String where) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            DateTimeFormatter format = DateTimeFormatter.ofPattern(pattern.replace("yyyy", "uuuu"), Locale.ENGLISH)
                    .withResolverStyle(ResolverStyle.STRICT);
            return LocalDate.parse(value.strip(), format).toString();
        } catch (DateTimeParseException e) {
            throw new InvalidRecordException(where, field + ": '" + value.strip() + "' is not a date in the form " + pattern);
        }
    }

    /** True when the value is an ISO date whose year is one a list entry can carry: not before 1800, not after next year. */
    public static boolean plausible(String isoDate) {
        if (isoDate == null || !ISO.matcher(isoDate).matches()) {
            return false;
        }
        int year = Integer.parseInt(isoDate.substring(0, 4));
        return year >= EARLIEST_YEAR && year <= LocalDate.now().getYear() + 1;
    }

    private static void requireCalendarDate(String date, String property, String where) {
        Matcher parts = ISO.matcher(date);
        if (!parts.matches()) {
            throw new IllegalArgumentException("not an ISO date: " + date);
        }
        try {
            if (parts.group(3) != null) {
                LocalDate.parse(date);
            } else if (parts.group(2) != null) {
                YearMonth.parse(date);
            }
        } catch (DateTimeException e) {
            throw new InvalidRecordException(where, property + ": '" + date + "' is not a calendar date");
        }
    }
}

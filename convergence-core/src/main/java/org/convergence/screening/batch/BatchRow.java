package org.convergence.screening.batch;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.stream.Stream;
import org.convergence.screening.Screener;

/**
 * One input row, read into a query.
 *
 * @param row the record's number in the file, 1 for the first record (after a CSV header)
 * @param location where it is, for messages and the audit log: "customers.csv row 17 (line 18)"
 * @param reference the row's own id (the column mapped to {@code id}), or null
 * @param query the query, or null when the row could not be read into one
 * @param notes what was left out of the query and why ("birthDate '31/12/1980' ignored: ...")
 * @param error why the row could not be read into a query, or null
 */
public record BatchRow(long row, String location, String reference, Screener.Query query, List<String> notes, String error) {
    public BatchRow {
        requireNonNull(location, "location is null");
        notes = List.copyOf(notes);
        if ((query == null) == (error == null)) {
            throw new IllegalArgumentException("a row has either a query or an error: " + location);
        }
    }

    static BatchRow invalid(long row, String location, String error) {
        return new BatchRow(row, location, null, null, List.of(), error);
    }

    /** The name asked about, as the input gave it: its names, or else its first and last names. */
    public String inputName() {
        if (query == null) {
            return "";
        }
        List<String> names = query.properties().getOrDefault("name", List.of());
        if (!names.isEmpty()) {
            return String.join("; ", names);
        }
        return String.join(" ", Stream.of("firstName", "middleName", "lastName")
                .flatMap(part -> query.properties().getOrDefault(part, List.of()).stream()).toList());
    }
}

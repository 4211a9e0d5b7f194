package org.convergence.web;

import java.util.List;
import org.convergence.analytics.Flow;

/**
 * The events page: the filter as given, the domains and event types to choose from, the timeline of
 * every event and transfer the filter keeps, and one page of them with their records.
 *
 * @param total how many events and transfers the filter keeps (all in the timeline and the CSV; a page of them in the table)
 * @param previous the link to the page before, or null on the first
 * @param next the link to the page after, or null on the last
 */
public record EventsPage(String from, String to, String domain, String type, String party, List<String> domains, List<String> types, int total,
        Timeline timeline, List<Row> rows, int page, int pages, String csv, String previous, String next) {

    public EventsPage {
        domains = List.copyOf(domains);
        types = List.copyOf(types);
        rows = List.copyOf(rows);
    }

    /** One event or transfer with its record (null when its entity is gone, a dataset reloaded meanwhile). */
    public record Row(Flow flow, EventRecord record) {}
}

package org.convergence.web;

import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.convergence.analytics.ConvergenceAnalytics;
import org.convergence.analytics.Flow;
import org.convergence.analytics.FlowFilter;

/**
 * The events pages: {@code /workbench/events} (filters, the timeline, one page of the table) and
 * {@code /workbench/events.csv} (every event and transfer the same filter keeps, with its record).
 */
final class EventPages {
    static final int PAGE_SIZE = 100;
    static final List<String> CSV_HEADER = List.of("year", "kind", "id", "domain", "type", "direction", "parties", "item", "figures", "sources");

    private final Pages pages;
    private final AnalyticsCache analytics;
    private final EventRecords records;

    EventPages(Pages pages, AnalyticsCache analytics, EventRecords records) {
        this.pages = pages;
        this.analytics = analytics;
        this.records = records;
    }

    /** The filter of both pages, from the query string; a blank or malformed part leaves that part open. */
    record Filter(Integer from, Integer to, String domain, String type, String party) {
        static Filter of(Context ctx) {
            return new Filter(Pages.year(Pages.query(ctx, "from")), Pages.year(Pages.query(ctx, "to")), Pages.query(ctx, "domain"),
                    Pages.query(ctx, "type"), Pages.query(ctx, "party"));
        }

        FlowFilter flows() {
            return new FlowFilter(from, to, domain.isEmpty() ? Set.of() : Set.of(domain), type.isEmpty() ? Set.of() : Set.of(type),
                    party.isEmpty() ? null : party);
        }

        Map<String, String> parameters() {
            return Pages.parameters("from", text(from), "to", text(to), "domain", domain, "type", type, "party", party);
        }

        private static String text(Integer year) {
            return year == null ? "" : year.toString();
        }
    }

    void page(Context ctx) {
        Filter filter = Filter.of(ctx);
        ConvergenceAnalytics current = analytics.current();
        List<Flow> flows = rows(current, filter);
        int pageCount = Math.max(1, (flows.size() + PAGE_SIZE - 1) / PAGE_SIZE);
        int page = Math.min(pageCount, Math.max(1, pageNumber(Pages.query(ctx, "page"))));
        List<Flow> shown = flows.subList((page - 1) * PAGE_SIZE, Math.min(flows.size(), page * PAGE_SIZE));
        Map<String, EventRecord> found = records.of(shown);
        List<EventsPage.Row> rows = shown.stream().map(flow -> new EventsPage.Row(flow, found.get(flow.id()))).toList();
        Set<String> domains = new TreeSet<>();
        Set<String> types = new TreeSet<>();
        for (Flow flow : current.flows(FlowFilter.ALL)) {
            domains.add(flow.domain());
            types.add(flow.type());
        }
        Map<String, String> parameters = filter.parameters();
        EventsPage events = new EventsPage(Filter.text(filter.from()), Filter.text(filter.to()), filter.domain(), filter.type(), filter.party(),
                List.copyOf(domains), List.copyOf(types), flows.size(), Timeline.of(flows), rows, page, pageCount,
                Pages.link("/workbench/events.csv", parameters), page > 1 ? pageLink(parameters, page - 1) : null,
                page < pageCount ? pageLink(parameters, page + 1) : null);
        pages.render(ctx, "events.jte", Map.of("page", events));
    }

    void csv(Context ctx) {
        List<Flow> flows = rows(analytics.current(), Filter.of(ctx));
        Map<String, EventRecord> found = records.of(flows);
        List<List<String>> rows = new ArrayList<>(flows.size());
        for (Flow flow : flows) {
            EventRecord record = found.get(flow.id());
            rows.add(List.of(String.valueOf(flow.year()), flow.kind(), flow.id(), nonNull(flow.domain()), nonNull(flow.type()),
                    nonNull(flow.direction()), record == null ? String.join("; ", flow.parties()) : record.partyNames(),
                    record == null ? "" : nonNull(record.item()), record == null ? "" : record.figures(),
                    record == null ? "" : String.join("; ", record.sources().stream().map(source -> source.publisher() == null ? source.url()
                            : source.publisher() + ": " + source.url()).toList())));
        }
        Pages.csv(ctx, "events.csv", CSV_HEADER, rows);
    }

    /** The flows the filter keeps, latest year first (then by id, so that pages stay put). */
    private static List<Flow> rows(ConvergenceAnalytics analytics, Filter filter) {
        return analytics.flows(filter.flows()).stream()
                .sorted(Comparator.comparingInt(Flow::year).reversed().thenComparing(Flow::id)).toList();
    }

    private static String pageLink(Map<String, String> filter, int page) {
        Map<String, String> parameters = new LinkedHashMap<>(filter);
        parameters.put("page", String.valueOf(page));
        return Pages.link("/workbench/events", parameters);
    }

    private static int pageNumber(String text) {
        return text.matches("\\d{1,6}") ? Integer.parseInt(text) : 1;
    }

    private static String nonNull(String text) {
        return text == null ? "" : text;
    }
}

package org.convergence.web;

import java.util.List;
import org.convergence.analytics.Flow;

/**
 * The search page: parties found by name in every list and dataset, narrowed by the facets chosen;
 * the facets (kind, country, list, domain) with their counts, each a link that narrows further; the
 * official lists whose name holds the query; and the co-operation events whose parties name it.
 *
 * @param events the events listed: the latest of them
 * @param eventCount how many events name the query (all on the events page)
 * @param filters the facets chosen, each with the link that drops it
 * @param csv the link to the parties found, as CSV
 * @param eventsLink the link to the events page filtered to the events listed here
 * @param eventsCsv the link to those events as CSV
 */
public record SearchPage(String query, List<Filter> filters, List<Hit> entities, List<Facet> facets, List<ListMatch> lists, List<Flow> events,
        int eventCount, String csv, String eventsLink, String eventsCsv) {

    public SearchPage {
        filters = List.copyOf(filters);
        entities = List.copyOf(entities);
        facets = List.copyOf(facets);
        lists = List.copyOf(lists);
        events = List.copyOf(events);
    }

    static SearchPage empty() {
        return new SearchPage("", List.of(), List.of(), List.of(), List.of(), List.of(), 0, "", "", "");
    }

    /** One party found, with its countries (codes) and search score. */
    public record Hit(String id, String caption, String schema, String dataset, List<String> countries, String score) {
        public Hit {
            countries = List.copyOf(countries);
        }

        public String countriesText() {
            return String.join(", ", countries);
        }
    }

    /** A facet: its parameter, what to call it, and its values. */
    public record Facet(String parameter, String label, List<FacetValue> values) {
        public Facet {
            values = List.copyOf(values);
        }
    }

    /** A value of a facet, how many results have it, and the link that keeps only those. */
    public record FacetValue(String value, long count, String link) {}

    /** A facet chosen, and the link without it. */
    public record Filter(String parameter, String value, String remove) {}

    /** An official list whose id or title holds the query. */
    public record ListMatch(String id, String title) {}
}

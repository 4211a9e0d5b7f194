package org.convergence.web;

import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import org.convergence.ConvergenceException;
import org.convergence.analytics.Flow;
import org.convergence.analytics.FlowFilter;
import org.convergence.lists.ListSource;
import org.convergence.screening.Scope;
import org.convergence.screening.Screener;

/**
 * The search pages: {@code /workbench/search?q=} (one box over the parties of every list and dataset,
 * the official lists and the co-operation events, with facets) and {@code /workbench/search.csv} (the
 * parties found, under the same query and facets).
 */
final class SearchPages {
    /**
     * Parties read per query, best first: the facets count these, the table shows them. Every score is
     * kept: a search for part of a name ("Institute of Technology") scores low against the full names
     * it finds, since screening scores say how likely two names are the same party.
     */
    static final int CANDIDATES = 50;
    /** Events listed on the page, latest first; the events page has them all. */
    static final int EVENTS_SHOWN = 100;
    static final List<String> CSV_HEADER = List.of("id", "caption", "schema", "countries", "dataset", "score");
    /** The facets, by query parameter: the parties' kind, country and list, and the events' domain. */
    private static final Map<String, String> FACETS = facets();

    private final Pages pages;
    private final Screener screener;
    private final AnalyticsCache analytics;

    SearchPages(Pages pages, Screener screener, AnalyticsCache analytics) {
        this.pages = pages;
        this.screener = screener;
        this.analytics = analytics;
    }

    private static Map<String, String> facets() {
        Map<String, String> facets = new LinkedHashMap<>();
        facets.put("schema", "kind");
        facets.put("country", "country");
        facets.put("dataset", "list or dataset");
        facets.put("domain", "domain of the events");
        return facets;
    }

    /** The query and the facets chosen, in a fixed order, so that one search always has one URL. */
    private record Search(String query, Map<String, String> chosen) {
        static Search of(Context ctx) {
            Map<String, String> chosen = new LinkedHashMap<>();
            FACETS.keySet().forEach(facet -> chosen.put(facet, Pages.query(ctx, facet)));
            return new Search(Pages.query(ctx, "q"), chosen);
        }

        String chosen(String facet) {
            return chosen.get(facet);
        }

        /** The link to this search with one facet set to a value ("" drops it). */
        String with(String path, String facet, String value) {
            Map<String, String> parameters = parameters();
            parameters.put(facet, value);
            return Pages.link(path, parameters);
        }

        String link(String path) {
            return Pages.link(path, parameters());
        }

        private Map<String, String> parameters() {
            Map<String, String> parameters = new LinkedHashMap<>();
            parameters.put("q", query);
            parameters.putAll(chosen);
            return parameters;
        }
    }

    void page(Context ctx) {
        Search search = Search.of(ctx);
        if (search.query().isEmpty()) {
            pages.render(ctx, "search.jte", Map.of("page", SearchPage.empty()));
            return;
        }
        List<SearchPage.Hit> hits = hits(search);
        List<Flow> events = analytics.current().flows(new FlowFilter(null, null,
                search.chosen("domain").isEmpty() ? Set.of() : Set.of(search.chosen("domain")), Set.of(), search.query()));
        List<Flow> allEvents = search.chosen("domain").isEmpty() ? events
                : analytics.current().flows(new FlowFilter(null, null, Set.of(), Set.of(), search.query()));
        List<SearchPage.Facet> facets = List.of(
                facet(search, "schema", hits, hit -> List.of(hit.schema())),
                facet(search, "country", hits, SearchPage.Hit::countries),
                facet(search, "dataset", hits, hit -> List.of(hit.dataset())),
                facet(search, "domain", allEvents, flow -> flow.domain() == null ? List.of() : List.of(flow.domain())));
        List<SearchPage.Filter> filters = new ArrayList<>();
        search.chosen().forEach((facet, value) -> {
            if (!value.isEmpty()) {
                filters.add(new SearchPage.Filter(FACETS.get(facet), value, search.with("/workbench/search", facet, "")));
            }
        });
        String needle = search.query().toLowerCase(Locale.ROOT);
        List<SearchPage.ListMatch> lists = new ArrayList<>();
        for (ListSource source : ListSource.values()) {
            if (source.id().contains(needle) || source.title().toLowerCase(Locale.ROOT).contains(needle)) {
                lists.add(new SearchPage.ListMatch(source.id(), source.title()));
            }
        }
        Map<String, String> eventFilter = Pages.parameters("domain", search.chosen("domain"), "party", search.query());
        pages.render(ctx, "search.jte", Map.of("page", new SearchPage(search.query(), filters, hits, facets, lists,
                events.stream().sorted(Comparator.comparingInt(Flow::year).reversed().thenComparing(Flow::id)).limit(EVENTS_SHOWN).toList(),
                events.size(), search.link("/workbench/search.csv"), Pages.link("/workbench/events", eventFilter),
                Pages.link("/workbench/events.csv", eventFilter))));
    }

    void csv(Context ctx) {
        Search search = Search.of(ctx);
        List<List<String>> rows = new ArrayList<>();
        if (!search.query().isEmpty()) {
            for (SearchPage.Hit hit : hits(search)) {
                rows.add(List.of(hit.id(), hit.caption(), hit.schema(), hit.countriesText(), hit.dataset(), hit.score()));
            }
        }
        Pages.csv(ctx, "search.csv", CSV_HEADER, rows);
    }

    /**
     * The parties found by name, best first, in the chosen list (the scope of the search) and of the
     * chosen kind and country; parties that share no more than a common word with the query are left out.
     */
    private List<SearchPage.Hit> hits(Search search) {
        String scope = search.chosen("dataset").isEmpty() ? Scope.ALL : search.chosen("dataset");
        List<Screener.Result> results;
        try {
            results = screener.match(new Screener.Query("search", "LegalEntity", Map.of("name", List.of(search.query()))),
                    screener.scope(Scope.Spec.of(scope)), CANDIDATES, screener.thresholds().forLookup());
        } catch (ConvergenceException e) {
            return List.of(); // a query of punctuation alone names no one; a list not in the store holds no one
        }
        String schema = search.chosen("schema");
        String country = search.chosen("country");
        return results.stream()
                .filter(result -> schema.isEmpty() || result.entity().screened().schema().getName().equals(schema))
                .filter(result -> country.isEmpty() || result.entity().screened().countries().contains(country))
                .map(result -> new SearchPage.Hit(result.entity().screened().id(), result.entity().screened().caption(),
                        result.entity().screened().schema().getName(), result.entity().screened().dataset(),
                        List.copyOf(result.entity().screened().countries()), String.format(Locale.ROOT, "%.2f", result.score().score())))
                .toList();
    }

    /** A facet's values over the results, most frequent first, each linked to the search narrowed to it. */
    private static <T> SearchPage.Facet facet(Search search, String parameter, List<T> results, Function<T, List<String>> values) {
        Map<String, Long> counts = new TreeMap<>();
        for (T result : results) {
            values.apply(result).stream().distinct().forEach(value -> counts.merge(value, 1L, Long::sum));
        }
        List<SearchPage.FacetValue> facetValues = counts.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .map(entry -> new SearchPage.FacetValue(entry.getKey(), entry.getValue(), search.with("/workbench/search", parameter, entry.getKey())))
                .toList();
        return new SearchPage.Facet(parameter, FACETS.get(parameter), facetValues);
    }
}

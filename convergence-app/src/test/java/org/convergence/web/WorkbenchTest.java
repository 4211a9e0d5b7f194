package org.convergence.web;

import static org.convergence.web.WorkbenchTestServer.count;
import static org.convergence.web.WorkbenchTestServer.encode;
import static org.convergence.web.WorkbenchTestServer.find;
import static org.convergence.web.WorkbenchTestServer.unescape;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.convergence.analytics.ConvergenceAnalytics;
import org.convergence.analytics.CooperationNetwork;
import org.convergence.analytics.Flow;
import org.convergence.analytics.FlowFilter;
import org.convergence.lists.ListDiff;
import org.convergence.lists.ListSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The workbench's pages (overview, lists, events, entities, search) over the test store, read as a browser gets them. */
class WorkbenchTest {
    private static WorkbenchTestServer server;
    private static ConvergenceAnalytics analytics;

    @BeforeAll
    static void start() {
        server = WorkbenchTestServer.get();
        analytics = ConvergenceAnalytics.fromStore(server.store);
    }

    private static HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return server.get(path);
    }

    @Test
    void theOverviewDrawsOneHeatmapCellPerDomainAndYearAndSaysHowLongItTook() throws Exception {
        HttpResponse<String> response = get("/workbench");
        assertEquals(200, response.statusCode());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
        ConvergenceAnalytics.Matrix matrix = analytics.matrix(FlowFilter.ALL);
        assertTrue(matrix.domains().size() > 1 && matrix.years().size() > 1);
        assertEquals((long) matrix.domains().size() * matrix.years().size(), count(response.body(), "<rect class=\"cell\""));
        assertTrue(response.body().contains("<title id=\"heatmap-title\">"), "the chart says what it shows");
        assertTrue(response.body().contains("<code>ca-sema</code>") && response.body().contains("10180"),
                "the lists table shows SEMA with its entity count");
        assertTrue(response.headers().firstValue("Server-Timing").orElse("").matches("app;dur=\\d+\\.\\d"), response.headers().map().toString());
    }

    @Test
    void theOverviewShowsFlowsAndBreadthOverTimeAndTheLatestEvents() throws Exception {
        String html = get("/workbench").body();
        List<ConvergenceAnalytics.YearBreadth> breadth = analytics.breadth(FlowFilter.ALL);
        int broadest = breadth.stream().mapToInt(ConvergenceAnalytics.YearBreadth::domainCount).max().orElseThrow();
        assertTrue(html.contains("the broadest year has " + broadest), "the breadth chart says its peak");
        for (ConvergenceAnalytics.YearBreadth year : breadth) {
            assertTrue(html.contains("<title>" + year.year() + ", domains active: " + year.domainCount() + "</title>"), "breadth of " + year.year());
        }
        assertTrue(html.contains("stacked by direction"), "the direction of flows per year");
        String latest = find(html, "(<table id=\"latest-events\">[\\s\\S]*?</table>)");
        List<Flow> events = analytics.flows(FlowFilter.ALL).stream().filter(flow -> flow.kind().equals("event")).toList();
        int newest = events.stream().mapToInt(Flow::year).max().orElseThrow();
        var years = Pattern.compile("<tr><td class=\"num\">(\\d{4})</td>").matcher(latest).results().map(m -> Integer.parseInt(m.group(1))).toList();
        assertEquals(Math.min(10, events.size()), years.size());
        assertEquals(newest, years.getFirst());
        assertEquals(years.stream().sorted(java.util.Comparator.reverseOrder()).toList(), years, "latest first");
    }

    @Test
    void theOverviewsTablesDownloadAsCsv() throws Exception {
        ConvergenceAnalytics.Matrix matrix = analytics.matrix(FlowFilter.ALL);
        List<String> cells = get("/workbench/domain-year.csv").body().lines().toList();
        assertEquals("domain,year,events_and_transfers", cells.getFirst());
        assertEquals(matrix.domains().size() * matrix.years().size() + 1, cells.size());
        assertEquals(analytics.flows(FlowFilter.ALL).size(), cells.stream().skip(1).mapToInt(line -> Integer.parseInt(line.split(",")[2])).sum());
        List<String> flows = get("/workbench/flows.csv").body().lines().toList();
        assertEquals("period,ru_to_cn,cn_to_ru,joint", flows.getFirst());
        assertEquals(5, flows.size(), "four periods");
    }

    @Test
    void theOverviewShowsTheNetworksBrokersAndCommunitiesPerPeriodAndTheirCsv() throws Exception {
        String html = get("/workbench").body();
        List<ConvergenceAnalytics.PeriodNetwork> periods = analytics.networkByPeriod(FlowFilter.ALL, ConvergenceAnalytics.PERIOD_STARTS);
        String summary = find(html, "(<table id=\"network-periods\">[\\s\\S]*?</table>)");
        for (ConvergenceAnalytics.PeriodNetwork period : periods) {
            CooperationNetwork network = period.network();
            assertTrue(summary.contains("<tr><td>" + period.period() + "</td><td class=\"num\">" + network.events().size() + "</td><td class=\"num\">"
                    + network.parties().size() + "</td><td class=\"num\">" + network.ties().size() + "</td>"), period.period() + ": " + summary);
        }
        // The fixture's two events, a 2015 sale and a 2018 exercise, tie Rosoboronexport to the PLA Air Force in 2014–2021 alone.
        String brokers = find(html, "(<table id=\"network-brokers\">[\\s\\S]*?</table>)");
        assertEquals(2, count(brokers, "<tr><td>2014–"), brokers);
        assertTrue(brokers.contains("<a href=\"/workbench/entities/cvg-party-rosoboronexport\">Rosoboronexport</a></td><td>Russia</td>"), brokers);
        String communities = find(html, "(<table id=\"network-communities\">[\\s\\S]*?</table>)");
        assertEquals(1, count(communities, "<tr><td>"), communities);
        assertTrue(communities.contains("<td class=\"num\">2</td><td class=\"num\">1</td><td class=\"num\">1</td>"), "two parties: one Chinese, one Russian");

        List<String> brokerCsv = get("/workbench/network-brokers.csv").body().lines().toList();
        assertEquals("period,id,party,side,cn_ru_betweenness,betweenness,degree,chinese_ties,russian_ties", brokerCsv.getFirst());
        assertEquals(periods.stream().mapToInt(period -> period.network().parties().size()).sum() + 1, brokerCsv.size());
        List<String> memberCsv = get("/workbench/communities.csv").body().lines().toList();
        assertEquals("period,community,id,party,side", memberCsv.getFirst());
        assertTrue(memberCsv.contains("2014–2021,1,cvg-party-pla-air-force,People's Liberation Army Air Force,China"), memberCsv.toString());
    }

    @Test
    void theRootGoesToTheOverviewAndTheListsTableDownloadsAsCsv() throws Exception {
        HttpResponse<String> root = get("/");
        assertEquals(302, root.statusCode());
        assertEquals("/workbench", root.headers().firstValue("Location").orElse(""));
        HttpResponse<String> csv = get("/workbench/lists.csv");
        assertTrue(csv.headers().firstValue("Content-Type").orElse("").startsWith("text/csv"));
        assertEquals("attachment; filename=\"lists.csv\"", csv.headers().firstValue("Content-Disposition").orElse(""));
        List<String> lines = csv.body().lines().toList();
        assertEquals("source,title,version,data_date,entities,last_update", lines.getFirst());
        assertEquals(ListSource.values().length + 1, lines.size());
        assertTrue(lines.stream().anyMatch(line -> line.startsWith("ca-sema,") && line.contains(",2,2025-08-26,10180,")), lines.toString());
    }

    @Test
    void eventsFilterByDomainAndLinkToTheirEntityWithEverySource() throws Exception {
        String domain = analytics.matrix(FlowFilter.ALL).domains().first();
        long expected = analytics.flows(new FlowFilter(null, null, Set.of(domain), Set.of(), null)).size();
        String html = get("/workbench/events?domain=" + encode(domain)).body();
        assertEquals(expected, count(html, "<a class=\"record\" href=\"/workbench/entities/"), html);
        HttpResponse<String> entity = get(find(html, "<a class=\"record\" href=\"(/workbench/entities/[^\"]+)\">"));
        assertEquals(200, entity.statusCode());
        assertTrue(entity.body().contains("Every value and its source") && entity.body().contains("<td>sourceUrl</td>"), entity.body());
    }

    @Test
    void theEventTypeFilterKeepsOnlyEventsOfThatType() throws Exception {
        List<Flow> all = analytics.flows(FlowFilter.ALL);
        String type = all.getFirst().type();
        List<Flow> ofType = analytics.flows(new FlowFilter(null, null, Set.of(), Set.of(type), null));
        assertTrue(ofType.size() < all.size(), "the fixture has events of more than one type");
        String html = get("/workbench/events?type=" + encode(type)).body();
        assertEquals(ofType.size(), count(html, "<a class=\"record\""), html);
        assertTrue(html.contains("<option value=\"" + type + "\" selected>"), "the form shows the type chosen");
        for (Flow flow : ofType) {
            assertTrue(html.contains("/workbench/entities/" + flow.id()), flow.id());
        }
        assertTrue(html.contains("<label for=\"type\">Event type</label>"));
    }

    @Test
    void theTimelineDrawsEveryEventOnceByYearAndDirection() throws Exception {
        String html = get("/workbench/events").body();
        String svg = find(html, "(<svg role=\"img\" aria-label=\"Events and transfers per year[\\s\\S]*?</svg>)");
        var bars = Pattern.compile("<rect class=\"bar\"[^>]*><title>(\\d{4}), ([^:]+): (\\d+)</title></rect>").matcher(svg).results().toList();
        assertEquals(count(svg, "<rect class=\"bar\""), bars.size(), "every bar has its tooltip");
        assertEquals(analytics.flows(FlowFilter.ALL).size(), bars.stream().mapToInt(bar -> Integer.parseInt(bar.group(3))).sum());
        for (Flow flow : analytics.flows(FlowFilter.ALL)) {
            assertTrue(bars.stream().anyMatch(bar -> bar.group(1).equals(String.valueOf(flow.year()))), "a bar for " + flow.year());
        }
        assertTrue(svg.contains("Russia → China") || svg.contains("joint"), "each part names its direction");
    }

    @Test
    void theEventsTableDownloadsAsCsvWithTheSameFilterAndTheFiguresAndSources() throws Exception {
        String domain = "combat-aircraft";
        HttpResponse<String> csv = get("/workbench/events.csv?domain=" + domain);
        assertEquals("attachment; filename=\"events.csv\"", csv.headers().firstValue("Content-Disposition").orElse(""));
        List<String> lines = csv.body().lines().toList();
        assertEquals("year,kind,id,domain,type,direction,parties,item,figures,sources", lines.getFirst());
        assertEquals(analytics.flows(new FlowFilter(null, null, Set.of(domain), Set.of(), null)).size() + 1, lines.size());
        String sale = lines.stream().filter(line -> line.contains("cvg-event-2015-su-35-contract")).findFirst().orElseThrow();
        assertTrue(sale.startsWith("2015,event,cvg-event-2015-su-35-contract,combat-aircraft,arms-sale,ru-to-cn,"), sale);
        assertTrue(sale.contains("Rosoboronexport; People's Liberation Army Air Force") && sale.contains("Su-35 multirole fighter"), sale);
        assertTrue(sale.contains("\"quantity 24, 2,000,000,000 USD (2015 money) [https://example.org/first] | quantity 26 [https://example.org/second]\""),
                sale);
        assertTrue(sale.endsWith("First Publisher: https://example.org/first; Second Publisher: https://example.org/second"), sale);
        String page = get("/workbench/events?domain=" + domain).body();
        assertEquals("/workbench/events.csv?domain=" + domain, unescape(find(page, "<a id=\"events-csv\" href=\"([^\"]+)\"")));
    }

    @Test
    void anEventWithTwoClaimsShowsThemSideBySideEachWithItsSource() throws Exception {
        String html = get("/workbench/entities/cvg-event-2015-su-35-contract").body();
        String claims = find(html, "(<table id=\"claims\">[\\s\\S]*?</table>)");
        assertTrue(claims.contains("<tr><th scope=\"row\">quantity</th><td class=\"num\">24</td><td class=\"num\">26</td></tr>"), claims);
        assertTrue(claims.contains("<tr><th scope=\"row\">value</th><td class=\"num\">2,000,000,000 USD (2015 money)</td><td class=\"num\"></td></tr>"),
                claims);
        assertTrue(claims.indexOf("href=\"https://example.org/first\"") < claims.indexOf("href=\"https://example.org/second\""), claims);
        assertTrue(html.contains("supplier: <a href=\"/workbench/entities/cvg-party-rosoboronexport\">Rosoboronexport</a>"), html);
        assertTrue(html.contains("<p id=\"item\">Item: Su-35 multirole fighter</p>"));
        assertTrue(html.contains("<a href=\"https://example.org/second\" rel=\"noreferrer\">Second Publisher</a>"), "each source by its publisher");
        String exercise = get("/workbench/entities/cvg-event-2018-vostok").body();
        assertTrue(exercise.contains("The record gives no figures.") && !exercise.contains("id=\"claims\""), exercise);
    }

    @Test
    void aListedPersonShowsItsSanctionAndAListShowsWhatChangedBetweenItsVersions() throws Exception {
        String person = get("/workbench/entities/ca-sema-belarus-1-part-1-56").body();
        assertTrue(person.contains("Aleksey Oleksin") && person.contains("ca-sema-sanction-belarus-1-part-1-56"), person);
        assertTrue(!person.contains("id=\"claims\""), "only events have a record");
        var sema = server.store.latestVersion("ca-sema").orElseThrow();
        var sanction = server.store.fetchEntity(sema, "ca-sema-sanction-belarus-1-part-1-56").orElseThrow();
        String listings = find(person, "(<table id=\"listings\">[\\s\\S]*?</table>)");
        assertTrue(listings.contains(sanction.first("authority")) && listings.contains(sanction.first("program")), listings);
        String party = get("/workbench/entities/cvg-party-rosoboronexport").body();
        String names = find(party, "(<table id=\"names\">[\\s\\S]*?</table>)");
        var cyrillic = Pattern.compile("<tr><td>(Рособоронэкспорт)</td><td>cyrillic</td><td>([^<]+)</td><td>([a-zA-Z]+)</td></tr>").matcher(names);
        assertTrue(cyrillic.find(), "the name in its script, with its transliteration: " + names);
        assertTrue(cyrillic.group(2).startsWith("Rosoboron"), cyrillic.group(2));
        List<String> csv = get("/workbench/entities/ca-sema-belarus-1-part-1-56.csv").body().lines().toList();
        assertEquals("property,value,language,as_written,source", csv.getFirst());
        var listed = server.store.fetchEntity(sema, "ca-sema-belarus-1-part-1-56").orElseThrow();
        assertEquals(listed.statements().size() + 1, csv.size(), "one line per statement");
        assertEquals(404, get("/workbench/entities/nobody").statusCode());
        var versions = server.store.versions("ca-sema");
        var diff = ListDiff.between(server.store, versions.get(0), versions.get(1));
        String page = get("/workbench/lists/ca-sema/diff").body();
        assertTrue(page.contains("ca-sema@1 → ca-sema@2: " + diff.added().size() + " added, " + diff.removed().size() + " removed, "
                + diff.changed().size() + " changed."), page.substring(0, Math.min(3000, page.length())));
        assertTrue(get("/workbench/lists/ca-nro/diff").body().contains("ca-nro has 1 version(s)"));
        var backwards = ListDiff.between(server.store, versions.get(1), versions.get(0));
        String reversed = get("/workbench/lists/ca-sema/diff?from=2&to=1").body();
        assertTrue(reversed.contains("ca-sema@2 → ca-sema@1: " + backwards.added().size() + " added"), "any two versions, by a stable URL");
        List<String> rows = get(unescape(find(reversed, "<a id=\"diff-csv\" href=\"([^\"]+)\""))).body().lines().toList();
        assertEquals(backwards.added().size() + backwards.removed().size() + backwards.changed().size() + 1, rows.size());
        assertEquals(404, get("/workbench/lists/ca-sema/diff?from=9").statusCode());
    }

    @Test
    void theChangesOfAListNotInTheStoreAnswer404NamingTheLists() throws Exception {
        HttpResponse<String> unknown = get("/workbench/lists/no-such-list/diff");
        assertEquals(404, unknown.statusCode());
        assertTrue(unknown.body().contains("No list 'no-such-list' in the store: the lists are ") && unknown.body().contains("ca-sema"),
                unknown.body());
    }

    @Test
    void pagesTakeTheirStyleFromTheServedStyleSheetOnly() throws Exception {
        HttpResponse<String> page = get("/workbench");
        assertTrue(page.body().contains("<link rel=\"stylesheet\" href=\"/workbench/workbench.css\">"));
        assertFalse(page.body().contains("<style") || page.body().contains("style=\"") || page.body().contains("<script"), "no inline style or script");
        assertTrue(page.headers().firstValue("Content-Security-Policy").orElse("").contains("style-src 'self'"), page.headers().map().toString());
        HttpResponse<String> css = get("/workbench/workbench.css");
        assertEquals(200, css.statusCode());
        assertTrue(css.headers().firstValue("Content-Type").orElse("").startsWith("text/css"));
        assertTrue(css.body().contains("svg.graph"), css.body());
    }

    @Test
    void oneSearchBoxFindsListedPartiesTheListsAndTheEventsThatNameThem() throws Exception {
        String institute = get("/workbench/search?q=" + encode("哈尔滨工业大学")).body();
        assertTrue(institute.contains("/workbench/entities/ca-nro-cn-harbin-institute-of-technology"), institute);
        assertTrue(institute.contains("href=\"/workbench/search?q=" + encode("哈尔滨工业大学") + "&amp;dataset=ca-nro\">ca-nro</a>"), "a facet by list");
        String party = analytics.flows(FlowFilter.ALL).getFirst().parties().getFirst();
        String events = get("/workbench/search?q=" + encode(party)).body();
        long expected = analytics.flows(new FlowFilter(null, null, Set.of(), Set.of(), party)).size();
        assertTrue(events.contains("Co-operation events naming it (" + expected + ")"), events);
        assertEquals(200, get("/workbench/search?q=" + encode("--")).statusCode());
        String lists = get("/workbench/search?q=sanctions").body();
        assertTrue(lists.contains("<code>ca-sema</code>") && lists.contains("<h2>Official lists</h2>"), "the lists whose name holds the query");
    }

    @Test
    void aSearchListsPartiesBestFirstAndLeavesOutThoseThatShareNothingWithTheQuery() throws Exception {
        String csv = get("/workbench/search.csv?q=" + encode("Rosoboronexport")).body();
        List<Double> scores = new ArrayList<>();
        try (var rows = new com.fasterxml.jackson.dataformat.csv.CsvMapper().readerForMapOf(String.class)
                .with(com.fasterxml.jackson.dataformat.csv.CsvSchema.emptySchema().withHeader()).<java.util.Map<String, String>>readValues(csv)) {
            rows.forEachRemaining(row -> scores.add(Double.parseDouble(row.get("score"))));
        }
        assertTrue(scores.stream().allMatch(score -> score >= 0.01), "no party that scored 0.00: " + csv);
        List<Double> best = new ArrayList<>(scores);
        best.sort(java.util.Comparator.reverseOrder());
        assertEquals(best, scores, "best first");
    }

    @Test
    void aFacetLinkNarrowsTheResultsToItsCountAndTheCsvHasTheSameRows() throws Exception {
        String query = "Institute of Technology";
        String all = get("/workbench/search?q=" + encode(query)).body();
        long everyParty = count(all, "<tr><td><a href=\"/workbench/entities/");
        String countries = find(all, "(<ul class=\"facet\" data-facet=\"country\">[\\s\\S]*?</ul>)");
        var facet = Pattern.compile("<li><a href=\"([^\"]+)\">([a-z]{2})</a> \\((\\d+)\\)</li>").matcher(countries);
        assertTrue(facet.find(), countries);
        String link = unescape(facet.group(1));
        String country = facet.group(2);
        int facetCount = Integer.parseInt(facet.group(3));
        assertTrue(facetCount < everyParty, "the facet narrows: " + facetCount + " of " + everyParty);
        assertEquals("/workbench/search?q=" + encode(query) + "&country=" + country, link);
        String narrowed = get(link).body();
        var rows = Pattern.compile("<tr><td><a href=\"/workbench/entities/([^\"]+)\">[^<]*</a></td><td>[^<]*</td><td>([^<]*)</td>").matcher(narrowed)
                .results().toList();
        assertEquals(facetCount, rows.size(), narrowed);
        assertTrue(rows.stream().allMatch(row -> List.of(row.group(2).split(", ")).contains(country)), "every party is of that country");
        assertTrue(narrowed.contains("country: <strong>" + country + "</strong> <a href=\"/workbench/search?q=" + encode(query) + "\">remove</a>"),
                narrowed);
        List<String> csv = get(unescape(find(narrowed, "<a id=\"search-csv\" href=\"([^\"]+)\""))).body().lines().toList();
        assertEquals("id,caption,schema,countries,dataset,score", csv.getFirst());
        assertEquals(rows.stream().map(row -> row.group(1)).toList(), csv.subList(1, csv.size()).stream().map(line -> line.split(",")[0]).toList());
    }

    @Test
    void everyPageLabelsItsFieldsDescribesItsChartAndKeepsItsHeadingsInOrder() throws Exception {
        String domain = analytics.matrix(FlowFilter.ALL).domains().first();
        List<String> pages = List.of("/workbench", "/workbench/events", "/workbench/events?domain=" + encode(domain),
                "/workbench/events?type=arms-sale", "/workbench/search?q=" + encode("Institute of Technology") + "&country=cn", "/workbench/lists",
                "/workbench/lists/ca-sema/diff", "/workbench/lists/ca-nro/diff", "/workbench/search", "/workbench/search?q=" + encode("Harbin"),
                "/workbench/screen", "/workbench/entities/ca-sema-belarus-1-part-1-56", "/workbench/entities/nobody",
                "/workbench/entities/" + analytics.flows(FlowFilter.ALL).getFirst().id());
        for (String page : pages) {
            assertEquals(List.of(), AccessibilityCheck.problems(get(page).body()), page);
        }
        String screened = server.post("/workbench/screen", "name=" + encode("Алексей Олексин") + "&schema=Person").body();
        assertTrue(screened.contains("True match"), "the results page, with its decision forms");
        assertEquals(List.of(), AccessibilityCheck.problems(screened), "screening results");
    }
}

package org.convergence.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import org.convergence.analytics.ConvergenceAnalytics;
import org.convergence.analytics.FlowFilter;
import org.convergence.api.ApiServer;
import org.convergence.evidence.EvidenceBase;
import org.convergence.evidence.EvidenceEntities;
import org.convergence.ingest.Checksums;
import org.convergence.ingest.EntityListSource;
import org.convergence.ingest.ImportProgress;
import org.convergence.ingest.ImportRequest;
import org.convergence.ingest.Ingestor;
import org.convergence.lists.ListSource;
import org.convergence.model.ConvergenceModel;
import org.convergence.screening.ScoringModel;
import org.convergence.screening.Scorer;
import org.convergence.screening.Screener;
import org.convergence.store.H2StatementStore;
import org.convergence.store.StatementStore;
import org.convergence.testing.Fixtures;
import org.convergence.testing.SharedData;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The workbench pages over a store with the evidence fixture and Canada's SEMA list, read as a browser would get them. */
class WorkbenchTest {
    @TempDir
    static Path folder;

    private static StatementStore store;
    private static Screener screener;
    private static ApiServer server;
    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    @BeforeAll
    static void start() {
        ConvergenceModel model = ConvergenceModel.standard();
        store = new H2StatementStore(folder, model);
        EvidenceBase evidence = EvidenceBase.read(Fixtures.evidence());
        new Ingestor(store).run(new ImportRequest("evidence", "fixture", Checksums.sha256(evidence.files().toArray(Path[]::new)), null),
                new EntityListSource(EvidenceEntities.of(evidence, "evidence", model)), false, ImportProgress.NONE);
        ListSource.CA_SEMA.importInto(store, SharedData.require("lists/ca-sema/sema-lmes_2020-04-15.xml"), model, false, ImportProgress.NONE);
        ListSource.CA_SEMA.importInto(store, SharedData.require("lists/ca-sema/sema-lmes_2025-09-22.xml"), model, false, ImportProgress.NONE);
        ListSource.CA_NRO.importInto(store, SharedData.require("research-security/ca-nro/named-research-organizations_2024-04-18.html"), model,
                false, ImportProgress.NONE);
        screener = new Screener(store, model, new Scorer(ScoringModel.standard()));
        server = ApiServer.start(screener, store, model, "127.0.0.1", 0);
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
        if (screener != null) {
            screener.close();
        }
        if (store != null) {
            store.close();
        }
    }

    private static HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return CLIENT.send(HttpRequest.newBuilder(URI.create(server.url() + path)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> post(String path, String form) throws IOException, InterruptedException {
        return CLIENT.send(HttpRequest.newBuilder(URI.create(server.url() + path)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private static long count(String html, String regex) {
        return Pattern.compile(regex).matcher(html).results().count();
    }

    @Test
    void theOverviewDrawsOneHeatmapCellPerDomainAndYear() throws Exception {
        HttpResponse<String> response = get("/workbench");
        assertEquals(200, response.statusCode());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
        ConvergenceAnalytics.Matrix matrix = ConvergenceAnalytics.fromStore(store).matrix(FlowFilter.ALL);
        assertTrue(matrix.domains().size() > 1 && matrix.years().size() > 1);
        assertEquals((long) matrix.domains().size() * matrix.years().size(), count(response.body(), "<rect class=\"cell\""));
        assertTrue(response.body().contains("<title id=\"heatmap-title\">"), "the chart says what it shows");
        assertTrue(response.body().contains("<code>ca-sema</code>") && response.body().contains("10180"),
                "the lists table shows SEMA with its entity count");
    }

    @Test
    void theRootGoesToTheOverviewAndTheListsTableDownloadsAsCsv() throws Exception {
        HttpResponse<String> root = get("/");
        assertEquals(302, root.statusCode());
        assertEquals("/workbench", root.headers().firstValue("Location").orElse(""));
        HttpResponse<String> csv = get("/workbench/lists.csv");
        assertTrue(csv.headers().firstValue("Content-Type").orElse("").startsWith("text/csv"));
        List<String> lines = csv.body().lines().toList();
        assertEquals("source,title,version,data_date,entities,last_update", lines.getFirst());
        assertEquals(ListSource.values().length + 1, lines.size());
        assertTrue(lines.stream().anyMatch(line -> line.startsWith("ca-sema,") && line.contains(",2,2025-08-26,10180,")), lines.toString());
    }

    @Test
    void screeningANameShowsTheExplanationAndRecordsTheDecision() throws Exception {
        HttpResponse<String> results = post("/workbench/screen", "name=" + encode("Алексей Олексин") + "&schema=Person&country=by");
        assertEquals(200, results.statusCode());
        String html = results.body();
        assertTrue(html.contains("Aleksey Oleksin") && html.contains("class=\"match\""), html);
        assertTrue(html.contains("name.query_coverage") && html.contains("oleksin"), "each feature with its detail");
        var request = Pattern.compile("name=\"request\" value=\"(\\d+)\"").matcher(html);
        assertTrue(request.find());
        HttpResponse<String> decided = post("/workbench/screen/decision", "request=" + request.group(1)
                + "&entity=ca-sema-belarus-1-part-1-56&decision=false-positive&comment=" + encode("born elsewhere"));
        assertTrue(decided.body().contains("Recorded: ca-sema-belarus-1-part-1-56"), decided.body());
    }

    @Test
    void eventsFilterByDomainAndLinkToTheirEntityWithEverySource() throws Exception {
        ConvergenceAnalytics analytics = ConvergenceAnalytics.fromStore(store);
        String domain = analytics.matrix(FlowFilter.ALL).domains().first();
        long expected = analytics.flows(new FlowFilter(null, null, java.util.Set.of(domain), java.util.Set.of(), null)).size();
        String html = get("/workbench/events?domain=" + encode(domain)).body();
        assertEquals(expected, count(html, "<a href=\"/workbench/entities/"), html);
        var link = Pattern.compile("<a href=\"(/workbench/entities/[^\"]+)\">").matcher(html);
        assertTrue(link.find());
        HttpResponse<String> entity = get(link.group(1));
        assertEquals(200, entity.statusCode());
        assertTrue(entity.body().contains("Every value and its source") && entity.body().contains("<td>sourceUrl</td>"), entity.body());
    }

    @Test
    void aListedPersonShowsItsSanctionAndAListShowsWhatChangedBetweenItsVersions() throws Exception {
        String person = get("/workbench/entities/ca-sema-belarus-1-part-1-56").body();
        assertTrue(person.contains("Aleksey Oleksin") && person.contains("ca-sema-sanction-belarus-1-part-1-56"), person);
        assertEquals(404, get("/workbench/entities/nobody").statusCode());
        var versions = store.versions("ca-sema");
        var diff = org.convergence.lists.ListDiff.between(store, versions.get(0), versions.get(1));
        String page = get("/workbench/lists/ca-sema/diff").body();
        assertTrue(page.contains("ca-sema@1 → ca-sema@2: " + diff.added().size() + " added, " + diff.removed().size() + " removed, "
                + diff.changed().size() + " changed."), page.substring(0, Math.min(3000, page.length())));
        assertTrue(get("/workbench/lists/ca-nro/diff").body().contains("ca-nro has 1 version(s)"));
    }

    @Test
    void oneSearchBoxFindsListedPartiesAndTheEventsThatNameThem() throws Exception {
        String institute = get("/workbench/search?q=" + encode("哈尔滨工业大学")).body();
        assertTrue(institute.contains("/workbench/entities/ca-nro-cn-harbin-institute-of-technology"), institute);
        assertTrue(institute.contains("<li>ca-nro: "), "a facet by list");
        String party = ConvergenceAnalytics.fromStore(store).flows(FlowFilter.ALL).getFirst().parties().getFirst();
        String events = get("/workbench/search?q=" + encode(party)).body();
        long expected = ConvergenceAnalytics.fromStore(store).flows(new FlowFilter(null, null, java.util.Set.of(), java.util.Set.of(), party)).size();
        assertTrue(events.contains("Co-operation events naming it (" + expected + ")"), events);
        assertEquals(200, get("/workbench/search?q=" + encode("--")).statusCode());
    }

    @Test
    void everyPageLabelsItsFieldsDescribesItsChartAndKeepsItsHeadingsInOrder() throws Exception {
        String domain = ConvergenceAnalytics.fromStore(store).matrix(FlowFilter.ALL).domains().first();
        List<String> pages = List.of("/workbench", "/workbench/events", "/workbench/events?domain=" + encode(domain), "/workbench/lists",
                "/workbench/lists/ca-sema/diff", "/workbench/lists/ca-nro/diff", "/workbench/search", "/workbench/search?q=" + encode("Harbin"),
                "/workbench/screen", "/workbench/entities/ca-sema-belarus-1-part-1-56", "/workbench/entities/nobody");
        for (String page : pages) {
            assertEquals(List.of(), AccessibilityCheck.problems(get(page).body()), page);
        }
        String screened = post("/workbench/screen", "name=" + encode("Алексей Олексин") + "&schema=Person").body();
        assertTrue(screened.contains("True match"), "the results page, with its decision forms");
        assertEquals(List.of(), AccessibilityCheck.problems(screened), "screening results");
    }

    @Test
    void aQueryWithoutANameIsExplainedOnThePage() throws Exception {
        HttpResponse<String> response = post("/workbench/screen", "name=&schema=Person");
        assertEquals(200, response.statusCode());
        assertTrue(response.body().contains("role=\"alert\""), response.body());
    }
}

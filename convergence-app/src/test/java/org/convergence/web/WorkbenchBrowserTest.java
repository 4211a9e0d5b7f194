package org.convergence.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import java.io.IOException;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.convergence.analytics.ConvergenceAnalytics;
import org.convergence.analytics.FlowFilter;
import org.convergence.server.ConvergenceServer;
import org.convergence.accounts.Role;
import org.convergence.accounts.Accounts;
import org.convergence.ingest.ImportProgress;
import org.convergence.lists.ListSource;
import org.convergence.model.ConvergenceModel;
import org.convergence.screening.Scorer;
import org.convergence.screening.Scope;
import org.convergence.screening.Screener;
import org.convergence.screening.ScoringModel;
import org.convergence.screening.audit.AuditLog;
import org.convergence.store.H2StatementStore;
import org.convergence.store.StatementStore;
import org.convergence.testing.Fixtures;
import org.convergence.testing.SharedData;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The workbench end to end in a real browser (the system's Chromium, headless): the curated evidence
 * base of {@code evidence/}, the UN Security Council list and Canada's Named Research Organizations in
 * a temporary store, served on a free port. Each page visited is saved as a screenshot under
 * {@code target/screenshots} and checked for basic accessibility.
 */
class WorkbenchBrowserTest {
    private static final int WIDTH = 1280;
    private static final int HEIGHT = 900;
    private static final Path SCREENSHOTS = Path.of(System.getProperty("basedir", "."), "target", "screenshots");
    /** On the UN list's DPRK regime ("primary arms dealer", says the listing); screened by its name in mixed case. */
    private static final String UN_LISTED = "Korea Mining Development Trading Corporation";
    /** On Canada's Named Research Organizations list, and a party in the evidence base. */
    private static final String INSTITUTE = "Harbin Institute of Technology";

    @TempDir
    static Path folder;

    private static ChromeDriver browser;
    private static StatementStore store;
    private static Screener screener;
    private static ConvergenceServer server;

    @BeforeAll
    static void start() throws IOException {
        if (!SystemChromium.installed()) {
            return; // nothing to load: requireBrowser skips every test (fails it in CI) naming the packages to install
        }
        browser = SystemChromium.start(WIDTH, HEIGHT);
        ConvergenceModel model = ConvergenceModel.standard();
        store = new H2StatementStore(folder.resolve("store"), model);
        Fixtures.importEvidence(store, repositoryRoot().resolve("evidence"), model);
        ListSource.UN_SC.importInto(store, SharedData.require("lists/un-sc/un_consolidated_2026-02-27.xml"), model, false, ImportProgress.NONE);
        ListSource.CA_NRO.importInto(store, SharedData.require("research-security/ca-nro/named-research-organizations_2024-04-18.html"), model,
                false, ImportProgress.NONE);
        screener = new Screener(store, model, new Scorer(ScoringModel.standard()));
        server = ConvergenceServer.start(screener, store, model);
        Files.createDirectories(SCREENSHOTS);
    }

    @BeforeEach
    void requireBrowser() {
        SystemChromium.requireInstalled();
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.quit();
        }
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

    private static Path repositoryRoot() {
        return Path.of(System.getProperty("convergence.repository.root", "..")).toAbsolutePath().normalize();
    }

    private static void open(String path) {
        browser.get(server.url() + path);
    }

    private static WebDriverWait waiting() {
        return new WebDriverWait(browser, Duration.ofSeconds(30));
    }

    /** Saves what the browser shows as target/screenshots/NAME.png and checks the page's HTML for basic accessibility. */
    private static void capture(String name) throws IOException {
        Files.copy(browser.getScreenshotAs(OutputType.FILE).toPath(), SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
        assertEquals(List.of(), AccessibilityCheck.problems(browser.getPageSource()), name + " page at " + browser.getCurrentUrl());
        assertEquals(List.of(), securityPolicyViolations(), name + " page at " + browser.getCurrentUrl());
    }

    /** What the browser's console says the server's Content-Security-Policy blocked since it was last read. */
    private static List<String> securityPolicyViolations() {
        return browser.manage().logs().get(LogType.BROWSER).getAll().stream().map(LogEntry::getMessage)
                .filter(message -> message.contains("Content Security Policy")).toList();
    }

    private static List<String> column(String table, int column) {
        return browser.findElements(By.cssSelector(table + " tbody tr td:nth-child(" + column + ")")).stream().map(WebElement::getText).toList();
    }

    @Test
    void theOverviewDrawsOneCellPerDomainAndYearOfTheAnalytics() throws IOException {
        ConvergenceAnalytics.Matrix matrix = ConvergenceAnalytics.fromStore(store).matrix(FlowFilter.ALL);
        assertTrue(matrix.domains().size() > 1 && matrix.years().size() > 1, "the evidence base spans domains and years");
        open("/workbench");
        WebElement chart = browser.findElement(By.cssSelector("svg[role=img]"));
        // Drawn, not only present: every cell has a laid-out box of its own.
        Object drawn = browser.executeScript("return Array.from(arguments[0].querySelectorAll('rect.cell'))"
                + ".filter(cell => { const box = cell.getBoundingClientRect(); return box.width > 0 && box.height > 0; }).length", chart);
        assertEquals((long) matrix.domains().size() * matrix.years().size(), ((Number) drawn).longValue());
        assertTrue(chart.getSize().getWidth() > 300 && chart.getSize().getHeight() > 100, "the heatmap's size: " + chart.getSize());
        assertEquals(matrix.domains().size(), chart.findElements(By.cssSelector("text")).stream()
                .filter(label -> matrix.domains().contains(label.getText())).count(), "a label per domain");
        capture("overview");
    }

    @Test
    void filteringEventsByDomainKeepsOnlyThatDomainsRows() throws IOException {
        ConvergenceAnalytics analytics = ConvergenceAnalytics.fromStore(store);
        String domain = analytics.matrix(FlowFilter.ALL).domains().first();
        int expected = analytics.flows(new FlowFilter(null, null, Set.of(domain), Set.of(), null)).size();
        open("/workbench/events");
        int all = analytics.flows(FlowFilter.ALL).size();
        assertTrue(browser.findElement(By.id("events-count")).getText().startsWith(all + " events and transfers"));
        assertEquals(Math.min(all, EventPages.PAGE_SIZE), browser.findElements(By.cssSelector("table#events tbody tr")).size());
        new Select(browser.findElement(By.id("domain"))).selectByValue(domain);
        browser.findElement(By.cssSelector("form button[type=submit]")).click();
        waiting().until(ExpectedConditions.urlContains("domain="));
        List<String> domains = column("table#events", 2);
        assertTrue(expected > 0 && expected < all, expected + " of " + all);
        assertTrue(browser.findElement(By.id("events-count")).getText().startsWith(expected + " events and transfers"));
        assertEquals(Math.min(expected, EventPages.PAGE_SIZE), domains.size());
        assertEquals(Set.of(domain), Set.copyOf(domains));
        assertEquals(domain, new Select(browser.findElement(By.id("domain"))).getFirstSelectedOption().getDomProperty("value"), "the filter stays set");
        capture("events");
    }

    @Test
    void anEntityReachedFromASearchShowsItsNameAndTheSourceOfEveryValue() throws IOException {
        open("/workbench/search");
        browser.findElement(By.id("q")).sendKeys(INSTITUTE);
        browser.findElement(By.cssSelector("form button[type=submit]")).click();
        waiting().until(ExpectedConditions.urlContains("q="));
        WebElement hit = browser.findElements(By.cssSelector("table#parties tbody tr")).stream()
                .filter(row -> row.findElement(By.cssSelector("td:nth-child(4)")).getText().equals("ca-nro")).findFirst()
                .orElseThrow(() -> new AssertionError("no ca-nro hit for " + INSTITUTE + ": " + browser.getPageSource()));
        capture("search");
        hit.findElement(By.cssSelector("td a")).click();
        waiting().until(ExpectedConditions.urlContains("/workbench/entities/"));
        assertEquals(INSTITUTE, browser.findElement(By.tagName("h1")).getText());
        List<String> sources = column("table#statements", 5);
        assertFalse(sources.isEmpty());
        assertTrue(sources.stream().allMatch(source -> source.contains("named-research-organizations_2024-04-18.html")), sources.toString());
        capture("entity");
    }

    @Test
    void aTrueMatchRecordedOnTheResultsPageIsInTheAuditLog() throws IOException {
        open("/workbench/screen");
        browser.findElement(By.id("name")).sendKeys(UN_LISTED);
        new Select(browser.findElement(By.id("schema"))).selectByValue("Organization");
        browser.findElement(By.cssSelector("form button[type=submit]")).click();
        WebElement result = waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("main section")));
        assertTrue(result.findElement(By.tagName("h3")).getText().toUpperCase().startsWith(UN_LISTED.toUpperCase()),
                result.findElement(By.tagName("h3")).getText());
        String request = result.findElement(By.name("request")).getDomProperty("value");
        String entity = result.findElement(By.name("entity")).getDomProperty("value");
        assertTrue(entity.startsWith("un-sc-"), entity);
        capture("screening-results");

        result.findElement(By.id("comment-" + entity)).sendKeys("listed by the UN Security Council");
        result.findElement(By.cssSelector("button[value=true-match]")).click();
        WebElement status = waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[role=status]")));
        assertTrue(status.getText().startsWith("Recorded: " + entity), status.getText());
        capture("screening-decision");

        StringWriter export = new StringWriter();
        AuditLog.of(store).export(export, AuditLog.Format.JSONL, null, null);
        JsonNode logged = export.toString().lines().map(WorkbenchBrowserTest::json)
                .filter(line -> line.get("request_id").asText().equals(request)).findFirst().orElseThrow();
        assertEquals("workbench", logged.get("source").asText());
        JsonNode decided = null;
        for (JsonNode returned : logged.get("results")) {
            if (returned.get("entity_id").asText().equals(entity)) {
                decided = returned.get("decisions").get(0);
            }
        }
        assertNotNull(decided, "the decision on the result in the log: " + logged);
        assertEquals("true-match", decided.get("decision").asText());
        assertEquals("listed by the UN Security Council", decided.get("comment").asText());
    }

    /**
     * Written against the upload form the batch-upload branch adds to the screening page ({@code #batch-form}
     * posting to {@code /workbench/screen/batch}, {@code #batch-file}, {@code #batch-submit}; the results in
     * {@code #batch-results} with the links {@code #download-csv} and {@code #download-jsonl}): it fails until
     * that branch is merged.
     */
    @Test
    void anUploadedCsvIsScreenedAndItsResultsDownloadAsCsv() throws IOException, InterruptedException {
        List<String> names = List.of(UN_LISTED, INSTITUTE);
        Path upload = folder.resolve("customers.csv");
        Files.writeString(upload, "name\n" + String.join("\n", names) + "\n");
        open("/workbench/screen");
        assertFalse(browser.findElements(By.id("batch-form")).isEmpty(),
                "the screening page has no batch upload form (#batch-form): the upload UI is not in this build");
        browser.findElement(By.id("batch-file")).sendKeys(upload.toAbsolutePath().toString());
        browser.findElement(By.id("batch-submit")).click();
        waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("batch-results")));
        int shown = browser.findElements(By.cssSelector("#batch-results tbody tr")).size();
        assertTrue(shown >= names.size(), "a row per hit, at least one per name: " + shown);
        assertFalse(browser.findElement(By.id("download-jsonl")).getDomProperty("href").isBlank());
        capture("batch-results");

        HttpResponse<String> download = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(browser.findElement(By.id("download-csv")).getDomProperty("href"))).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, download.statusCode());
        List<Map<String, String>> rows = csv(download.body());
        assertEquals(shown, rows.size(), "the download has the rows the page shows");
        for (String name : names) {
            String best = screener.match(new Screener.Query("expected", "LegalEntity", Map.of("name", List.of(name))),
                    screener.scope(Scope.Spec.of(Scope.ALL)), 1, screener.thresholds().withCutoff(0))
                    .getFirst().entity().screened().id();
            assertTrue(rows.stream().anyMatch(row -> name.equals(row.get("input_name")) && best.equals(row.get("matched_id"))),
                    name + " → " + best + " in " + rows);
        }
    }

    private static JsonNode json(String line) {
        try {
            return new ObjectMapper().readTree(line);
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + line, e);
        }
    }

    /** The rows of a CSV with a header, as maps from column to value. */
    private static List<Map<String, String>> csv(String text) throws IOException {
        CsvMapper mapper = new CsvMapper().enable(CsvParser.Feature.WRAP_AS_ARRAY);
        List<Map<String, String>> rows = new ArrayList<>();
        try (var lines = mapper.readerFor(String[].class).<String[]>readValues(text)) {
            String[] header = lines.next();
            while (lines.hasNext()) {
                String[] cells = lines.next();
                Map<String, String> row = new LinkedHashMap<>();
                for (int i = 0; i < header.length; i++) {
                    row.put(header[i], i < cells.length ? cells[i] : "");
                }
                rows.add(row);
            }
        }
        return rows;
    }

    @Test
    void onATeamServerAnAnalystSignsInScreensWithTheFormsTokenAndSignsOut(@TempDir Path teamFolder) throws IOException {
        ConvergenceModel model = ConvergenceModel.standard();
        try (StatementStore team = new H2StatementStore(teamFolder, model)) {
            ListSource.CA_NRO.importInto(team, SharedData.require("research-security/ca-nro/named-research-organizations_2024-04-18.html"), model,
                    false, ImportProgress.NONE);
            Accounts.of(team).add("ana", Role.ANALYST, "an analyst's long password".toCharArray());
            try (Screener teamScreener = Screener.open(team); ConvergenceServer teamServer = ConvergenceServer.start(teamScreener, team, model)) {
                browser.get(teamServer.url() + "/workbench/screen");
                assertEquals("Sign in", browser.findElement(By.tagName("h1")).getText(), "nobody signed in is asked to");
                capture("sign-in");
                browser.findElement(By.name("name")).sendKeys("ana");
                browser.findElement(By.name("password")).sendKeys("an analyst's long password");
                browser.findElement(By.cssSelector("main form button[type=submit]")).click();
                waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("name")));
                assertTrue(browser.getCurrentUrl().endsWith("/workbench/screen"), "back to the page asked for: " + browser.getCurrentUrl());
                assertTrue(browser.findElement(By.cssSelector("header .account")).getText().startsWith("ana (analyst)"));
                browser.findElement(By.id("name")).sendKeys(INSTITUTE);
                new Select(browser.findElement(By.id("schema"))).selectByValue("Organization");
                browser.findElement(By.cssSelector("main form button[type=submit]")).click();
                WebElement result = waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("main section")));
                assertTrue(result.findElement(By.tagName("h3")).getText().contains("Harbin"), result.getText());
                StringWriter audit = new StringWriter();
                AuditLog.of(team).export(audit, AuditLog.Format.CSV, null, null);
                assertTrue(audit.toString().lines().anyMatch(line -> line.contains(INSTITUTE) && line.contains(",ana,")), audit.toString());
                browser.findElement(By.cssSelector("header .account button")).click();
                waiting().until(ExpectedConditions.textToBe(By.tagName("h1"), "Sign in"));
                browser.get(teamServer.url() + "/workbench/screen");
                assertEquals("Sign in", browser.findElement(By.tagName("h1")).getText(), "signed out, the session is gone");
            }
        }
    }
}

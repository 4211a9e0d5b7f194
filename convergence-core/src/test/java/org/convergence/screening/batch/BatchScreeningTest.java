package org.convergence.screening.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;
import org.convergence.ConvergenceException;
import org.convergence.ErrorCategory;
import org.convergence.ingest.ImportProgress;
import org.convergence.lists.ListSource;
import org.convergence.model.ConvergenceModel;
import org.convergence.screening.Scorer;
import org.convergence.screening.Scope;
import org.convergence.screening.Screener;
import org.convergence.screening.Thresholds;
import org.convergence.screening.ScoringModel;
import org.convergence.screening.audit.AuditLog;
import org.convergence.screening.audit.Requester;
import org.convergence.store.H2StatementStore;
import org.convergence.store.StatementStore;
import org.convergence.testing.SharedData;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Batch screening of files against the real SEMA list, through the audit log, into every output format. */
class BatchScreeningTest {
    private static final ConvergenceModel MODEL = ConvergenceModel.standard();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String OLEKSIN = "ca-sema-belarus-1-part-1-56";
    private static final String LUKASHENKO = "ca-sema-belarus-1-part-1-8";

    @TempDir
    static Path storeFolder;

    @TempDir
    Path folder;

    private static StatementStore store;
    private static Screener screener;

    @BeforeAll
    static void importList() {
        store = new H2StatementStore(storeFolder, MODEL);
        ListSource.CA_SEMA.importInto(store, SharedData.require("lists/ca-sema/sema-lmes_2025-09-22.xml"), MODEL, false, ImportProgress.NONE);
        screener = new Screener(store, MODEL, new Scorer(ScoringModel.standard()));
    }

    @AfterAll
    static void close() {
        if (screener != null) {
            screener.close();
        }
        if (store != null) {
            store.close();
        }
    }

    private record Outputs(String csv, String jsonl, String html, BatchSummary summary) {}

    private Outputs screen(Path file, List<String> columns, int threads, boolean skipInvalid) {
        StringWriter csv = new StringWriter();
        StringWriter jsonl = new StringWriter();
        StringWriter html = new StringWriter();
        try (BatchInput input = BatchInput.open(file, BatchInput.Format.of(file), columns, null, skipInvalid, MODEL)) {
            BatchSummary summary = new BatchScreening(screener, AuditLog.of(store)).run(input, file.getFileName().toString(),
                    new BatchScreening.Settings(Scope.Spec.of("all"), 3, matchesOnly(), Requester.outsideWorkspaces("ana"), threads),
                    List.of(new CsvResultWriter(csv), new JsonLinesResultWriter(jsonl), new HtmlReport(html)), ImportProgress.NONE);
            return new Outputs(csv.toString(), jsonl.toString(), html.toString(), summary);
        }
    }

    private static List<Map<String, String>> csvRows(String csv) throws IOException {
        List<Map<String, String>> rows = new ArrayList<>();
        try (MappingIterator<Map<String, String>> reader = new CsvMapper().readerForMapOf(String.class)
                .with(CsvSchema.emptySchema().withHeader()).readValues(csv)) {
            reader.forEachRemaining(rows::add);
        }
        return rows;
    }

    /** The model's threshold, results below it not reported, as {@code convergence screen} reports by default. */
    private static Thresholds matchesOnly() {
        double threshold = ScoringModel.standard().threshold();
        return new Thresholds(threshold, threshold);
    }

    private static List<JsonNode> jsonRows(String jsonl) throws IOException {
        List<JsonNode> rows = new ArrayList<>();
        for (String line : jsonl.split("\n")) {
            rows.add(JSON.readTree(line));
        }
        return rows;
    }

    @Test
    void aMappedCsvIsScreenedIntoCsvJsonLinesAndHtmlWithEveryRowAccountedFor() throws IOException {
        Instant started = Instant.now().minusSeconds(1);
        Path file = Files.writeString(folder.resolve("customers.csv"), """
                customer_no,customer,born,citizen
                C-1,"OLEKSIN, Aleksey",,Belarus
                C-2,Александр Лукашенко,1954-08-30,BLR
                C-3,Margaret Thistlewood,31/12/1980,United Kingdom
                C-4,,1970,
                C-5,%s,,
                <script>alert(1)</script>,Aleksey Oleksin,,
                """.formatted("B".repeat(10_000)));
        Outputs outputs = screen(file, List.of("id=customer_no", "name=customer", "birthDate=born", "nationality=citizen"), 2, false);

        List<Map<String, String>> csv = csvRows(outputs.csv());
        assertEquals(List.of("1", "2", "3", "4", "5", "6"), csv.stream().map(row -> row.get("row")).toList());
        assertEquals(HitRow.COLUMNS, List.copyOf(csv.getFirst().keySet()));
        assertEquals(OLEKSIN, csv.get(0).get("matched_id"));
        assertEquals("C-1", csv.get(0).get("input_id"));
        assertEquals("Aleksey Oleksin", csv.get(0).get("caption"));
        assertEquals("ca-sema", csv.get(0).get("dataset"));
        assertEquals("true", csv.get(0).get("match"));
        String features = csv.get(0).get("features");
        assertTrue(features.startsWith(Scorer.RARITY + "=") || features.startsWith(Scorer.CLOSENESS + "="),
                "the most telling feature, a name's, first: " + features);
        assertTrue(features.contains(Scorer.CLOSENESS + "=1.00"), features);
        assertEquals(LUKASHENKO, csv.get(1).get("matched_id"));
        assertTrue(csv.get(1).get("features").contains("date=1.00 (1954-08-30 vs 1954-08-30)"), csv.get(1).get("features"));
        assertEquals("", csv.get(2).get("matched_id"));
        assertTrue(csv.get(2).get("notes").contains("birthDate '31/12/1980' ignored"), csv.get(2).get("notes"));
        assertTrue(csv.get(3).get("notes").startsWith("not screened: the query has no name"), csv.get(3).get("notes"));
        assertEquals("", csv.get(3).get("request_id"));
        assertTrue(csv.get(4).get("notes").contains("value of 10,000 characters; at most 1,000"), csv.get(4).get("notes"));

        List<JsonNode> json = jsonRows(outputs.jsonl());
        assertEquals(6, json.size());
        assertEquals(OLEKSIN, json.getFirst().get("matched_id").asText());
        assertEquals(Long.parseLong(csv.getFirst().get("request_id")), json.getFirst().get("request_id").asLong());
        JsonNode similarity = null;
        for (JsonNode feature : json.getFirst().get("features")) {
            similarity = feature.get("name").asText().equals(Scorer.SIMILARITY) ? feature : similarity;
        }
        assertTrue(similarity != null && similarity.get("detail").asText().contains("oleksin"), json.getFirst().toString());
        assertTrue(json.get(2).get("matched_id").isNull());
        assertEquals(1, json.get(2).get("notes").size(), "United Kingdom is a country; 31/12/1980 is no ISO date");

        String html = outputs.html();
        assertTrue(html.startsWith("<!DOCTYPE html>") && html.strip().endsWith("</html>"));
        assertTrue(html.contains("<h2>Row 1: OLEKSIN, Aleksey <span class=\"badge\">C-1</span></h2>"), html);
        assertTrue(html.contains("<td>" + Scorer.SIMILARITY + "</td>") && html.contains("ca-sema@1"));
        assertTrue(html.contains("customers.csv row 4 (line 5): not screened"));
        assertFalse(html.contains("<script>"), "input is escaped");
        assertTrue(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), html);
        assertFalse(html.contains(" src=") || html.contains("<link") || html.contains("http"), "the report fetches nothing");
        assertTrue(html.contains("<dt>Rows</dt><dd>6</dd>"));

        BatchSummary summary = outputs.summary();
        assertEquals(6, summary.rows());
        assertEquals(2, summary.errors());
        assertTrue(summary.rowsWithHits() >= 2);

        // Every row reached the audit log: four answered, two rejected with their error.
        StringWriter audit = new StringWriter();
        AuditLog.of(store).export(audit, AuditLog.Format.JSONL, started, null);
        List<JsonNode> requests = jsonRows(audit.toString()).stream()
                .filter(request -> request.get("source").asText().startsWith("customers.csv row")).toList();
        assertEquals(6, requests.size());
        assertEquals(2, requests.stream().filter(request -> !request.get("error").isNull()).count());
        assertTrue(requests.stream().allMatch(request -> request.get("user").asText().equals("ana")
                && request.get("list_versions").toString().contains("ca-sema@1")));
    }

    @Test
    void rowsComeOutInInputOrderWhateverTheThreads() throws IOException {
        StringBuilder content = new StringBuilder("name\n");
        for (int i = 0; i < 600; i++) {
            content.append(i % 100 == 0 ? "Aleksey Oleksin" : "Person Number " + i).append('\n');
        }
        Path file = Files.writeString(folder.resolve("many.csv"), content);
        Outputs outputs = screen(file, List.of(), 4, false);

        List<Map<String, String>> rows = csvRows(outputs.csv());
        assertEquals(LongStream.rangeClosed(1, 600).boxed().toList(), rows.stream().map(row -> Long.parseLong(row.get("row"))).distinct().toList());
        assertEquals(List.of("1", "101", "201", "301", "401", "501"),
                rows.stream().filter(row -> OLEKSIN.equals(row.get("matched_id"))).map(row -> row.get("row")).toList());
        assertEquals(600, outputs.summary().rows());
    }

    @Test
    void aMalformedLineEndsTheRunAfterWritingTheRowsBeforeIt() throws IOException {
        Path file = Files.writeString(folder.resolve("parties.jsonl"), "{\"name\": \"Aleksey Oleksin\"}\n{\"name\": \"Olga\"\n{\"name\": \"x\"}\n");
        StringWriter csv = new StringWriter();
        StringWriter html = new StringWriter();
        try (BatchInput input = BatchInput.open(file, BatchInput.Format.JSONL, List.of(), null, false, MODEL)) {
            ConvergenceException error = assertThrows(ConvergenceException.class, () -> new BatchScreening(screener, AuditLog.of(store))
                    .run(input, "parties.jsonl", new BatchScreening.Settings(Scope.Spec.of("all"), 3, matchesOnly(), Requester.outsideWorkspaces("ana"), 2),
                            List.of(new CsvResultWriter(csv), new HtmlReport(html)), ImportProgress.NONE));
            assertEquals(ErrorCategory.INVALID_INPUT, error.category());
            assertTrue(error.getMessage().contains("parties.jsonl:2: malformed JSON"), error.getMessage());
        }
        List<Map<String, String>> rows = csvRows(csv.toString());
        assertEquals(1, rows.size());
        assertEquals(OLEKSIN, rows.getFirst().get("matched_id"));
        assertTrue(html.toString().strip().endsWith("</html>"), "the report is finished");

        Outputs skipped = screen(file, List.of(), 2, true);
        List<Map<String, String>> all = csvRows(skipped.csv());
        assertEquals(3, all.size());
        assertTrue(all.get(1).get("notes").startsWith("not screened: malformed JSON"), all.get(1).get("notes"));
    }

    @Test
    void anUnknownScopeIsRefusedBeforeAnyRow() throws IOException {
        Path file = Files.writeString(folder.resolve("one.csv"), "name\nAleksey Oleksin\n");
        try (BatchInput input = BatchInput.open(file, BatchInput.Format.CSV, List.of(), null, false, MODEL)) {
            ConvergenceException error = assertThrows(ConvergenceException.class, () -> new BatchScreening(screener, AuditLog.of(store))
                    .run(input, "one.csv", new BatchScreening.Settings(Scope.Spec.of("un-sc"), 3, matchesOnly(), Requester.outsideWorkspaces("ana"), 1), List.of(), ImportProgress.NONE));
            assertEquals(ErrorCategory.NOT_FOUND, error.category());
            assertEquals("no scope 'un-sc': use 'all' or one of the datasets [ca-sema]", error.getMessage());
        }
    }
}

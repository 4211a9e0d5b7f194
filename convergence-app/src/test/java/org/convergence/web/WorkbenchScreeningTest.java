package org.convergence.web;

import static org.convergence.web.WorkbenchTestServer.encode;
import static org.convergence.web.WorkbenchTestServer.find;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import java.io.IOException;
import java.io.StringWriter;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import org.convergence.screening.audit.AuditLog;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Screening in the workbench: one name, a file uploaded, decisions, and the downloads of the results. */
class WorkbenchScreeningTest {
    private static final CsvMapper CSV = CsvMapper.builder().enable(CsvParser.Feature.WRAP_AS_ARRAY).build();
    private static final List<String> HIT_COLUMNS = List.of("row", "input_id", "input_name", "request_id", "matched_id", "caption", "dataset",
            "version", "score", "match", "features", "notes");
    private static WorkbenchTestServer server;

    @BeforeAll
    static void start() {
        server = WorkbenchTestServer.get();
    }

    @Test
    void screeningANameShowsTheExplanationRecordsTheDecisionAndDownloadsTheResults() throws Exception {
        HttpResponse<String> results = server.post("/workbench/screen", "name=" + encode("Алексей Олексин") + "&schema=Person&country=by");
        assertEquals(200, results.statusCode());
        String html = results.body();
        assertTrue(html.contains("Aleksey Oleksin") && html.contains("class=\"match\""), html);
        assertTrue(html.contains("name.similarity") && html.contains("oleksin"), "each feature with its detail");
        String request = find(html, "name=\"request\" value=\"(\\d+)\"");
        HttpResponse<String> csv = server.get(find(html, "<a id=\"download-results\" href=\"([^\"]+)\""));
        assertEquals(200, csv.statusCode());
        assertTrue(csv.headers().firstValue("Content-Disposition").orElse("").startsWith("attachment; filename=\"screening-request-" + request),
                csv.headers().map().toString());
        List<String> lines = csv.body().lines().toList();
        assertEquals("request_id,query_name,matched_id,caption,schema,dataset,score,match,feature,feature_value,feature_detail", lines.getFirst());
        assertTrue(lines.stream().anyMatch(line -> line.startsWith(request + ",Алексей Олексин,ca-sema-belarus-1-part-1-56,Aleksey Oleksin,Person,ca-sema,")
                && line.contains(",true,name.similarity,")), lines.toString());
        HttpResponse<String> decided = server.post("/workbench/screen/decision", "request=" + request
                + "&entity=ca-sema-belarus-1-part-1-56&decision=false-positive&comment=" + encode("born elsewhere"));
        assertTrue(decided.body().contains("Recorded: ca-sema-belarus-1-part-1-56"), decided.body());
    }

    @Test
    void aMatchWaitsInTheReviewQueueUntilAnAnalystDecidesThere() throws Exception {
        // a country no other test sends, so that this query's decision touches no other test's
        String screened = server.post("/workbench/screen", "name=" + encode("Aleksey Oleksin") + "&schema=Person&country=ua").body();
        String request = find(screened, "name=\"request\" value=\"(\\d+)\"");
        String queue = server.get("/workbench/review").body();
        String row = "name=\"request\" value=\"" + request + "\">\n<input type=\"hidden\" name=\"entity\" value=\"ca-sema-belarus-1-part-1-56\">";
        assertTrue(queue.contains(row), "the match awaits review: " + queue);
        HttpResponse<String> decided = server.post("/workbench/screen/decision", "from=review&request=" + request
                + "&entity=ca-sema-belarus-1-part-1-56&decision=true-match&comment=" + encode("same person"));
        assertEquals(200, decided.statusCode());
        assertTrue(decided.body().contains("<h1>Matches awaiting review</h1>") && decided.body().contains("Recorded: ca-sema-belarus-1-part-1-56"),
                "the queue again, with what was recorded: " + decided.body());
        assertFalse(decided.body().contains(row), "decided, it leaves the queue");
    }

    @Test
    void aRefusedDecisionAnswers4xxWithThePageSayingWhy() throws Exception {
        HttpResponse<String> noRequest = server.post("/workbench/screen/decision", "entity=ca-sema-belarus-1-part-1-56&decision=false-positive");
        assertEquals(400, noRequest.statusCode());
        assertTrue(noRequest.body().contains("Not recorded: the request number is missing."), noRequest.body());
        HttpResponse<String> unknownRequest = server.post("/workbench/screen/decision",
                "request=999999999&entity=ca-sema-belarus-1-part-1-56&decision=false-positive");
        assertEquals(404, unknownRequest.statusCode());
        assertTrue(unknownRequest.body().contains("Not recorded: no screening request 999999999"), unknownRequest.body());
        HttpResponse<String> unknownDecision = server.post("/workbench/screen/decision", "request=1&entity=x&decision=maybe");
        assertEquals(400, unknownDecision.statusCode());
        assertTrue(unknownDecision.body().contains("Not recorded: "), unknownDecision.body());
    }

    @Test
    void theUploadFormKeepsToTheIdsTheBrowserTestsUse() throws Exception {
        String html = server.get("/workbench/screen").body();
        assertTrue(html.contains("<form id=\"batch-form\" method=\"post\" action=\"/workbench/screen/batch\" enctype=\"multipart/form-data\">"), html);
        assertTrue(html.contains("<label for=\"batch-file\">"));
        assertTrue(html.contains("<input type=\"file\" id=\"batch-file\" name=\"file\" accept=\".csv,.jsonl,text/csv\">"));
        assertTrue(html.contains("<button type=\"submit\" id=\"batch-submit\">"));
    }

    @Test
    void anUploadedFileIsScreenedThroughTheAuditLogAndItsDownloadsHoldTheSameHits() throws Exception {
        String file = "id,name,country\nc-1,Aleksey Oleksin,by\nc-2,Harbin Institute of Technology,cn\nc-3,Zzyzx Quillfeather Ottoline,\n";
        HttpResponse<String> page = server.upload("/workbench/screen/batch", "customers.csv", file.getBytes(StandardCharsets.UTF_8));
        assertEquals(200, page.statusCode(), page.body());
        String html = page.body();
        assertTrue(find(html, "<p id=\"batch-summary\" role=\"status\">([^<]+)</p>").startsWith("3 rows screened: "), html);
        String table = find(html, "(<table id=\"batch-results\">[\\s\\S]*?</table>)");
        var rows = Pattern.compile("<tr><td class=\"num\">(\\d+)</td><td>([^<]*)</td><td>([^<]*)</td><td><a href=\"/workbench/entities/([^\"]+)\">")
                .matcher(table).results().toList();
        assertTrue(rows.stream().anyMatch(row -> row.group(2).equals("c-1") && row.group(4).equals("ca-sema-belarus-1-part-1-56")), table);
        assertTrue(rows.stream().anyMatch(row -> row.group(2).equals("c-2") && row.group(4).equals("ca-nro-cn-harbin-institute-of-technology")), table);
        assertTrue(rows.stream().noneMatch(row -> row.group(2).equals("c-3")), "a name no list holds has no hit");

        String csvLink = find(html, "<a id=\"download-csv\" href=\"(/workbench/screen/batch/[0-9a-f]{32}\\.csv)\"");
        HttpResponse<String> csv = server.get(csvLink);
        assertEquals("attachment; filename=\"customers-results.csv\"", csv.headers().firstValue("Content-Disposition").orElse(""));
        List<String[]> lines = CSV.readerFor(String[].class).<String[]>readValues(csv.body()).readAll();
        assertEquals(HIT_COLUMNS, List.of(lines.getFirst()));
        List<String[]> hits = lines.stream().skip(1).filter(cells -> !cells[4].isEmpty()).toList();
        assertEquals(rows.stream().map(row -> row.group(2) + " " + row.group(4)).toList(), hits.stream().map(cells -> cells[1] + " " + cells[4]).toList(),
                "the download has the hits of the page, in the same order");
        assertTrue(lines.stream().anyMatch(cells -> cells[1].equals("c-3") && cells[4].isEmpty()), "every input row is in the CSV");

        HttpResponse<String> jsonl = server.get(find(html, "<a id=\"download-jsonl\" href=\"([^\"]+)\""));
        assertEquals("attachment; filename=\"customers-results.jsonl\"", jsonl.headers().firstValue("Content-Disposition").orElse(""));
        ObjectMapper json = new ObjectMapper();
        List<String> matched = jsonl.body().lines().map(line -> readTree(json, line).path("matched_id").asText("")).filter(id -> !id.isEmpty()).toList();
        assertEquals(hits.stream().map(cells -> cells[4]).toList(), matched);
        assertTrue(server.get(find(html, "<a id=\"download-html\" href=\"([^\"]+)\"")).body().contains("Screening report"));

        StringWriter audit = new StringWriter();
        AuditLog.of(server.store).export(audit, AuditLog.Format.JSONL, null, null);
        assertTrue(audit.toString().contains("customers.csv row 2 (line 3)"), "each row is in the audit log with where it came from");
        assertEquals(404, server.get(csvLink.replaceAll("[0-9a-f]{32}", "0".repeat(32))).statusCode(), "an unknown run has no download");
    }

    @Test
    void aFileWithoutANameColumnIsRefusedNamingTheFileAndTheColumn() throws Exception {
        HttpResponse<String> page = server.upload("/workbench/screen/batch", "cities.csv", "id,city\n1,Minsk\n".getBytes(StandardCharsets.UTF_8));
        assertEquals(400, page.statusCode());
        String error = find(page.body(), "<p role=\"alert\" id=\"batch-error\">([^<]+)</p>");
        assertTrue(error.startsWith("cities.csv: no column is mapped to a name") && error.contains("'name' column"), error);
        assertTrue(!error.contains("--column") && !error.contains("/tmp"), "no command-line hint, no server path: " + error);
    }

    @Test
    void anEmptyMissingOrOversizedUploadIsExplainedOnThePage() throws Exception {
        HttpResponse<String> empty = server.upload("/workbench/screen/batch", "empty.csv", new byte[0]);
        assertEquals(400, empty.statusCode());
        assertTrue(empty.body().contains("empty.csv is empty. The workbench takes a CSV file of up to 20 MB"), empty.body());
        HttpResponse<String> none = server.upload("/workbench/screen/batch", "", new byte[0]);
        assertTrue(none.body().contains("No file was uploaded"), none.body());
        byte[] large = new byte[(int) Uploads.MAX_UPLOAD_BYTES + 1];
        Arrays.fill(large, (byte) 'a');
        HttpResponse<String> overLimit = server.upload("/workbench/screen/batch", "large.csv", large);
        assertEquals(413, overLimit.statusCode());
        assertTrue(find(overLimit.body(), "<p role=\"alert\" id=\"batch-error\">([^<]+)</p>").matches("large.csv is 20,971,521 bytes, over the limit\\. "
                + "The workbench takes a CSV file of up to 20 MB.*convergence screen FILE.*"), overLimit.body());
        HttpResponse<String> farOver = server.upload("/workbench/screen/batch", "larger.csv", new byte[(int) Uploads.MAX_REQUEST_BYTES]);
        assertEquals(413, farOver.statusCode());
        assertTrue(farOver.body().contains("The upload is 21,037,") && farOver.body().contains("bytes, over the limit"), farOver.body());
    }

    private static JsonNode readTree(ObjectMapper json, String line) {
        try {
            return json.readTree(line);
        } catch (IOException e) {
            throw new AssertionError(line, e);
        }
    }
}

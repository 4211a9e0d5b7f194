package org.convergence.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code convergence serve} on the embedded store, in a process of its own, and other commands run beside it: those
 * that only read work through the server's share of the store; those that write, and a second server, are refused
 * with the folder named and what to do, and the server goes on.
 */
class CommandsBesideServeTest {
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    static Path folder;

    private static Path data;
    private static ConvergenceProcess serve;
    private static String url;

    @BeforeAll
    static void serveAStoreWithADatasetAndAScreeningRequest() throws Exception {
        data = folder.resolve("data");
        Path people = folder.resolve("people.json");
        SyntheticFtmFile.write(people, 200, 7);
        assertEquals(0, Main.run("import", "ftm", people.toString(), "--dataset", "people", "--data", data.toString()));
        serve = ConvergenceProcess.start("serve", "--port", "0", "--data", data.toString());
        String banner = serve.awaitLine(line -> line.startsWith("Convergence on "));
        url = banner.substring("Convergence on ".length(), banner.indexOf(' ', "Convergence on ".length()));
        HttpResponse<String> match = HTTP.send(HttpRequest.newBuilder(URI.create(url + "/match/people"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"queries\": {\"q1\": {\"schema\": \"Person\", \"properties\": {\"name\": [\"Nadezhda Beside\"]}}}}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, match.statusCode(), match.body());
    }

    @AfterAll
    static void stopServe() throws InterruptedException {
        serve.close();
    }

    private static String dataOption() {
        return "--data=" + data;
    }

    @Test
    void statusListsTheDatasetsOfTheStoreServeHasOpen() {
        CommandRun status = CommandRun.of("status", dataOption());
        assertEquals(0, status.exitCode(), status.err());
        assertTrue(status.out().contains("read through convergence serve, process " + serve.pid()), status.out());
        assertTrue(status.out().lines().anyMatch(line -> line.startsWith("people ") && line.contains(" 200 ")), status.out());
        assertTrue(status.out().contains("1 datasets, 200 entities"), status.out());
    }

    @Test
    void listsShowsEveryOfficialListWhileServeRuns() {
        CommandRun lists = CommandRun.of("lists", dataOption());
        assertEquals(0, lists.exitCode(), lists.err());
        assertTrue(lists.out().lines().anyMatch(line -> line.startsWith("ca-sema ") && line.endsWith("never")), lists.out());
    }

    @Test
    void auditExportShowsTheRequestServeRecorded() {
        CommandRun export = CommandRun.of("audit", "export", dataOption());
        assertEquals(0, export.exitCode(), export.err());
        // without accounts, the audit trail records the user who runs the server
        assertTrue(export.out().contains("Nadezhda Beside") && export.out().contains("\"user\":\"" + System.getProperty("user.name") + "\""),
                export.out());
    }

    @Test
    void importWhileServeRunsIsRefusedNamingTheFolderAndServeAnswersOn() throws Exception {
        Path more = folder.resolve("more.json");
        SyntheticFtmFile.write(more, 10, 8);
        CommandRun refused = CommandRun.of("import", "ftm", more.toString(), "--dataset", "more", dataOption());
        assertEquals(5, refused.exitCode(), refused.err());
        assertTrue(refused.err().contains("the store in " + data + " is in use by another process: convergence serve (process "
                + serve.pid()), refused.err());
        assertTrue(refused.err().contains("Stop that process and run this command again, or give another folder with --data DIR"),
                refused.err());

        assertTrue(serve.isAlive());
        HttpResponse<String> health = HTTP.send(HttpRequest.newBuilder(URI.create(url + "/healthz")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, health.statusCode());
        assertTrue(health.body().contains("\"entities\":200"), health.body());
        assertFalse(CommandRun.of("status", dataOption()).out().contains("more"));
    }

    @Test
    void aSecondServeOnTheSameFolderIsRefusedAndTheFirstAnswersOn() throws Exception {
        CommandRun second = CommandRun.of("serve", "--port", "0", dataOption());
        assertEquals(5, second.exitCode(), second.err());
        assertTrue(second.err().contains("the store in " + data + " is in use by another process: convergence serve"), second.err());
        assertEquals(200, HTTP.send(HttpRequest.newBuilder(URI.create(url + "/healthz")).build(),
                HttpResponse.BodyHandlers.ofString()).statusCode());
    }

    @Test
    void theShareIsReadableByItsOwnerOnly() throws Exception {
        Path share = data.resolve("convergence.share");
        assertEquals("rw-------", java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(share)));
    }
}

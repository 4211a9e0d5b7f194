package org.convergence.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.StringWriter;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.convergence.accounts.Accounts;
import org.convergence.accounts.Role;
import org.convergence.accounts.Workspaces;
import org.convergence.model.ConvergenceModel;
import org.convergence.screening.Screener;
import org.convergence.screening.audit.AuditLog;
import org.convergence.store.H2StatementStore;
import org.convergence.store.StatementStore;
import org.convergence.testing.SemaFixture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two teams on one server, each in a workspace of its own (ana in team-a, bob in team-b, mia in both): what one team
 * screens, decides and downloads, the other neither sees nor changes.
 */
class WorkspacesServerTest {
    private static final String PASSWORD = "a long enough password";
    private static final String OLEKSIN = "ca-sema-testland-1-1";
    private static final ObjectMapper JSON = new ObjectMapper();
    @TempDir
    static Path folder;
    private static StatementStore store;
    private static Screener screener;
    private static ConvergenceServer server;
    private static String anaKey;
    private static String bobKey;
    private final TestClient client = new TestClient();

    @BeforeAll
    static void start() throws IOException {
        ConvergenceModel model = ConvergenceModel.standard();
        store = new H2StatementStore(folder, model);
        SemaFixture.importList(store, folder.resolve("sema.xml"), "ca-sema", "Testland",
                List.of(new SemaFixture.Listed("Aleksey", "Oleksin", null, "Aliaksei Aleksin")));
        Accounts accounts = Accounts.of(store);
        Workspaces workspaces = Workspaces.of(store);
        workspaces.add("team-a");
        workspaces.add("team-b");
        for (String name : List.of("ana", "bob", "mia", "kai")) {
            accounts.add(name, Role.ANALYST, PASSWORD.toCharArray());
        }
        workspaces.join("team-a", "ana");
        workspaces.join("team-b", "bob");
        workspaces.join("team-a", "mia");
        workspaces.join("team-b", "mia");
        anaKey = accounts.newKey("ana", "team-a");
        bobKey = accounts.newKey("bob", "team-b");
        screener = Screener.open(store);
        server = ConvergenceServer.start(screener, store, model);
    }

    @AfterAll
    static void stop() {
        server.close();
        screener.close();
        store.close();
    }

    @Test
    void teamAsBatchAndExposureDownloadsAre404ForTeamBAsForARunThatDoesNotExist() {
        Session ana = signIn("ana");
        HttpResponse<String> batch = upload(ana, "/workbench/screen/batch", "name\nAleksey Oleksin\n");
        assertEquals(200, batch.statusCode(), batch.body());
        String csv = find(batch.body(), "href=\"(/workbench/screen/batch/[0-9a-f]{32}\\.csv)\"");
        String single = find(screen(ana, "Aleksey Oleksin").body(), "href=\"(/workbench/screen/results/[0-9a-f]{32}\\.csv)\"");
        HttpResponse<String> exposure = upload(ana, "/workbench/exposure/file", "name\nHarbin Institute of Technology\n");
        assertEquals(200, exposure.statusCode(), exposure.body());
        String partners = find(exposure.body(), "href=\"(/workbench/exposure/file/[0-9a-f]{32}\\.csv)\"");

        for (String download : List.of(csv, single, partners)) {
            assertEquals(200, get(download, ana).statusCode(), download);
            HttpResponse<String> bob = get(download, signIn("bob"));
            assertEquals(404, bob.statusCode(), download);
            assertEquals(404, client.send(HttpRequest.newBuilder(uri(download)).header("Authorization", "Bearer " + bobKey).GET()).statusCode());
            String unknown = download.replaceAll("[0-9a-f]{32}", "0".repeat(32));
            assertEquals(get(unknown, ana).body().replace(unknown.substring(unknown.lastIndexOf('/') + 1), ""),
                    bob.body().replace(download.substring(download.lastIndexOf('/') + 1), ""), "the 404 does not tell that the run exists");
        }
    }

    @Test
    void teamAsFalsePositiveDoesNotHideTheListedPersonFromTeamB() {
        Session ana = signIn("ana");
        long request = requestId(screen(ana, "Aleksey Oleksin").body());
        HttpResponse<String> decided = decide(ana, request, "false-positive");
        assertEquals(200, decided.statusCode(), decided.body());

        assertFalse(screen(ana, "Aleksey Oleksin").body().contains("value=\"" + OLEKSIN + "\""), "team A no longer sees its false positive");
        assertFalse(match(anaKey, "Aleksey Oleksin").contains(OLEKSIN), "nor does team A's key");
        assertTrue(match(bobKey, "Aleksey Oleksin").contains(OLEKSIN), "team B still sees the listed person");
        assertTrue(screen(signIn("bob"), "Aleksey Oleksin").body().contains("value=\"" + OLEKSIN + "\""), "in the workbench too");
    }

    @Test
    void eachTeamsReviewQueueHoldsItsOwnMatchesOnly() {
        Session ana = signIn("ana");
        long request = requestId(screen(ana, "Aliaksei Aleksin").body());
        String marker = "name=\"request\" value=\"" + request + "\"";
        assertTrue(get("/workbench/review", ana).body().contains(marker), "team A's match awaits team A's review");
        assertFalse(get("/workbench/review", signIn("bob")).body().contains(marker), "team B does not see it");
    }

    @Test
    void aDecisionOnARequestOfAnotherWorkspaceIsRefusedAndNotRecorded() throws IOException {
        long request = requestId(screen(signIn("ana"), "Aleksey Oleksin").body());
        HttpResponse<String> refused = decide(signIn("bob"), request, "false-positive");
        assertEquals(404, refused.statusCode(), refused.body());
        assertTrue(refused.body().contains("no screening request " + request + " in the workspace 'team-b'"), refused.body());
        assertEquals(0, exported(request).at("/results/0/decisions").size());
    }

    @Test
    void aKeyBoundToAWorkspaceWorksInItOnly() throws IOException {
        match(anaKey, "Key Bound Probe");
        JsonNode recorded = exportedWhere("Key Bound Probe");
        assertEquals("ana", recorded.get("user").asText());
        assertEquals("team-a", recorded.get("workspace").asText());

        HttpResponse<String> switched = client.send(HttpRequest.newBuilder(uri("/workbench/workspace")).header("Authorization", "Bearer " + anaKey)
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString("workspace=team-b")));
        assertEquals(400, switched.statusCode(), "a key cannot switch: " + switched.body());

        Workspaces.of(store).join("team-a", "kai");
        String kaiKey = Accounts.of(store).newKey("kai", "team-a");
        Workspaces.of(store).leave("team-a", "kai");
        HttpResponse<String> left = client.send(matchRequest(kaiKey, "Left Probe"));
        assertEquals(401, left.statusCode(), left.body());
        assertTrue(left.body().contains("bound to the workspace 'team-a', which kai no longer belongs to"), left.body());
    }

    @Test
    void aMemberOfSeveralWorkspacesStartsInTheFirstByNameAndSwitchesInTheHeader() throws IOException {
        Session mia = signIn("mia");
        HttpResponse<String> page = get("/workbench/screen", mia);
        assertTrue(page.body().contains("<option value=\"team-a\" selected>team-a</option><option value=\"team-b\">team-b</option>"), page.body());
        String teamADownload = find(upload(mia, "/workbench/screen/batch", "name\nSwitch Probe One\n").body(), "href=\"(/workbench/screen/batch/[0-9a-f]{32}\\.csv)\"");

        HttpResponse<String> withoutToken = postForm(mia, "/workbench/workspace", "workspace=team-b");
        assertEquals(403, withoutToken.statusCode(), withoutToken.body());
        HttpResponse<String> switched = client.send(HttpRequest.newBuilder(uri("/workbench/workspace")).header("Cookie", mia.cookie())
                .header("Referer", server.url() + "/workbench/screen").header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("workspace=team-b&csrf=" + mia.formToken())));
        assertEquals(303, switched.statusCode(), switched.body());
        assertEquals("/workbench/screen", switched.headers().firstValue("Location").orElseThrow(), "back to the page the form was on");
        assertTrue(get("/workbench/screen", mia).body().contains("<option value=\"team-b\" selected>team-b</option>"));

        screen(mia, "Switch Probe Two");
        assertEquals("team-b", exportedWhere("Switch Probe Two").get("workspace").asText());
        assertEquals(404, get(teamADownload, mia).statusCode(), "team A's run is not seen from team B");

        HttpResponse<String> notMine = postForm(mia, "/workbench/workspace", "workspace=team-c&csrf=" + mia.formToken());
        assertEquals(404, notMine.statusCode(), notMine.body());
        postForm(mia, "/workbench/workspace", "workspace=team-a&csrf=" + mia.formToken());
        assertEquals(200, get(teamADownload, mia).statusCode(), "switched back, the run is there");
    }

    private record Session(String cookie, String formToken) {}

    private Session signIn(String name) {
        HttpResponse<String> response = postForm(null, "/workbench/login", "name=" + name + "&password=" + PASSWORD.replace(' ', '+'));
        assertEquals(303, response.statusCode(), response.body());
        String setCookie = response.headers().firstValue("Set-Cookie").orElseThrow();
        String cookie = setCookie.substring(0, setCookie.indexOf(';'));
        return new Session(cookie, find(get("/workbench/screen", new Session(cookie, null)).body(), "name=\"csrf\" value=\"([^\"]+)\""));
    }

    private HttpResponse<String> screen(Session session, String name) {
        return postForm(session, "/workbench/screen", "name=" + URLEncoder.encode(name, StandardCharsets.UTF_8) + "&schema=Person&csrf="
                + session.formToken());
    }

    private HttpResponse<String> decide(Session session, long request, String decision) {
        return postForm(session, "/workbench/screen/decision", "request=" + request + "&entity=" + OLEKSIN + "&decision=" + decision
                + "&csrf=" + session.formToken());
    }

    private static long requestId(String page) {
        return Long.parseLong(find(page, "name=\"request\" value=\"(\\d+)\""));
    }

    private String match(String key, String name) {
        HttpResponse<String> response = client.send(matchRequest(key, name));
        assertEquals(200, response.statusCode(), response.body());
        return response.body();
    }

    private static HttpRequest.Builder matchRequest(String key, String name) {
        return HttpRequest.newBuilder(uri("/match/all")).header("Authorization", "Bearer " + key).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"queries\": {\"q\": {\"schema\": \"Person\", \"properties\": {\"name\": [\"" + name
                        + "\"]}}}}"));
    }

    private HttpResponse<String> upload(Session session, String path, String csv) {
        String boundary = "----convergence-test-boundary";
        String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\n" + session.formToken() + "\r\n"
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"parties.csv\"\r\nContent-Type: text/csv\r\n\r\n"
                + csv + "\r\n--" + boundary + "--\r\n";
        return client.send(HttpRequest.newBuilder(uri(path)).header("Cookie", session.cookie())
                .header("Content-Type", "multipart/form-data; boundary=" + boundary).POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private static JsonNode exported(long request) throws IOException {
        return exportLines().stream().filter(line -> line.get("request_id").asLong() == request).findFirst().orElseThrow();
    }

    private static JsonNode exportedWhere(String name) throws IOException {
        return exportLines().stream().filter(line -> line.at("/query/properties/name/0").asText().equals(name)).reduce((first, last) -> last)
                .orElseThrow();
    }

    private static List<JsonNode> exportLines() throws IOException {
        StringWriter out = new StringWriter();
        AuditLog.of(store).export(out, AuditLog.Format.JSONL, null, null);
        List<String> lines = out.toString().lines().toList();
        List<JsonNode> parsed = new java.util.ArrayList<>();
        for (String line : lines) {
            parsed.add(JSON.readTree(line));
        }
        return parsed;
    }

    private HttpResponse<String> get(String path, Session session) {
        return client.send(HttpRequest.newBuilder(uri(path)).header("Cookie", session.cookie()).GET());
    }

    private HttpResponse<String> postForm(Session session, String path, String form) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form));
        if (session != null) {
            request.header("Cookie", session.cookie());
        }
        return client.send(request);
    }

    private static String find(String text, String regex) {
        Matcher matcher = Pattern.compile(regex).matcher(text);
        assertTrue(matcher.find(), regex + " in " + text);
        return matcher.group(1);
    }

    private static URI uri(String path) {
        return URI.create(server.url() + path);
    }

}

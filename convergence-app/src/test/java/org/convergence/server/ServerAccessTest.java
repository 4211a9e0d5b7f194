package org.convergence.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringWriter;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.convergence.ConvergenceException;
import org.convergence.ErrorCategory;
import org.convergence.accounts.Accounts;
import org.convergence.accounts.Role;
import org.convergence.http.Access;
import org.convergence.model.ConvergenceModel;
import org.convergence.screening.Screener;
import org.convergence.screening.audit.AuditLog;
import org.convergence.store.H2StatementStore;
import org.convergence.store.StatementStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A team deployment's server, with accounts, tried as an outsider, as a colleague of too low a role and as another
 * site's page would: every route the server registers is walked, so that a route added later cannot be left open.
 */
abstract class ServerAccessTest {
    private static final String PASSWORD = "a long enough password";
    /** Account names of their own for each run, so that a shared PostgreSQL needs no cleaning. */
    private static final String RUN = Long.toString(System.nanoTime(), 36);
    private static final String VIEWER = "vera-" + RUN;
    private static final String ANALYST = "ana-" + RUN;
    private static StatementStore store;
    private static Screener screener;
    private static ConvergenceServer server;
    private static String viewerKey;
    private static String analystKey;
    private final TestClient client = new TestClient();

    /** Starts the server over a store with a viewer and an analyst, each with a key. */
    static void start(StatementStore opened) {
        store = opened;
        Accounts accounts = Accounts.of(store);
        accounts.add(VIEWER, Role.VIEWER, PASSWORD.toCharArray());
        accounts.add(ANALYST, Role.ANALYST, PASSWORD.toCharArray());
        viewerKey = accounts.newKey(VIEWER, null);
        analystKey = accounts.newKey(ANALYST, null);
        screener = Screener.open(store);
        server = ConvergenceServer.start(screener, store, ConvergenceModel.standard());
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
            screener.close();
            store.close();
        }
    }

    @Test
    void everyRouteDeclaresItsAccessAndOnlyTheHealthCheckSignInPagesAndStyleAreOpen() {
        List<String> open = new ArrayList<>();
        for (ConvergenceServer.Route route : server.routes()) {
            assertNotNull(route.access(), route + " declares no access");
            if (route.access() == Access.PUBLIC) {
                open.add(route.method() + " " + route.path());
            }
        }
        assertEquals(List.of("GET /", "GET /healthz", "GET /workbench/login", "GET /workbench/login/oidc", "GET /workbench/login/oidc/callback",
                "GET /workbench/workbench.css", "POST /workbench/login"), open.stream().sorted().toList());
    }

    @Test
    void everyRouteRefusesNobody401ALowerRole403AndAnotherSitesPost403() {
        List<String> problems = new ArrayList<>();
        for (ConvergenceServer.Route route : server.routes()) {
            if (route.access() == Access.PUBLIC) {
                continue;
            }
            HttpResponse<String> anonymous = client.send(request(route, null, null));
            if (anonymous.statusCode() != 401) {
                problems.add(route + " unauthenticated: " + anonymous.statusCode());
            } else if (route.page() && route.method().equals("GET") ? !anonymous.body().contains("Sign in")
                    : !anonymous.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Bearer")) {
                problems.add(route + " unauthenticated answer does not say how to sign in: " + anonymous.body());
            }
            if (route.access() != Access.VIEWER) {
                HttpResponse<String> viewer = client.send(request(route, viewerKey, null));
                if (viewer.statusCode() != 403 || !viewer.body().contains("needs the role " + route.access().role().label())) {
                    problems.add(route + " as a viewer: " + viewer.statusCode() + " " + viewer.body());
                }
            }
            if (route.method().equals("POST")) {
                HttpResponse<String> crossSite = client.send(request(route, analystKey, "https://evil.example"));
                if (crossSite.statusCode() != 403) {
                    problems.add(route + " from another site: " + crossSite.statusCode());
                }
            }
        }
        assertEquals(List.of(), problems);
    }

    @Test
    void theAuditTrailRecordsTheKeysAccountNotAHeaderTheClientSends() {
        HttpResponse<String> match = client.send(HttpRequest.newBuilder(uri("/match/all")).header("Authorization", "Bearer " + analystKey)
                .header("X-Convergence-User", "mallory").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"queries\": {\"q\": {\"schema\": \"Person\", \"properties\": {\"name\": [\"Audit Header Probe\"]}}}}")));
        assertEquals(200, match.statusCode(), match.body());
        StringWriter exported = new StringWriter();
        AuditLog.of(store).export(exported, AuditLog.Format.CSV, null, null);
        String probe = exported.toString().lines().filter(line -> line.contains("Audit Header Probe")).findFirst().orElseThrow();
        assertTrue(probe.contains(ANALYST), probe);
        assertFalse(exported.toString().contains("mallory"));
    }

    @Test
    void aForgedDecisionNeedsTheSessionsFormTokenAndAPageOfThisServer() {
        Session session = signIn(ANALYST);
        String decision = "request=1&entity=x&decision=false-positive";
        HttpResponse<String> noToken = client.send(HttpRequest.newBuilder(uri("/workbench/screen/decision")).header("Cookie", session.cookie())
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(decision)));
        assertEquals(403, noToken.statusCode(), noToken.body());
        assertTrue(noToken.body().contains("form token"), noToken.body());
        HttpResponse<String> wrongToken = postForm(session, "/workbench/screen/decision", decision + "&csrf=guessed", null);
        assertEquals(403, wrongToken.statusCode(), wrongToken.body());
        HttpResponse<String> crossSite = postForm(session, "/workbench/screen/decision", decision + "&csrf=" + session.formToken(), "https://evil.example");
        assertEquals(403, crossSite.statusCode(), crossSite.body());
        HttpResponse<String> own = postForm(session, "/workbench/screen/decision", decision + "&csrf=" + session.formToken(), null);
        assertFalse(own.statusCode() == 401 || own.statusCode() == 403, own.statusCode() + " " + own.body());
    }

    @Test
    void anUploadFormCarriesTheFormTokenInItsMultipartBody() {
        Session session = signIn(ANALYST);
        HttpResponse<String> without = upload(session, null);
        assertEquals(403, without.statusCode(), without.body());
        HttpResponse<String> with = upload(session, session.formToken());
        // past the token, the page itself answers: the results, or (on a store that holds no list) why there are none
        assertTrue(with.body().contains("Screening of partners.csv") || with.body().contains("partners.csv: the store has no lists to screen against"),
                with.statusCode() + " " + with.body());
    }

    private HttpResponse<String> upload(Session session, String formToken) {
        String boundary = "----convergence-test-boundary";
        StringBuilder body = new StringBuilder();
        if (formToken != null) {
            body.append("--").append(boundary).append("\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\n").append(formToken).append("\r\n");
        }
        body.append("--").append(boundary).append("\r\nContent-Disposition: form-data; name=\"file\"; filename=\"partners.csv\"\r\n")
                .append("Content-Type: text/csv\r\n\r\nname\r\nAcme Photonics\r\n\r\n--").append(boundary).append("--\r\n");
        return client.send(HttpRequest.newBuilder(uri("/workbench/screen/batch")).header("Cookie", session.cookie())
                .header("Content-Type", "multipart/form-data; boundary=" + boundary).POST(HttpRequest.BodyPublishers.ofString(body.toString())));
    }

    @Test
    void signingInSetsAStrictHttpOnlyCookieAndSigningOutEndsTheSession() {
        Session session = signIn(VIEWER);
        assertTrue(session.setCookie().contains("HttpOnly") && session.setCookie().contains("SameSite=Strict"), session.setCookie());
        HttpResponse<String> page = client.send(HttpRequest.newBuilder(uri("/workbench/lists")).header("Cookie", session.cookie()).GET());
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains(VIEWER + " (viewer)"), "the header shows who is signed in");
        HttpResponse<String> out = postForm(session, "/workbench/logout", "csrf=" + session.formToken(), null);
        assertEquals(303, out.statusCode(), out.body());
        assertEquals(401, client.send(HttpRequest.newBuilder(uri("/workbench/lists")).header("Cookie", session.cookie()).GET()).statusCode());
    }

    @Test
    void aWrongPasswordIsRefusedAndRepeatedGuessingIsSlowedDown() {
        for (int attempt = 1; attempt <= 5; attempt++) {
            HttpResponse<String> wrong = postForm(null, "/workbench/login", "name=guessed-" + RUN + "&password=wrong-password-" + attempt, null);
            assertEquals(401, wrong.statusCode(), "attempt " + attempt);
            assertTrue(wrong.body().contains("wrong name or password"), wrong.body());
        }
        HttpResponse<String> throttled = postForm(null, "/workbench/login", "name=guessed-" + RUN + "&password=wrong-password-6", null);
        assertEquals(429, throttled.statusCode(), throttled.body());
        assertTrue(throttled.headers().firstValue("Retry-After").isPresent());
    }

    @Test
    void afterSigningInTheBrowserGoesBackToAPageOfThisServerNeverToAnotherSite() {
        for (String next : List.of("https://evil.example/", "//evil.example/x", "/\\evil.example")) {
            HttpResponse<String> response = postForm(null, "/workbench/login",
                    "name=" + VIEWER + "&password=" + PASSWORD.replace(' ', '+') + "&next=" + URLEncoder.encode(next, StandardCharsets.UTF_8), null);
            assertEquals(303, response.statusCode(), next);
            assertEquals("/workbench", response.headers().firstValue("Location").orElseThrow(), next);
        }
        HttpResponse<String> own = postForm(null, "/workbench/login", "name=" + VIEWER + "&password=" + PASSWORD.replace(' ', '+') + "&next=%2Fworkbench%2Flists", null);
        assertEquals("/workbench/lists", own.headers().firstValue("Location").orElseThrow());
    }

    @Test
    void aBadOrMalformedKeyIsRefusedEvenOnARouteAViewerMayRead() {
        assertEquals(401, client.send(HttpRequest.newBuilder(uri("/search/all?q=x")).header("Authorization", "Bearer cvg_0000000000000000_nope").GET()).statusCode());
        assertEquals(401, client.send(HttpRequest.newBuilder(uri("/search/all?q=x")).header("Authorization", "Basic dmVyYTp4").GET()).statusCode());
        assertEquals(200, client.send(HttpRequest.newBuilder(uri("/search/all?q=x")).header("Authorization", "Bearer " + viewerKey).GET()).statusCode());
        assertEquals(200, client.send(HttpRequest.newBuilder(uri("/healthz")).GET()).statusCode(), "a monitor needs no key");
    }

    @Test
    void withoutAccountsTheServerRefusesToListenOnAnAddressOtherMachinesReach(@TempDir Path empty) {
        ConvergenceModel model = ConvergenceModel.standard();
        try (StatementStore bare = new H2StatementStore(empty, model); Screener bareScreener = Screener.open(bare)) {
            ConvergenceException refused = assertThrows(ConvergenceException.class, () -> ConvergenceServer.start(bareScreener, bare, model,
                    new ServerSettings("0.0.0.0", 0, List.of(), ServerSettings.local().limits(), false, null, null)));
            assertEquals(ErrorCategory.INVALID_INPUT, refused.category());
            assertTrue(refused.getMessage().contains("convergence users add"), refused.getMessage());
            try (ConvergenceServer required = ConvergenceServer.start(bareScreener, bare, model, ServerSettings.local().withRequireAccounts(true))) {
                HttpResponse<String> refusedRequest = client.send(HttpRequest.newBuilder(URI.create(required.url() + "/search/all?q=x")).GET());
                assertEquals(401, refusedRequest.statusCode(), "--require-auth with no account lets nobody in");
            }
        }
    }

    private record Session(String cookie, String setCookie, String formToken) {}

    private Session signIn(String name) {
        HttpResponse<String> response = postForm(null, "/workbench/login", "name=" + name + "&password=" + PASSWORD.replace(' ', '+'), null);
        assertEquals(303, response.statusCode(), response.body());
        String setCookie = response.headers().firstValue("Set-Cookie").orElseThrow();
        String cookie = setCookie.substring(0, setCookie.indexOf(';'));
        HttpResponse<String> page = client.send(HttpRequest.newBuilder(uri("/workbench/screen")).header("Cookie", cookie).GET());
        Matcher token = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"").matcher(page.body());
        assertTrue(token.find(), "the signed-in page's forms carry the form token");
        return new Session(cookie, setCookie, token.group(1));
    }

    private HttpResponse<String> postForm(Session session, String path, String form, String origin) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form));
        if (session != null) {
            request.header("Cookie", session.cookie());
        }
        if (origin != null) {
            request.header("Origin", origin);
        }
        return client.send(request);
    }

    /** A request to the route with its path parameters filled in, with a key or none, from a page of {@code origin} or none. */
    private static HttpRequest.Builder request(ConvergenceServer.Route route, String key, String origin) {
        String path = route.path().replace("{scope}", "all").replace("{id}", "nobody").replace("{source}", "ca-sema").replace("{file}", "none.csv");
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path));
        if (key != null) {
            request.header("Authorization", "Bearer " + key);
        }
        if (origin != null) {
            request.header("Origin", origin);
        }
        return route.method().equals("GET") ? request.GET()
                : request.header("Content-Type", "application/json").method(route.method(), HttpRequest.BodyPublishers.ofString("{}"));
    }

    private static URI uri(String path) {
        return URI.create(server.url() + path);
    }

}

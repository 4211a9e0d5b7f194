package org.convergence.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import org.convergence.accounts.Accounts;
import org.convergence.accounts.Role;
import org.convergence.http.OpenIdConnect;
import org.convergence.model.ConvergenceModel;
import org.convergence.screening.Screener;
import org.convergence.store.H2StatementStore;
import org.convergence.store.StatementStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Sign-in through an OpenID Connect provider, against a provider of the test's own on loopback (discovery, authorize,
 * token and keys endpoints; RS256 ID tokens), which can be told to misbehave as a forged or mixed-up answer would.
 */
class OpenIdConnectSignInTest {
    private static final String CLIENT_ID = "convergence-test";
    private static final String CLIENT_SECRET = "a client secret";
    @TempDir
    static Path folder;
    private static MockProvider provider;
    private static StatementStore store;
    private static Screener screener;
    private static ConvergenceServer server;
    private final TestClient client = new TestClient();

    @BeforeAll
    static void start() throws Exception {
        provider = new MockProvider();
        ConvergenceModel model = ConvergenceModel.standard();
        store = new H2StatementStore(folder, model);
        Accounts.of(store).addWithoutPassword("olga", Role.ANALYST);
        screener = Screener.open(store);
        server = ConvergenceServer.start(screener, store, model, ServerSettings.local().withOpenIdConnect(
                new OpenIdConnect.Settings(provider.issuer(), CLIENT_ID, CLIENT_SECRET, "preferred_username")));
    }

    @AfterAll
    static void stop() {
        server.close();
        screener.close();
        store.close();
        provider.close();
    }

    @Test
    void aPersonTheProviderVouchesForIsSignedInToTheAccountOfThatNameAndSentOnToThePageAskedFor() {
        provider.misbehaviour = Misbehaviour.NONE;
        provider.user = "olga";
        Flow flow = signIn("/workbench/lists");
        assertEquals(200, flow.callback().statusCode(), flow.callback().body());
        assertTrue(flow.callback().body().contains("url=/workbench/lists"), "a page of this server sends the browser on: " + flow.callback().body());
        String session = flow.callback().headers().allValues("Set-Cookie").stream().filter(cookie -> cookie.startsWith("convergence-session="))
                .findFirst().orElseThrow();
        HttpResponse<String> page = client.send(HttpRequest.newBuilder(URI.create(server.url() + "/workbench/lists"))
                .header("Cookie", session.substring(0, session.indexOf(';'))));
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("olga (analyst)"), "signed in with the account's role");
        assertTrue(provider.lastChallengeMatched, "the code was exchanged with the PKCE verifier of its challenge");
    }

    @Test
    void somebodyWithoutAnAccountHereIsRefusedSayingHowAnAdminAddsOne() {
        provider.misbehaviour = Misbehaviour.NONE;
        provider.user = "stranger";
        Flow flow = signIn("/workbench");
        assertEquals(403, flow.callback().statusCode());
        assertTrue(flow.callback().body().contains("convergence users add stranger"), flow.callback().body());
    }

    @Test
    void anAnswerNotStartedFromThisBrowserIsRefused() {
        provider.misbehaviour = Misbehaviour.NONE;
        provider.user = "olga";
        HttpResponse<String> begin = client.send(HttpRequest.newBuilder(URI.create(server.url() + "/workbench/login/oidc")));
        HttpResponse<String> authorized = client.send(HttpRequest.newBuilder(URI.create(begin.headers().firstValue("Location").orElseThrow())));
        // the attacker's code and state, sent to a victim's browser, which holds no state cookie
        HttpResponse<String> callback = client.send(HttpRequest.newBuilder(URI.create(authorized.headers().firstValue("Location").orElseThrow())));
        assertEquals(400, callback.statusCode(), callback.body());
        assertTrue(callback.body().contains("not started from this browser"), callback.body());
    }

    @Test
    void anIdTokenForAnotherClientWithAnotherNonceOrSignedByAnotherKeyIsRefused() {
        provider.user = "olga";
        for (Misbehaviour misbehaviour : new Misbehaviour[] {Misbehaviour.OTHER_AUDIENCE, Misbehaviour.OTHER_NONCE, Misbehaviour.OTHER_KEY,
                Misbehaviour.OTHER_ISSUER, Misbehaviour.EXPIRED}) {
            provider.misbehaviour = misbehaviour;
            Flow flow = signIn("/workbench");
            assertEquals(403, flow.callback().statusCode(), misbehaviour + ": " + flow.callback().body());
            assertTrue(flow.callback().headers().allValues("Set-Cookie").stream().noneMatch(cookie -> cookie.startsWith("convergence-session=")),
                    misbehaviour + " gave a session");
        }
    }

    @Test
    void anAccountWithoutAPasswordCannotSignInWithOne() {
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(server.url() + "/workbench/login"))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString("name=olga&password=!")));
        assertEquals(401, response.statusCode());
        assertTrue(response.body().contains("Sign in with your organisation"), "the sign-in page offers the provider");
    }

    private record Flow(HttpResponse<String> callback) {}

    /** The browser's part: to the provider and back, carrying the state cookie this server set. */
    private Flow signIn(String next) {
        HttpResponse<String> begin = client.send(HttpRequest.newBuilder(URI.create(server.url() + "/workbench/login/oidc?next=" + next)));
        assertEquals(303, begin.statusCode(), begin.body());
        String state = begin.headers().firstValue("Set-Cookie").orElseThrow();
        HttpResponse<String> authorized = client.send(HttpRequest.newBuilder(URI.create(begin.headers().firstValue("Location").orElseThrow())));
        assertEquals(302, authorized.statusCode(), authorized.body());
        return new Flow(client.send(HttpRequest.newBuilder(URI.create(authorized.headers().firstValue("Location").orElseThrow()))
                .header("Cookie", state.substring(0, state.indexOf(';')))));
    }


    private enum Misbehaviour { NONE, OTHER_AUDIENCE, OTHER_NONCE, OTHER_KEY, OTHER_ISSUER, EXPIRED }

    /** An OpenID Connect provider on loopback that signs in {@link #user} at once. */
    private static final class MockProvider implements AutoCloseable {
        private final HttpServer http;
        private final RSAKey key;
        private final RSAKey otherKey;
        private final Map<String, Map<String, String>> authorizations = new HashMap<>();
        volatile String user = "olga";
        volatile Misbehaviour misbehaviour = Misbehaviour.NONE;
        volatile boolean lastChallengeMatched;

        MockProvider() throws IOException, JOSEException {
            key = new RSAKeyGenerator(2048).keyID("provider-key").generate();
            otherKey = new RSAKeyGenerator(2048).keyID("provider-key").generate();
            http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            http.createContext("/.well-known/openid-configuration", exchange -> answer(exchange, 200, "application/json",
                    "{\"issuer\": \"" + issuer() + "\", \"authorization_endpoint\": \"" + issuer() + "/authorize\", \"token_endpoint\": \""
                            + issuer() + "/token\", \"jwks_uri\": \"" + issuer() + "/jwks\"}"));
            http.createContext("/jwks", exchange -> answer(exchange, 200, "application/json", new JWKSet(key.toPublicJWK()).toString()));
            http.createContext("/authorize", this::authorize);
            http.createContext("/token", this::token);
            http.start();
        }

        URI issuer() {
            return URI.create("http://127.0.0.1:" + http.getAddress().getPort());
        }

        private synchronized void authorize(HttpExchange exchange) throws IOException {
            Map<String, String> query = form(exchange.getRequestURI().getRawQuery());
            String code = "code-" + authorizations.size();
            authorizations.put(code, query);
            exchange.getResponseHeaders().add("Location", query.get("redirect_uri") + "?code=" + code + "&state=" + query.get("state"));
            answer(exchange, 302, "text/plain", "");
        }

        private synchronized void token(HttpExchange exchange) throws IOException {
            Map<String, String> body = form(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            String basic = "Basic " + Base64.getEncoder().encodeToString((CLIENT_ID + ":" + CLIENT_SECRET.replace(" ", "+")).getBytes(StandardCharsets.UTF_8));
            Map<String, String> authorized = authorizations.remove(body.get("code"));
            if (authorized == null || !basic.equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
                answer(exchange, 400, "application/json", "{\"error\": \"invalid_grant\"}");
                return;
            }
            lastChallengeMatched = authorized.get("code_challenge").equals(s256(body.get("code_verifier")));
            Instant now = Instant.now();
            JWTClaimsSet claims = new JWTClaimsSet.Builder()
                    .issuer(misbehaviour == Misbehaviour.OTHER_ISSUER ? "http://elsewhere.example" : issuer().toString())
                    .audience(misbehaviour == Misbehaviour.OTHER_AUDIENCE ? "another-client" : CLIENT_ID)
                    .subject("subject-" + user).claim("preferred_username", user)
                    .claim("nonce", misbehaviour == Misbehaviour.OTHER_NONCE ? "another-nonce" : authorized.get("nonce"))
                    .issueTime(Date.from(now.minusSeconds(misbehaviour == Misbehaviour.EXPIRED ? 7200 : 0)))
                    .expirationTime(Date.from(now.plusSeconds(misbehaviour == Misbehaviour.EXPIRED ? -3600 : 300))).build();
            try {
                SignedJWT token = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("provider-key").build(), claims);
                token.sign(new RSASSASigner(misbehaviour == Misbehaviour.OTHER_KEY ? otherKey : key));
                answer(exchange, 200, "application/json", "{\"id_token\": \"" + token.serialize() + "\", \"token_type\": \"Bearer\", \"access_token\": \"x\"}");
            } catch (JOSEException e) {
                throw new IOException(e);
            }
        }

        private static String s256(String verifier) {
            try {
                return Base64.getUrlEncoder().withoutPadding().encodeToString(MessageDigest.getInstance("SHA-256")
                        .digest(verifier.getBytes(StandardCharsets.US_ASCII)));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }

        private static Map<String, String> form(String encoded) {
            Map<String, String> values = new HashMap<>();
            for (String pair : encoded == null ? new String[0] : encoded.split("&")) {
                int equals = pair.indexOf('=');
                values.put(URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8), URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
            }
            return values;
        }

        private static void answer(HttpExchange exchange, int status, String type, String body) throws IOException {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", type);
            exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
            if (bytes.length > 0) {
                exchange.getResponseBody().write(bytes);
            }
            exchange.close();
        }

        @Override
        public void close() {
            http.stop(0);
        }
    }
}

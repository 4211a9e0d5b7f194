package org.convergence.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.convergence.ConvergenceException;
import org.convergence.ErrorCategory;

/**
 * Sign-in through an organisation's OpenID Connect provider (the authorization code flow with PKCE): the browser is sent
 * to the provider, comes back with a code, the server exchanges it for an ID token and checks the token's signature
 * against the provider's published keys, its issuer, audience, lifetime and nonce. The provider says who the person
 * is; the role comes from the Convergence account of that name, which an admin makes (`users add NAME --role R
 * --no-password`), so that the provider cannot grant a role by itself.
 *
 * <p>The answer is bound to the browser that asked: a cookie ({@code SameSite=Lax}, as the provider's redirect back
 * is a navigation from another site) holds the random state, which must match the one the provider returns (no
 * sign-in forced on a victim's browser with an attacker's code). Thread-safe.
 */
public final class OpenIdConnect {
    /** Where the provider sends the browser back: register {@code https://HOST/workbench/login/oidc/callback} with it. */
    public static final String CALLBACK_PATH = "/workbench/login/oidc/callback";
    static final String STATE_COOKIE = "convergence-oidc";
    /** A sign-in not finished within this time is forgotten. */
    private static final Duration PENDING = Duration.ofMinutes(10);
    private static final int MAX_PENDING = 10_000;
    private static final Set<JWSAlgorithm> ALGORITHMS = Set.of(JWSAlgorithm.RS256, JWSAlgorithm.PS256, JWSAlgorithm.ES256);
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * How the server talks to the provider.
     *
     * @param issuer the provider's issuer URL, as its discovery document names it
     * @param clientId the client id the provider gave this server
     * @param clientSecret the client secret the provider gave this server
     * @param accountClaim the ID token's claim that holds the Convergence account name ({@code preferred_username}, {@code email}, ...)
     */
    public record Settings(URI issuer, String clientId, String clientSecret, String accountClaim) {}

    /** Where the provider's endpoints are, read from its discovery document on first use. */
    private record Provider(URI authorize, URI token, JWKSource<SecurityContext> keys) {}

    private record Pending(String nonce, String verifier, String next, Instant started) {}

    /** Who the provider vouched for, and the workbench page to go back to. */
    public record Verified(String account, String next) {}

    private final Settings settings;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final Map<String, Pending> pending = new ConcurrentHashMap<>();
    private final Clock clock = Clock.systemUTC();
    private volatile Provider provider;

    public OpenIdConnect(Settings settings) {
        this.settings = settings;
    }

    /** The provider's sign-in page for this browser; sets the cookie that binds the answer to it. */
    public String begin(Context ctx, String next) {
        Provider endpoints = provider();
        Instant now = clock.instant();
        if (pending.size() > MAX_PENDING) {
            pending.values().removeIf(started -> !now.isBefore(started.started().plus(PENDING)));
        }
        String state = random();
        Pending started = new Pending(random(), random(), next, now);
        pending.put(state, started);
        ctx.res().addHeader("Set-Cookie", STATE_COOKIE + "=" + state + "; Path=/workbench/login/oidc; HttpOnly; SameSite=Lax; Max-Age="
                + PENDING.toSeconds() + (ctx.scheme().equals("https") ? "; Secure" : ""));
        return endpoints.authorize() + (endpoints.authorize().getQuery() == null ? "?" : "&") + "response_type=code"
                + "&client_id=" + encode(settings.clientId()) + "&redirect_uri=" + encode(redirectUri(ctx)) + "&scope=" + encode("openid profile email")
                + "&state=" + state + "&nonce=" + started.nonce() + "&code_challenge=" + challenge(started.verifier()) + "&code_challenge_method=S256";
    }

    /**
     * Checks the provider's answer and the ID token it stands for.
     *
     * @throws HttpResponseException 400 for an answer that does not belong to this browser's sign-in, or that the provider refused;
     *     403 for an ID token that fails a check
     */
    public Verified finish(Context ctx) {
        String state = ctx.queryParam("state");
        String bound = ctx.cookie(STATE_COOKIE);
        ctx.res().addHeader("Set-Cookie", STATE_COOKIE + "=; Path=/workbench/login/oidc; HttpOnly; SameSite=Lax; Max-Age=0");
        if (ctx.queryParam("error") != null) {
            throw new HttpResponseException(400, "the sign-in provider refused: " + ctx.queryParam("error") + " "
                    + (ctx.queryParam("error_description") == null ? "" : ctx.queryParam("error_description")));
        }
        Pending started = state == null ? null : pending.remove(state);
        if (started == null || !state.equals(bound) || !clock.instant().isBefore(started.started().plus(PENDING))) {
            throw new HttpResponseException(400, "this sign-in was not started from this browser, or took over "
                    + PENDING.toMinutes() + " minutes: sign in again");
        }
        String code = ctx.queryParam("code");
        if (code == null || code.isBlank()) {
            throw new HttpResponseException(400, "the sign-in provider sent no code: sign in again");
        }
        JWTClaimsSet claims = verify(exchange(ctx, code, started.verifier()), started.nonce());
        Object account = claims.getClaim(settings.accountClaim());
        if (!(account instanceof String name) || name.isBlank()) {
            throw new HttpResponseException(403, "the provider's token has no '" + settings.accountClaim() + "' claim to name the account by");
        }
        return new Verified(name.strip(), started.next());
    }

    private String exchange(Context ctx, String code, String verifier) {
        String form = "grant_type=authorization_code&code=" + encode(code) + "&redirect_uri=" + encode(redirectUri(ctx)) + "&code_verifier="
                + encode(verifier) + "&client_id=" + encode(settings.clientId());
        String basic = Base64.getEncoder().encodeToString((encode(settings.clientId()) + ":" + encode(settings.clientSecret()))
                .getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(provider().token()).timeout(Duration.ofSeconds(20))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Authorization", "Basic " + basic)
                .POST(HttpRequest.BodyPublishers.ofString(form)).build();
        JsonNode answer = fetchJson(request, "exchange the sign-in code");
        String idToken = answer.path("id_token").asText("");
        if (idToken.isEmpty()) {
            throw new HttpResponseException(403, "the provider's token answer has no ID token (is the client registered for OpenID Connect?)");
        }
        return idToken;
    }

    private JWTClaimsSet verify(String idToken, String nonce) {
        DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(ALGORITHMS, provider().keys()));
        processor.setJWTClaimsSetVerifier(new DefaultJWTClaimsVerifier<>(settings.clientId(),
                new JWTClaimsSet.Builder().issuer(settings.issuer().toString()).claim("nonce", nonce).build(), Set.of("sub", "iat", "exp")));
        try {
            return processor.process(idToken, null);
        } catch (Exception e) {
            throw new HttpResponseException(403, "the provider's ID token failed a check (" + e.getMessage() + "): sign in again");
        }
    }

    private Provider provider() {
        Provider known = provider;
        if (known == null) {
            URI discovery = URI.create(settings.issuer().toString().replaceAll("/$", "") + "/.well-known/openid-configuration");
            JsonNode document = fetchJson(HttpRequest.newBuilder(discovery).timeout(Duration.ofSeconds(20)).GET().build(),
                    "read the provider's discovery document " + discovery);
            if (!document.path("issuer").asText("").equals(settings.issuer().toString())) {
                throw new ConvergenceException(ErrorCategory.UNAVAILABLE, discovery + " names the issuer '" + document.path("issuer").asText("")
                        + "', not " + settings.issuer() + ": give --oidc-issuer exactly as the provider names itself");
            }
            try {
                known = new Provider(URI.create(document.path("authorization_endpoint").asText()), URI.create(document.path("token_endpoint").asText()),
                        JWKSourceBuilder.create(URI.create(document.path("jwks_uri").asText()).toURL()).build());
            } catch (MalformedURLException | IllegalArgumentException e) {
                throw new ConvergenceException(ErrorCategory.UNAVAILABLE, discovery + " lacks a usable authorization, token or keys address: "
                        + e.getMessage(), e);
            }
            provider = known;
        }
        return known;
    }

    private JsonNode fetchJson(HttpRequest request, String action) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new ConvergenceException(ErrorCategory.UNAVAILABLE, "cannot " + action + ": the provider answered " + response.statusCode());
            }
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new ConvergenceException(ErrorCategory.UNAVAILABLE, "cannot " + action + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ConvergenceException(ErrorCategory.UNAVAILABLE, "interrupted while trying to " + action, e);
        }
    }

    /** This server's callback as the browser reaches it (its host is one the request policy allows). */
    private static String redirectUri(Context ctx) {
        return ctx.scheme() + "://" + ctx.host() + CALLBACK_PATH;
    }

    private static String challenge(String verifier) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    private static String random() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}

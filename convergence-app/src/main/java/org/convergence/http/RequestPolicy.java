package org.convergence.http;

import io.javalin.http.Context;
import io.javalin.http.ForbiddenResponse;
import io.javalin.http.Handler;
import io.javalin.http.HttpResponseException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.convergence.ConvergenceException;
import org.convergence.ErrorCategory;

/**
 * What every request to the server must satisfy and what every response carries, in one place (docs/SECURITY.md
 * explains each rule and names its test): the {@code Host} must be one the server answers to (DNS rebinding),
 * every response carries the security headers, only the reconciliation service's GETs may be read by pages of
 * other origins (CORS), JSON endpoints take JSON only, and a browser's POST from another site is refused.
 */
public final class RequestPolicy {
    /**
     * For every page and API answer: nothing but the server's own style sheet, images and forms; no script at all;
     * never in a frame.
     */
    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; "
            + "base-uri 'none'; frame-ancestors 'none'";
    /** Names that reach this machine only; a DNS rebinding attack needs a name the attacker controls. */
    private static final List<String> LOOPBACK_NAMES = List.of("localhost", "127.0.0.1", "[::1]");
    private static final Pattern IP_LITERAL = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}|\\[[0-9a-f:.]+(%[^\\]]*)?]");
    private static final Pattern HOST_NAME = Pattern.compile("[a-z0-9]([a-z0-9-]*[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*");

    private final SortedSet<String> allowedHosts;

    private RequestPolicy(SortedSet<String> allowedHosts) {
        this.allowedHosts = Collections.unmodifiableSortedSet(allowedHosts);
    }

    /**
     * The policy of a server bound to {@code bindHost}, which answers to the loopback names, to any IP address
     * written as such (an address cannot be rebound), to {@code bindHost} and to {@code extraHosts} (the names a
     * proxy or the users' browsers reach it by).
     *
     * @throws ConvergenceException INVALID_INPUT for an extra host that is not a host name or address
     */
    public static RequestPolicy forServer(String bindHost, List<String> extraHosts) {
        SortedSet<String> allowed = new TreeSet<>(LOOPBACK_NAMES);
        String bound = bindHost.toLowerCase(Locale.ROOT);
        allowed.add(bound.contains(":") ? "[" + bound + "]" : bound);
        for (String extra : extraHosts) {
            String name = extra.strip().toLowerCase(Locale.ROOT);
            if (!HOST_NAME.matcher(name).matches() && !IP_LITERAL.matcher(name).matches()) {
                throw new ConvergenceException(ErrorCategory.INVALID_INPUT, "--allowed-host takes a host name as browsers send it, "
                        + "without scheme, port or path, e.g. convergence.example.org; got '" + extra + "'");
            }
            allowed.add(name);
        }
        return new RequestPolicy(allowed);
    }

    /** The first thing done for every request, matched to a route or not. */
    public void before(Context ctx) {
        secure(ctx);
        refuseUnknownHost(ctx);
        if (ctx.method().name().equals("POST")) {
            refuseCrossSite(ctx);
        }
    }

    /** The security headers, and for the reconciliation GETs the CORS header. */
    private static void secure(Context ctx) {
        ctx.header("X-Content-Type-Options", "nosniff");
        // The workbench's URLs hold the names searched and screened: no outside site it links to may learn them. Not
        // no-referrer: with it the browser sends its forms with "Origin: null", which the same-origin check refuses.
        ctx.header("Referrer-Policy", "same-origin");
        ctx.header("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        ctx.header("X-Frame-Options", "DENY");
        if (ctx.scheme().equals("https")) {
            // Browsers that have seen the server over HTTPS never try plain HTTP to it again, where a network attacker could listen.
            ctx.header("Strict-Transport-Security", "max-age=31536000");
        }
        if (readableByAnyOrigin(ctx.method().name(), ctx.path())) {
            ctx.header("Access-Control-Allow-Origin", "*");
        }
    }

    /**
     * True for the requests whose answers pages of any origin may read: the reconciliation service's GETs (manifest,
     * lookups, suggest, preview), which the protocol opens to web clients. Never with credentials; and neither the
     * workbench, nor downloads, nor the screening endpoints, whose answers hold the store's assessments.
     */
    static boolean readableByAnyOrigin(String method, String path) {
        return method.equals("GET") && path.startsWith("/reconcile/");
    }

    /**
     * Lets the answer be shown in a frame of another origin's page, with one inline style allowed by its hash: for the
     * reconciliation preview, which OpenRefine shows in a frame of its own page.
     */
    public static void allowFraming(Context ctx, String inlineStyle) {
        ctx.header("Content-Security-Policy", "default-src 'none'; style-src '" + sha256(inlineStyle) + "'; base-uri 'none'");
        ctx.res().setHeader("X-Frame-Options", null);
    }

    private void refuseUnknownHost(Context ctx) {
        if (!allows(ctx.header("Host"))) {
            throw new HttpResponseException(421, "this server does not answer to the host '" + ctx.header("Host") + "': use one of "
                    + allowedHosts + " or the server's IP address, or start it with --allowed-host NAME for the name it is reached by");
        }
    }

    /** True when the server answers to a request with this {@code Host} header (it may carry a port). */
    boolean allows(String hostHeader) {
        String host = hostName(hostHeader);
        return host != null && (allowedHosts.contains(host) || IP_LITERAL.matcher(host).matches());
    }

    /** The host of a {@code Host} header, without its port, lower case; null when there is none. */
    private static String hostName(String header) {
        if (header == null || header.isBlank()) {
            return null;
        }
        String host = header.strip().toLowerCase(Locale.ROOT);
        int port = host.startsWith("[") ? host.indexOf("]:") + 1 : host.lastIndexOf(':');
        return port > 0 ? host.substring(0, port) : host;
    }

    /**
     * True when a browser says that a page of another site sends the request ({@code Sec-Fetch-Site}), or its
     * {@code Origin} is not this server. A request with neither header is not a browser's cross-site request
     * (the command line, scripts, OpenRefine).
     */
    public static boolean fromAnotherSite(Context ctx) {
        String site = ctx.header("Sec-Fetch-Site");
        String origin = ctx.header("Origin");
        boolean crossSite = site != null && !site.equals("same-origin") && !site.equals("none");
        boolean otherOrigin = origin != null && !origin.equals(ctx.scheme() + "://" + ctx.host());
        return crossSite || otherOrigin;
    }

    /**
     * Refuses a POST that a page of another site sends (a form would screen and fill the audit log in the
     * analyst's name). The workbench explains it for its forms; this is for the API's POSTs.
     */
    private static void refuseCrossSite(Context ctx) {
        if (fromAnotherSite(ctx) && !ctx.path().startsWith("/workbench")) {
            throw new ForbiddenResponse("the API takes POSTs from programs, not from the pages of other sites: send the request "
                    + "without a browser, or from a page of " + ctx.scheme() + "://" + ctx.host());
        }
    }

    /**
     * The handler, for JSON bodies only: anything else is refused with 415, so that a page of another site cannot
     * send a body as a plain-text form, which a browser sends without asking the server first.
     */
    public static Handler json(Handler handler) {
        return ctx -> {
            String type = ctx.contentType();
            String mediaType = type == null ? "" : type.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
            if (!mediaType.equals("application/json")) {
                throw new HttpResponseException(415, "the body must be JSON sent with 'Content-Type: application/json'; got "
                        + (type == null ? "no Content-Type" : "'" + type + "'"));
            }
            handler.handle(ctx);
        };
    }

    private static String sha256(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return "sha256-" + Base64.getEncoder().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}

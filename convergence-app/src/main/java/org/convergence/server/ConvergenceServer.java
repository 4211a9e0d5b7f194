package org.convergence.server;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import io.javalin.json.JavalinJackson;
import io.javalin.security.Roles;
import java.net.InetAddress;
import java.net.URI;
import java.security.KeyStore;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import org.convergence.ConvergenceException;
import org.convergence.ErrorCategory;
import org.convergence.accounts.Accounts;
import org.convergence.accounts.Workspaces;
import org.convergence.api.Api;
import org.convergence.api.Json;
import org.convergence.graph.BackgroundExposureGraph;
import org.convergence.http.Access;
import org.convergence.http.Authentication;
import org.convergence.http.HttpStatuses;
import org.convergence.http.JettySetup;
import org.convergence.http.OpenIdConnect;
import org.convergence.http.RequestPolicy;
import org.convergence.http.Sessions;
import org.convergence.model.ConvergenceModel;
import org.convergence.screening.Screener;
import org.convergence.screening.audit.AuditLog;
import org.convergence.screening.audit.AuditedScreener;
import org.convergence.store.StatementStore;
import org.convergence.web.Workbench;
import org.eclipse.jetty.http.BadMessageException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server of {@code convergence serve}, and the one place it is put together: the store, the screener and its audit
 * trail, the exposure graph, the API ({@link Api}) and the workbench ({@link Workbench}) over them, and before every
 * route the request policy ({@link RequestPolicy}: hosts, security headers, CORS, cross-site posts) and the
 * authentication filter ({@link Authentication}: who asks, the route's {@link Access}, form tokens).
 *
 * <p>Every error is JSON {@code {"status": ..., "detail": "..."}}: 400 for bad input, 401 for nobody signed in, 403 for
 * a role too low, a missing form token or a browser's POST from another site, 404 for an unknown scope or entity, 413
 * for a body over {@link #MAX_BODY_BYTES}, 415 for a JSON endpoint's body of another type, 421 for a host the server
 * does not answer to, 503 with a Retry-After header while the exposure graph is first built; bad input never gets a
 * 500. Nothing waits without bound: a connection that stalls is answered 408 or closed after
 * {@link JettySetup#IDLE_TIMEOUT}; a body still arriving at the deadline of its limits is answered 408, and a request
 * beyond its limits waits its turn briefly, then is answered 429 with Retry-After.
 */
public final class ConvergenceServer implements AutoCloseable {
    /** The largest request body: a batch of thousands of queries, far above any real one. */
    public static final long MAX_BODY_BYTES = 10L * 1024 * 1024;
    /** When a client told that something is not ready (the exposure graph being built) should ask again. */
    private static final Duration RETRY_AFTER = Duration.ofSeconds(5);
    private static final Logger LOG = LoggerFactory.getLogger(ConvergenceServer.class);

    /** A route the server answers, with what it asks of the caller. */
    public record Route(String method, String path, Access access) {
        /** True for a workbench page or download, false for an API endpoint. */
        public boolean page() {
            return Workbench.isPage(path);
        }
    }

    private final Javalin app;
    private final String host;
    private final Workbench workbench;
    private final boolean https;

    private ConvergenceServer(Javalin app, String host, boolean https, Workbench workbench) {
        this.app = app;
        this.host = host;
        this.https = https;
        this.workbench = workbench;
    }

    /** Starts a server on this machine only, on a free port, within the default limits. */
    public static ConvergenceServer start(Screener screener, StatementStore store, ConvergenceModel model) {
        return start(screener, store, model, ServerSettings.local());
    }

    /**
     * Starts the server over the screener's index and the store.
     *
     * @throws ConvergenceException INVALID_INPUT for an allowed host that is not a host name, or for an address other
     *     machines can reach while no account exists and accounts are not required
     * @throws io.javalin.util.JavalinBindException when the port is taken
     */
    public static ConvergenceServer start(Screener screener, StatementStore store, ConvergenceModel model, ServerSettings settings) {
        RequestPolicy policy = RequestPolicy.forServer(settings.host(), settings.allowedHosts());
        Accounts accounts = Accounts.of(store);
        if (!settings.requireAccounts() && !loopback(settings.host()) && !accounts.exist()) {
            throw new ConvergenceException(ErrorCategory.INVALID_INPUT, "with no account, the server answers this machine only, and "
                    + settings.host() + " is reachable from others: add one with `convergence users add NAME --role admin` (then every "
                    + "request must sign in), or serve on 127.0.0.1");
        }
        // Read before anything starts, so that a wrong certificate or key is a clear error, not a failed start.
        KeyStore keyStore = settings.tls() == null ? null : settings.tls().keyStore();
        AuditLog log = AuditLog.of(store);
        AuditedScreener audited = new AuditedScreener(screener, log);
        // Built on a background thread: the server answers at once, and only what needs the graph waits for it.
        BackgroundExposureGraph graph = BackgroundExposureGraph.start(store);
        Workbench[] workbench = new Workbench[1];
        Authentication authentication = new Authentication(accounts, Workspaces.of(store), new Sessions(), settings.requireAccounts(),
                System.getProperty("user.name", "local"), Workbench::isPage, ctx -> workbench[0].signInPage(ctx),
                settings.openIdConnect() == null ? null : new OpenIdConnect(settings.openIdConnect()));
        Javalin app = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.startup.showOldJavalinVersionWarning = false;
            config.jsonMapper(new JavalinJackson(Json.MAPPER, false));
            config.http.maxRequestSize = MAX_BODY_BYTES;
            config.http.prefer405over404 = true;
            // Jetty's default pool of platform threads rather than virtual threads: the work is CPU-bound, and the
            // name normaliser keeps its ICU transliterators per thread, which a thread per request would rebuild each time.
            config.concurrency.useVirtualThreads = false;
            JettySetup.configure(config, settings.host(), settings.port(), settings.limits(),
                    Math.max(MAX_BODY_BYTES, Workbench.MAX_UPLOAD_REQUEST_BYTES), Set.of(Api.HEALTH_PATH),
                    // programs screening through the API wait on each answer; a person reading a page can wait a moment longer
                    path -> !Workbench.isPage(path), keyStore);
            config.routes.before(policy::before);
            config.routes.before(ConvergenceServer::limitBody);
            config.routes.beforeMatched(authentication::check);
            Api.addTo(config, screener, audited, store, model, graph);
            workbench[0] = Workbench.addTo(config, store, model, screener, audited, log, graph, authentication, settings.limits());
            config.routes.exception(ConvergenceException.class, (e, ctx) -> {
                if (e.category() == ErrorCategory.UNAVAILABLE) {
                    ctx.header("Retry-After", String.valueOf(RETRY_AFTER.toSeconds()));
                }
                error(ctx, HttpStatuses.of(e.category()), e.getMessage());
            });
            config.routes.exception(HttpResponseException.class, (e, ctx) -> error(ctx, e.getStatus(), detail(e, ctx)));
            config.routes.exception(BadMessageException.class, (e, ctx) -> error(ctx, e.getCode(), "bad request: " + e.getReason()));
            config.routes.exception(Exception.class, (e, ctx) -> {
                // The client learns only that it failed and the number to quote; what failed, and where, stays in the server's log.
                String incident = Long.toString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE, 36);
                LOG.error("internal error {} on {} {}", incident, ctx.method(), ctx.path(), e);
                error(ctx, 500, "internal error " + incident + ": the server's log has what failed; quote this number when reporting it");
            });
        });
        app.start();
        workbench[0].warmUp();
        return new ConvergenceServer(app, settings.host(), settings.tls() != null, workbench[0]);
    }

    /** True for an address only this machine reaches. */
    private static boolean loopback(String host) {
        try {
            return InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    /**
     * Refuses a declared body over the limit before reading it; a chunked one is cut by Javalin's reader at the same size.
     * The workbench's upload sets its own limit and explains a refusal on its page.
     */
    private static void limitBody(Context ctx) {
        if (ctx.contentLength() > MAX_BODY_BYTES && !Workbench.takesUploads(ctx.path())) {
            throw new HttpResponseException(413, "");
        }
    }

    private static String detail(HttpResponseException e, Context ctx) {
        return switch (e.getStatus()) {
            case 404 -> "no endpoint " + ctx.method() + " " + ctx.path() + ": the endpoints are listed in /openapi.json";
            case 405 -> "the endpoint " + ctx.path() + " does not take " + ctx.method() + ": see /openapi.json";
            // Javalin's own 413 (a chunked body cut at the limit) and the early one here carry no useful message.
            case 413 -> e.getMessage().isBlank() || e.getMessage().equals(HttpStatus.CONTENT_TOO_LARGE.getMessage())
                    ? "the request body is larger than %d MB: send fewer queries per request".formatted(MAX_BODY_BYTES / (1024 * 1024))
                    : e.getMessage();
            default -> e.getMessage();
        };
    }

    private static void error(Context ctx, int status, String detail) {
        ObjectNode body = JsonNodeFactory.instance.objectNode().put("status", status).put("detail", detail);
        ctx.status(status).json(body);
    }

    public int port() {
        return app.port();
    }

    /** The base URL, e.g. {@code http://127.0.0.1:8080}. */
    public URI url() {
        String shown = host.equals("0.0.0.0") || host.equals("::") ? "localhost" : host.contains(":") ? "[" + host + "]" : host;
        return URI.create((https ? "https://" : "http://") + shown + ":" + port());
    }

    /** Every route served, API and workbench, with the access each declares (null for none: a route left open by mistake). */
    public List<Route> routes() {
        return app.unsafe.internalRouter.allHttpHandlers().stream()
                .filter(handler -> handler.endpoint.method.isHttpMethod())
                .map(handler -> {
                    Roles roles = handler.endpoint.metadata(Roles.class);
                    Access access = roles != null && roles.getRoles().size() == 1 && roles.getRoles().iterator().next() instanceof Access one
                            ? one : null;
                    return new Route(handler.endpoint.method.name(), handler.endpoint.path, access);
                })
                .toList();
    }

    @Override
    public void close() {
        app.stop();
        workbench.close();
    }
}

package org.convergence.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import io.javalin.json.JavalinJackson;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.convergence.ConvergenceException;
import org.convergence.ErrorCategory;
import org.convergence.exposure.ExposureCheck;
import org.convergence.graph.BackgroundExposureGraph;
import org.convergence.model.ConvergenceModel;
import org.convergence.screening.Screener;
import org.convergence.screening.audit.AuditLog;
import org.convergence.screening.audit.AuditedScreener;
import org.convergence.web.Workbench;
import org.convergence.screening.ScreeningIndex;
import org.convergence.store.DatasetVersion;
import org.convergence.store.StatementStore;
import org.eclipse.jetty.http.BadMessageException;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.ServerConnector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The screening HTTP API on an embedded Jetty (through Javalin): yente-compatible {@code /match},
 * {@code /search} and {@code /entities}, an entity's exposure paths ({@code /entities/{id}/paths}), the
 * OpenRefine reconciliation service, {@code /openapi.json} and {@code /healthz}. Requests run on Jetty's
 * thread pool and only read, so they run concurrently.
 *
 * <p>Every error is JSON {@code {"status": ..., "detail": "..."}}: 400 for bad input, 404 for an
 * unknown scope or entity, 403 for a browser's POST from another site, 413 for a body over {@link #MAX_BODY_BYTES},
 * 415 for a JSON endpoint's body of another type, 421 for a host the server does not answer to
 * ({@link RequestPolicy}, which also sets every response's security headers), 503 with a Retry-After header
 * while the exposure graph is first built; bad input never gets a 500.
 * Nothing waits without bound: a connection that stalls (an unfinished request or body, an unread
 * response) is answered 408 or closed after {@link #IDLE_TIMEOUT}; a body still arriving at the deadline of
 * {@link ServerLimits} is answered 408, and a request beyond its limits waits its turn briefly, then is answered 429 with Retry-After.
 */
public final class ApiServer implements AutoCloseable {
    /**
     * The header that names who asks, for the audit log: the server does not authenticate (it binds to
     * localhost), so a proxy that does sets it. The API and the workbench both read it.
     */
    public static final String USER_HEADER = "X-Convergence-User";

    /** The largest request body: a batch of thousands of queries, far above any real one. */
    public static final long MAX_BODY_BYTES = 10L * 1024 * 1024;
    /** A connection silent for this long (reading or writing) is closed. */
    public static final Duration IDLE_TIMEOUT = Duration.ofSeconds(30);
    /** When a client told that something is not ready (the exposure graph being built) should ask again. */
    private static final Duration RETRY_AFTER = Duration.ofSeconds(5);
    private static final int MAX_HEADER_BYTES = 64 * 1024;
    private static final String HEALTH_PATH = "/healthz";
    private static final Logger LOG = LoggerFactory.getLogger(ApiServer.class);

    private final Javalin app;
    private final String host;
    private final Workbench workbench;

    private ApiServer(Javalin app, String host, Workbench workbench) {
        this.app = app;
        this.host = host;
        this.workbench = workbench;
    }

    /** Starts the API as {@link #start(Screener, StatementStore, ConvergenceModel, String, int, List, ServerLimits)} does, reached by loopback names or addresses only, within the default limits. */
    public static ApiServer start(Screener screener, StatementStore store, ConvergenceModel model, String host, int port) {
        return start(screener, store, model, host, port, List.of(), ServerLimits.DEFAULT);
    }

    /** As {@link #start(Screener, StatementStore, ConvergenceModel, String, int, List, ServerLimits)}, within the default limits. */
    public static ApiServer start(Screener screener, StatementStore store, ConvergenceModel model, String host, int port,
            List<String> allowedHosts) {
        return start(screener, store, model, host, port, allowedHosts, ServerLimits.DEFAULT);
    }

    /** As {@link #start(Screener, StatementStore, ConvergenceModel, String, int, List, ServerLimits)}, reached by loopback names or addresses only. */
    public static ApiServer start(Screener screener, StatementStore store, ConvergenceModel model, String host, int port, ServerLimits limits) {
        return start(screener, store, model, host, port, List.of(), limits);
    }

    /**
     * Starts the API on {@code host:port} (port 0: any free port) over the screener's index and the store.
     *
     * @param allowedHosts host names besides the loopback ones and {@code host} that requests may name in their
     *     {@code Host} header (the name of a proxy in front of the server); any other name is refused (DNS rebinding)
     * @param limits how many requests, bodies and uploads are worked on at once, and how long a body may take
     * @throws ConvergenceException INVALID_INPUT for an allowed host that is not a host name
     * @throws io.javalin.util.JavalinBindException when the port is taken
     */
    public static ApiServer start(Screener screener, StatementStore store, ConvergenceModel model, String host, int port,
            List<String> allowedHosts, ServerLimits limits) {
        RequestPolicy policy = RequestPolicy.forServer(host, allowedHosts);
        AuditLog log = AuditLog.of(store);
        AuditedScreener audited = new AuditedScreener(screener, log);
        Screening screening = new Screening(screener, audited);
        MatchResource match = new MatchResource(screening, model);
        EntityResource entities = new EntityResource(screener, store);
        // Built on a background thread: the server answers at once, and only what needs the graph waits for it.
        BackgroundExposureGraph graph = BackgroundExposureGraph.start(store);
        PathsResource paths = new PathsResource(graph);
        ExposureResource exposure = new ExposureResource(screening, new ExposureCheck(screener, audited,
                () -> graph.current(PathsResource.GRAPH_WAIT), model));
        ReconcileResource reconcile = new ReconcileResource(screening, model, entities);
        String openApi = resource("openapi.json");
        Workbench[] workbench = new Workbench[1];
        Javalin app = Javalin.create(config -> {
            configure(config, host, port, limits);
            config.routes.before(policy::before);
            config.routes.before(ApiServer::limitBody);
            config.routes.post("/match/{scope}", RequestPolicy.json(match::match));
            config.routes.get("/search/{scope}", match::search);
            config.routes.get("/entities/{id}", entities::entity);
            config.routes.get("/entities/{id}/paths", paths::paths);
            config.routes.post("/exposure/{scope}", RequestPolicy.json(exposure::exposure));
            config.routes.get("/reconcile/{scope}", reconcile::get);
            config.routes.post("/reconcile/{scope}", reconcile::post);
            config.routes.get("/reconcile/{scope}/suggest/entity", reconcile::suggestEntity);
            config.routes.get("/reconcile/{scope}/suggest/type", reconcile::suggestType);
            config.routes.get("/reconcile/{scope}/suggest/property", reconcile::suggestProperty);
            config.routes.get("/reconcile/{scope}/preview", reconcile::preview);
            config.routes.get("/openapi.json", ctx -> ctx.contentType("application/json").result(openApi));
            config.routes.get(HEALTH_PATH, ctx -> ctx.json(health(screener.current())));
            workbench[0] = Workbench.addTo(config, store, model, screener, audited, log, graph, limits.concurrentUploads(),
                    limits.keptDownloadBytes());
            config.routes.exception(ConvergenceException.class, (e, ctx) -> {
                if (e.category() == ErrorCategory.UNAVAILABLE) {
                    ctx.header("Retry-After", String.valueOf(RETRY_AFTER.toSeconds()));
                }
                error(ctx, status(e.category()), e.getMessage());
            });
            config.routes.exception(HttpResponseException.class, (e, ctx) -> error(ctx, e.getStatus(), detail(e, ctx)));
            config.routes.exception(BadMessageException.class, (e, ctx) -> error(ctx, e.getCode(), "bad request: " + e.getReason()));
            config.routes.exception(Exception.class, (e, ctx) -> {
                LOG.error("internal error on {} {}", ctx.method(), ctx.path(), e);
                error(ctx, 500, "internal error (logged by the server): " + e);
            });
        });
        app.start();
        workbench[0].warmUp();
        return new ApiServer(app, host, workbench[0]);
    }

    private static void configure(JavalinConfig config, String host, int port, ServerLimits limits) {
        config.startup.showJavalinBanner = false;
        config.startup.showOldJavalinVersionWarning = false;
        config.jsonMapper(new JavalinJackson(Json.MAPPER, false));
        config.http.maxRequestSize = MAX_BODY_BYTES;
        config.http.prefer405over404 = true;
        // Jetty's default pool of platform threads rather than virtual threads: the work is CPU-bound, and the
        // name normaliser keeps its ICU transliterators per thread, which a thread per request would rebuild each time.
        config.concurrency.useVirtualThreads = false;
        config.jetty.modifyServer(server -> {
            // Bodies are received first, holding no thread, so that slow senders take no slot of the requests worked on.
            BodyBufferingHandler bodies = new BodyBufferingHandler(limits.bodyDeadline(),
                    Math.max(MAX_BODY_BYTES, Workbench.MAX_UPLOAD_REQUEST_BYTES), limits.bufferedBodyBytes());
            bodies.setHandler(new ConcurrencyLimitHandler(limits.concurrentRequests(), ServerLimits.QUEUE_WAIT, ServerLimits.QUEUED_REQUESTS,
                    Set.of(HEALTH_PATH)));
            server.setHandler(bodies);
        });
        config.jetty.addConnector((server, http) -> {
            // No minimum data rate: Jetty measures it from the start of the request, so a small body that arrives
            // late on a busy machine would be refused. Bodies have a deadline instead (BodyBufferingHandler), and the
            // idle timeout bounds a stalled client.
            http.setIdleTimeout(IDLE_TIMEOUT.toMillis());
            // Reconciliation batches may come in the query string (GET ?queries=): room for a batch, so that an
            // over-long value is answered by the API's own 400 rather than a bare 431.
            http.setRequestHeaderSize(MAX_HEADER_BYTES);
            ServerConnector connector = new ServerConnector(server, new HttpConnectionFactory(http));
            connector.setHost(host);
            connector.setPort(port);
            connector.setIdleTimeout(IDLE_TIMEOUT.toMillis());
            return connector;
        });
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

    /** The HTTP status of each error category, in one place (the command line has its exit codes in {@link ErrorCategory}). */
    public static int status(ErrorCategory category) {
        return switch (category) {
            case INVALID_INPUT -> 400;
            case NOT_FOUND -> 404;
            case STORE, UNAVAILABLE -> 503;
            case INTERNAL -> 500;
        };
    }

    private static void error(Context ctx, int status, String detail) {
        ObjectNode body = JsonNodeFactory.instance.objectNode().put("status", status).put("detail", detail);
        ctx.status(status).json(body);
    }

    private static ObjectNode health(ScreeningIndex index) {
        ObjectNode health = JsonNodeFactory.instance.objectNode().put("status", "ok").put("entities", index.size());
        ArrayNode datasets = health.putArray("datasets");
        for (DatasetVersion version : index.versions()) {
            datasets.addObject().put("name", version.dataset()).put("version", version.version()).put("entities", version.entityCount());
        }
        return health;
    }

    private static String resource(String name) {
        try (InputStream in = ApiServer.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " is part of the build and missing from the class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public int port() {
        return app.port();
    }

    /** The base URL, e.g. {@code http://127.0.0.1:8080}. */
    public URI url() {
        String shown = host.equals("0.0.0.0") || host.equals("::") ? "localhost" : host.contains(":") ? "[" + host + "]" : host;
        return URI.create("http://" + shown + ":" + port());
    }

    /** The API routes served, as "METHOD /path" (what /openapi.json must describe; the workbench pages are not API). */
    List<String> routes() {
        return everyRoute().stream().filter(route -> !Workbench.isPage(route.substring(route.indexOf(' ') + 1))).toList();
    }

    /** Every route served, API and workbench, as "METHOD /path". */
    List<String> everyRoute() {
        return app.unsafe.internalRouter.allHttpHandlers().stream()
                .filter(handler -> handler.endpoint.method.isHttpMethod())
                .map(handler -> handler.endpoint.method.name() + " " + handler.endpoint.path)
                .toList();
    }

    @Override
    public void close() {
        app.stop();
        workbench.close();
    }
}

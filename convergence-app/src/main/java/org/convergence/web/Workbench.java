package org.convergence.web;

import com.ibm.icu.text.Transliterator;
import io.javalin.config.JavalinConfig;
import io.javalin.config.SizeUnit;
import io.javalin.http.Context;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.convergence.ConvergenceException;
import org.convergence.ErrorCategory;
import org.convergence.analytics.ConvergenceAnalytics;
import org.convergence.http.Access;
import org.convergence.http.Authentication;
import org.convergence.http.OpenIdConnect;
import org.convergence.http.RequestPolicy;
import org.convergence.http.ServerLimits;
import org.convergence.analytics.CooperationNetwork;
import org.convergence.analytics.Flow;
import org.convergence.analytics.FlowFilter;
import org.convergence.exposure.ExposureCheck;
import org.convergence.graph.BackgroundExposureGraph;
import org.convergence.lists.ListDiff;
import org.convergence.lists.ListSource;
import org.convergence.model.ConvergenceModel;
import org.convergence.model.Entity;
import org.convergence.screening.References;
import org.convergence.screening.Screener;
import org.convergence.screening.audit.AuditLog;
import org.convergence.screening.names.NameNormalizer;
import org.convergence.screening.audit.AuditedScreener;
import org.convergence.store.DatasetVersion;
import org.convergence.store.StatementStore;
import org.convergence.store.VersionedEntity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The analyst's workbench: server-rendered pages (templates compiled at build time by jte) under
 * {@code /workbench}, over the same store, screener and audit log as the API. Nothing is fetched from
 * outside: charts are SVG drawn by the server. Every page answers with a {@code Server-Timing} header
 * (the time spent in the server, in milliseconds), which {@code convergence bench overview} reads.
 */
public final class Workbench implements AutoCloseable {
    /** Curated events listed on the overview, latest first. */
    private static final int LATEST_EVENTS = 10;
    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);
    /** The schemata whose entity page shows the event's record: parties, item, claims side by side, sources. */
    private static final Set<String> EVENT_SCHEMATA = Set.of("CooperationEvent", "Transfer");
    private static final String STARTED = "workbench-started";
    /** How long an entity page waits for the exposure graph's first build before it shows the rest without it. */
    private static final Duration GRAPH_WAIT = Duration.ofSeconds(3);
    private static final Logger LOG = LoggerFactory.getLogger(Workbench.class);
    /** The pages' style, served as a file: their Content-Security-Policy allows no inline style. */
    private static final String STYLE_SHEET_PATH = "/workbench/workbench.css";
    private static final String STYLE_SHEET = styleSheet();

    private static final Pages PAGES = new Pages();
    private final StatementStore store;
    private final Screener screener;
    private final AnalyticsCache analytics;
    private final EventRecords records;
    private final Downloads downloads;
    private final Uploads uploads;
    private final BackgroundExposureGraph graph;
    /** Set once while the routes are added, before the server takes requests. */
    private SignInPages signIn;

    /** The largest request that carries an upload (the file and its form): what the server has to be ready to receive. */
    public static final long MAX_UPLOAD_REQUEST_BYTES = Uploads.MAX_REQUEST_BYTES;

    private Workbench(StatementStore store, Screener screener, BackgroundExposureGraph graph, ServerLimits limits) {
        this.downloads = new Downloads(limits.keptDownloadBytes());
        this.uploads = new Uploads(downloads, limits.concurrentUploads());
        this.store = store;
        this.screener = screener;
        this.graph = graph;
        this.analytics = new AnalyticsCache(store);
        this.records = new EventRecords(store);
    }

    /**
     * Adds the workbench's pages to a server being configured, each with the {@link Access} it asks, over the server's
     * exposure graph; close the workbench when the server stops (it keeps screening downloads).
     *
     * @param authentication signs users in and out
     * @param limits the uploads worked on at once and the bytes of results kept for download
     */
    public static Workbench addTo(JavalinConfig config, StatementStore store, ConvergenceModel model, Screener screener, AuditedScreener audited,
            AuditLog log, BackgroundExposureGraph graph, Authentication authentication, ServerLimits limits) {
        Workbench workbench = new Workbench(store, screener, graph, limits);
        SignInPages signIn = new SignInPages(PAGES, authentication);
        workbench.signIn = signIn;
        EventPages events = new EventPages(PAGES, workbench.analytics, workbench.records);
        SearchPages search = new SearchPages(PAGES, screener, workbench.analytics);
        ScreeningPages screening = new ScreeningPages(PAGES, screener, audited, log, model, workbench.downloads, workbench.uploads);
        ExposurePages exposure = new ExposurePages(PAGES, screener, new ExposureCheck(screener, audited,
                () -> graph.current(GRAPH_WAIT), model), model, workbench.downloads, workbench.uploads);
        // Jetty's own limits only stop what grows past the declared size; the page checks the file against its limit and says why.
        config.jetty.multipartConfig.maxFileSize(Uploads.MAX_REQUEST_BYTES, SizeUnit.BYTES);
        config.jetty.multipartConfig.maxTotalRequestSize(Uploads.MAX_REQUEST_BYTES, SizeUnit.BYTES);
        config.jetty.multipartConfig.maxInMemoryFileSize(1, SizeUnit.MB);
        config.routes.before(ctx -> {
            if (isPage(ctx.path())) {
                ctx.attribute(STARTED, System.nanoTime());
                refuseCrossSite(ctx);
            }
        });
        config.routes.after(Workbench::serverTiming);
        config.routes.get("/", ctx -> ctx.redirect("/workbench"), Access.PUBLIC);
        config.routes.get("/workbench", workbench::overview, Access.VIEWER);
        config.routes.get(SignInPages.PATH, signIn::form, Access.PUBLIC);
        config.routes.post(SignInPages.PATH, signIn::signIn, Access.PUBLIC);
        config.routes.post(SignInPages.SIGN_OUT_PATH, signIn::signOut, Access.VIEWER);
        config.routes.get(SignInPages.PROVIDER_PATH, signIn::signInWithProvider, Access.PUBLIC);
        config.routes.get(OpenIdConnect.CALLBACK_PATH, signIn::providerCallback, Access.PUBLIC);
        config.routes.post(SignInPages.WORKSPACE_PATH, signIn::switchWorkspace, Access.VIEWER);
        config.routes.get(STYLE_SHEET_PATH, ctx -> ctx.contentType("text/css; charset=utf-8").result(STYLE_SHEET), Access.PUBLIC);
        config.routes.get("/workbench/lists", workbench::lists, Access.VIEWER);
        config.routes.get("/workbench/lists.csv", workbench::listsCsv, Access.VIEWER);
        config.routes.get("/workbench/lists/{source}/diff", workbench::diff, Access.VIEWER);
        config.routes.get("/workbench/lists/{source}/diff.csv", workbench::diffCsv, Access.VIEWER);
        config.routes.get("/workbench/domain-year.csv", workbench::matrixCsv, Access.VIEWER);
        config.routes.get("/workbench/flows.csv", workbench::flowsCsv, Access.VIEWER);
        config.routes.get("/workbench/network-brokers.csv", workbench::networkBrokersCsv, Access.VIEWER);
        config.routes.get("/workbench/communities.csv", workbench::communitiesCsv, Access.VIEWER);
        config.routes.get("/workbench/events", events::page, Access.VIEWER);
        config.routes.get("/workbench/events.csv", events::csv, Access.VIEWER);
        config.routes.get("/workbench/search", search::page, Access.VIEWER);
        config.routes.get("/workbench/search.csv", search::csv, Access.VIEWER);
        config.routes.get("/workbench/entities/{id}.csv", workbench::entityCsv, Access.VIEWER);
        config.routes.get("/workbench/entities/{id}", workbench::entity, Access.VIEWER);
        config.routes.get("/workbench/exposure", exposure::form, Access.VIEWER);
        config.routes.post("/workbench/exposure", exposure::check, Access.ANALYST);
        config.routes.post(ExposurePages.UPLOAD_PATH, exposure::upload, Access.ANALYST);
        config.routes.get(ExposurePages.UPLOAD_PATH + "/{file}", exposure::download, Access.ANALYST);
        config.routes.get("/workbench/screen", screening::form, Access.VIEWER);
        config.routes.post("/workbench/screen", screening::screen, Access.ANALYST);
        config.routes.post("/workbench/screen/decision", screening::decide, Access.ANALYST);
        config.routes.get("/workbench/review", screening::review, Access.ANALYST);
        config.routes.post(ScreeningPages.UPLOAD_PATH, screening::batch, Access.ANALYST);
        config.routes.get(ScreeningPages.UPLOAD_PATH + "/{file}", screening::batchDownload, Access.ANALYST);
        config.routes.get("/workbench/screen/results/{file}", screening::resultsDownload, Access.ANALYST);
        return workbench;
    }

    /**
     * Reads the co-operation analytics on a background thread, so that the first overview after the
     * server starts does not pay for it (a request that comes first waits for this read rather than
     * making its own).
     */
    public void warmUp() {
        Thread.ofPlatform().daemon().name("workbench-warm-up").start(() -> {
            try {
                analytics.current();
            } catch (RuntimeException e) {
                // the server stopped, and closed the store, before the read was done; the next page reads again
                LOG.debug("warming up the workbench's analytics failed", e);
            }
        });
    }

    /**
     * Refuses a form that a page of another site sends to the workbench (it would screen, record
     * decisions and fill the audit log in the analyst's name). Scripts and the command line, which send
     * neither {@code Sec-Fetch-Site} nor {@code Origin}, go on.
     */
    static void refuseCrossSite(Context ctx) {
        if (ctx.method().name().equals("POST") && RequestPolicy.fromAnotherSite(ctx)) {
            throw new io.javalin.http.ForbiddenResponse("the workbench takes forms from its own pages only: open "
                    + ctx.scheme() + "://" + ctx.host() + ctx.path() + " and send the form from there");
        }
    }

    /** The sign-in page, for a page asked for by nobody signed in (the status already set). */
    public void signInPage(Context ctx) {
        signIn.render(PAGES, ctx, ctx.path(), "");
    }

    /** True for the paths of the workbench, which are pages, not API endpoints. */
    public static boolean isPage(String path) {
        return path.equals("/") || path.startsWith("/workbench");
    }

    /** True for the path that takes file uploads: it sets and explains its own size limit. */
    public static boolean takesUploads(String path) {
        return path.equals(ScreeningPages.UPLOAD_PATH) || path.equals(ExposurePages.UPLOAD_PATH);
    }

    /** The time a page took in the server, as the standard Server-Timing header, for the browser's tools and the benchmark. */
    private static void serverTiming(Context ctx) {
        Long started = ctx.attribute(STARTED);
        if (started != null) {
            ctx.header("Server-Timing", String.format(Locale.ROOT, "app;dur=%.1f", (System.nanoTime() - started) / 1e6));
        }
    }

    private void overview(Context ctx) {
        ConvergenceAnalytics current = analytics.current();
        List<Flow> flows = current.flows(FlowFilter.ALL);
        List<Flow> latest = flows.stream().filter(flow -> flow.kind().equals("event"))
                .sorted(Comparator.comparingInt(Flow::year).reversed()).limit(LATEST_EVENTS).toList();
        OverviewPage page = new OverviewPage(Heatmap.of(current.matrix(FlowFilter.ALL)), Timeline.of(flows),
                current.flowsByPeriod(FlowFilter.ALL, ConvergenceAnalytics.PERIOD_STARTS), Timeline.ofBreadth(current.breadth(FlowFilter.ALL)),
                NetworkTables.of(analytics.networkByPeriod()), latest, listRows());
        PAGES.render(ctx, "overview.jte", Map.of("page", page));
    }

    /**
     * An entity of the latest version of whichever dataset holds it, with every statement, what points at
     * it, an event's record, and its place in the exposure graph: its neighbourhood within {@code hops}
     * (1, or 2; any other value shows 1) and its paths to the listed and the nexus.
     */
    private void entity(Context ctx) {
        String id = ctx.pathParam("id");
        var found = latest(id);
        if (found.isEmpty()) {
            ctx.status(404);
            PAGES.render(ctx, "entity.jte", Map.of("page", new EntityPage(id, "Not found", "-", "-", List.of(), List.of(), List.of(), List.of(), List.of(), null,
                    null)));
            return;
        }
        Entity entity = found.get().entity();
        DatasetVersion version = found.get().version();
        List<EntityPage.Listing> listings = new ArrayList<>();
        List<EntityPage.EventLink> events = new ArrayList<>();
        List<EntityPage.Pointer> relations = new ArrayList<>();
        for (References.Reference reference : screener.current().references().to(id)) {
            Entity pointing = store.fetchEntity(reference.version(), reference.entityId()).orElse(null);
            String schema = pointing == null ? "" : pointing.schema().getName();
            if (schema.equals("Sanction")) {
                listings.add(new EntityPage.Listing(pointing.id(), join(pointing, "authority"), join(pointing, "program"),
                        firstOf(pointing, "listingDate", "startDate", "date"), join(pointing, "reason"), reference.version().label()));
            } else if (EVENT_SCHEMATA.contains(schema)) {
                events.add(new EntityPage.EventLink(pointing.id(), firstOf(pointing, "date", "startDate"), join(pointing, "technologyDomain"),
                        firstOf(pointing, "eventType", "transferType"), reference.property().getName(), pointing.caption()));
            } else {
                relations.add(new EntityPage.Pointer(reference.entityId(),
                        (pointing == null ? reference.entityId() : pointing.caption()) + " (" + reference.property().getQName() + ", "
                                + reference.version().label() + ")"));
            }
        }
        events.sort(Comparator.comparing(EntityPage.EventLink::date, Comparator.nullsFirst(Comparator.naturalOrder())).reversed());
        EventRecord event = EVENT_SCHEMATA.contains(entity.schema().getName()) ? records.of(entity, version) : null;
        PAGES.render(ctx, "entity.jte", Map.of("page", new EntityPage(id, entity.caption(), entity.schema().getLabel(), version.label(),
                names(entity), entity.statements(), listings, events, relations, event, exposure(id, Pages.query(ctx, "hops").equals("2") ? 2 : 1))));
    }

    /** The entity in the exposure graph; while the graph's first build runs, a notice instead, so that the rest of the page need not wait. */
    private ExposureSection exposure(String id, int hops) {
        try {
            return ExposureSection.of(graph.current(GRAPH_WAIT), id, hops);
        } catch (ConvergenceException e) {
            if (e.category() != ErrorCategory.UNAVAILABLE) {
                throw e;
            }
            return ExposureSection.unavailable(hops, "The exposure graph is being built from the store; reload the page in a few seconds.");
        }
    }

    /** The properties whose values are the entity's names, in the order the page lists them. */
    private static final List<String> NAME_PROPERTIES = List.of("name", "alias", "previousName", "weakAlias", "abbreviation");
    /** ICU transliterators are not thread-safe; creating one costs more than using it. */
    private static final ThreadLocal<Transliterator> TO_LATIN = ThreadLocal.withInitial(() -> Transliterator.getInstance("Any-Latin; NFC"));

    /** Every name in every script, with its script and, for a script other than Latin, its transliteration. */
    private static List<EntityPage.Name> names(Entity entity) {
        List<EntityPage.Name> names = new ArrayList<>();
        for (String property : NAME_PROPERTIES) {
            for (String name : new java.util.LinkedHashSet<>(entity.values(property))) {
                Character.UnicodeScript script = NameNormalizer.scriptOf(name);
                boolean latin = script == Character.UnicodeScript.LATIN || script == Character.UnicodeScript.COMMON;
                names.add(new EntityPage.Name(property, name, script.name().toLowerCase(Locale.ROOT).replace('_', ' '),
                        latin ? "" : TO_LATIN.get().transliterate(name)));
            }
        }
        return names;
    }

    /** Every statement of an entity, as its page's table shows them. */
    private void entityCsv(Context ctx) {
        String id = ctx.pathParam("id");
        Entity entity = latest(id).orElseThrow(() -> new ConvergenceException(ErrorCategory.NOT_FOUND, "no entity '" + id + "' in the store")).entity();
        List<List<String>> rows = entity.statements().stream().map(statement -> java.util.Arrays.asList(statement.property(), statement.value(),
                statement.lang(), statement.originalValue(), statement.source())).toList();
        Pages.csv(ctx, id + ".csv", List.of("property", "value", "language", "as_written", "source"), rows);
    }

    private java.util.Optional<VersionedEntity> latest(String id) {
        return store.findEntity(store.latestVersions(), id, null);
    }

    private static String join(Entity entity, String property) {
        return String.join("; ", entity.values(property));
    }

    private static String firstOf(Entity entity, String... properties) {
        for (String property : properties) {
            String value = entity.first(property);
            if (value != null) {
                return value;
            }
        }
        return "";
    }

    /** What changed in a list between two of its versions: {@code from} and {@code to} (version numbers), by default the last two. */
    private void diff(Context ctx) {
        String source = ctx.pathParam("source");
        List<DatasetVersion> versions = store.versions(source);
        if (versions.isEmpty()) {
            ctx.status(404);
            PAGES.render(ctx, "diff.jte", Map.of("page", DiffPage.message(source, "No list '" + source + "' in the store: the lists are "
                    + String.join(", ", listRows().stream().map(ListRow::id).toList()) + " (see /workbench/lists).")));
            return;
        }
        if (versions.size() < 2) {
            PAGES.render(ctx, "diff.jte", Map.of("page", DiffPage.message(source, source + " has " + versions.size()
                    + " version(s) in the store; importing another (convergence lists import or update) shows what changed.")));
            return;
        }
        ListDiff.Result diff = diffOf(ctx, versions);
        PAGES.render(ctx, "diff.jte", Map.of("page", new DiffPage(source, diff.from(), diff.to(), versions, diff.added(), diff.removed(),
                diff.changed(), null)));
    }

    private void diffCsv(Context ctx) {
        String source = ctx.pathParam("source");
        List<DatasetVersion> versions = store.versions(source);
        if (versions.size() < 2) {
            throw new ConvergenceException(ErrorCategory.NOT_FOUND, source + " has " + versions.size() + " version(s) in the store: nothing to compare");
        }
        ListDiff.Result diff = diffOf(ctx, versions);
        List<List<String>> rows = new ArrayList<>();
        diff.added().forEach(id -> rows.add(List.of("added", id, "")));
        diff.removed().forEach(id -> rows.add(List.of("removed", id, "")));
        diff.changed().forEach(change -> rows.add(List.of("changed", change.id(), String.join("; ", change.properties()))));
        Pages.csv(ctx, source + "-" + diff.from().version() + "-" + diff.to().version() + ".csv", List.of("change", "id", "properties"), rows);
    }

    private ListDiff.Result diffOf(Context ctx, List<DatasetVersion> versions) {
        DatasetVersion from = version(versions, ctx.queryParam("from"), versions.get(versions.size() - 2));
        DatasetVersion to = version(versions, ctx.queryParam("to"), versions.getLast());
        return ListDiff.between(store, from, to);
    }

    /** The version with this number, the fallback when none is asked for, or NOT_FOUND naming the versions there are. */
    private static DatasetVersion version(List<DatasetVersion> versions, String number, DatasetVersion fallback) {
        if (number == null || number.isBlank()) {
            return fallback;
        }
        return versions.stream().filter(v -> String.valueOf(v.version()).equals(number.strip())).findFirst()
                .orElseThrow(() -> new ConvergenceException(ErrorCategory.NOT_FOUND, "no version " + number.strip() + " of "
                        + fallback.dataset() + "; its versions are " + versions.stream().map(v -> String.valueOf(v.version())).toList()));
    }

    /** The overview's heatmap as numbers: events and transfers per domain and year. */
    private void matrixCsv(Context ctx) {
        ConvergenceAnalytics.Matrix matrix = analytics.current().matrix(FlowFilter.ALL);
        List<List<String>> rows = new ArrayList<>();
        for (String domain : matrix.domains()) {
            for (int year : matrix.years()) {
                rows.add(List.of(domain, String.valueOf(year), String.valueOf(matrix.count(domain, year))));
            }
        }
        Pages.csv(ctx, "domain-year.csv", List.of("domain", "year", "events_and_transfers"), rows);
    }

    /** The overview's direction of flows per period. */
    private void flowsCsv(Context ctx) {
        List<List<String>> rows = analytics.current().flowsByPeriod(FlowFilter.ALL, ConvergenceAnalytics.PERIOD_STARTS).stream()
                .map(period -> List.of(period.period(), String.valueOf(period.ruToCn()), String.valueOf(period.cnToRu()), String.valueOf(period.joint())))
                .toList();
        Pages.csv(ctx, "flows.csv", List.of("period", "ru_to_cn", "cn_to_ru", "joint"), rows);
    }

    /** Every party of each period's co-operation network as a broker, those that broker most between China and Russia first. */
    private void networkBrokersCsv(Context ctx) {
        List<List<String>> rows = new ArrayList<>();
        for (ConvergenceAnalytics.PeriodNetwork period : analytics.networkByPeriod()) {
            for (CooperationNetwork.Broker broker : period.network().brokers()) {
                NetworkTables.BrokerRow row = NetworkTables.row(period.period(), broker);
                rows.add(List.of(row.period(), row.id(), row.name(), row.side(), row.chinaRussiaBetweenness(), row.betweenness(),
                        String.valueOf(row.degree()), String.valueOf(row.chineseNeighbours()), String.valueOf(row.russianNeighbours())));
            }
        }
        Pages.csv(ctx, "network-brokers.csv", List.of("period", "id", "party", "side", "cn_ru_betweenness", "betweenness", "degree", "chinese_ties",
                "russian_ties"), rows);
    }

    /** Every member of each period's communities, one row per member. */
    private void communitiesCsv(Context ctx) {
        List<List<String>> rows = new ArrayList<>();
        for (ConvergenceAnalytics.PeriodNetwork period : analytics.networkByPeriod()) {
            for (CooperationNetwork.Community community : period.network().communities()) {
                for (CooperationNetwork.Party member : community.members()) {
                    rows.add(List.of(period.period(), String.valueOf(community.number()), member.id(), member.name(), NetworkTables.side(member.side())));
                }
            }
        }
        Pages.csv(ctx, "communities.csv", List.of("period", "community", "id", "party", "side"), rows);
    }

    private void lists(Context ctx) {
        PAGES.render(ctx, "lists.jte", Map.of("lists", listRows()));
    }

    private void listsCsv(Context ctx) {
        List<List<String>> rows = listRows().stream()
                .map(row -> List.of(row.id(), row.title(), row.version(), row.dataDate(), row.entities(), row.lastUpdate())).toList();
        Pages.csv(ctx, "lists.csv", List.of("source", "title", "version", "data_date", "entities", "last_update"), rows);
    }

    private List<ListRow> listRows() {
        List<ListRow> rows = new ArrayList<>();
        for (ListSource source : ListSource.values()) {
            var latest = store.latestVersion(source.id());
            rows.add(new ListRow(source.id(), source.title(), latest.map(v -> String.valueOf(v.version())).orElse("-"),
                    latest.map(DatasetVersion::dataDate).filter(date -> date != null).orElse("-"),
                    latest.map(v -> String.valueOf(v.entityCount())).orElse("0"), latest.map(v -> UTC.format(v.importedAt())).orElse("never")));
        }
        return rows;
    }

    private static String styleSheet() {
        try (java.io.InputStream in = Workbench.class.getResourceAsStream("workbench.css")) {
            if (in == null) {
                throw new IllegalStateException("workbench.css is part of the build and missing from the class path");
            }
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Deletes the screening results kept for download. */
    @Override
    public void close() {
        downloads.close();
    }
}

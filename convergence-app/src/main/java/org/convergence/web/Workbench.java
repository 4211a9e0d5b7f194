package org.convergence.web;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.convergence.ConvergenceException;
import org.convergence.analytics.ConvergenceAnalytics;
import org.convergence.analytics.FlowFilter;
import org.convergence.api.ApiServer;
import org.convergence.lists.ListSource;
import org.convergence.screening.Screener;
import org.convergence.screening.audit.AuditLog;
import org.convergence.screening.audit.AuditedScreener;
import org.convergence.screening.audit.Decision;
import org.convergence.store.DatasetVersion;
import org.convergence.store.StatementStore;

/**
 * The analyst's workbench: server-rendered pages (templates compiled at build time by jte) under
 * {@code /workbench}, over the same store, screener and audit log as the API. Nothing is fetched from
 * outside: charts are SVG drawn by the server.
 */
public final class Workbench {
    /** The period starts of the flows table, as `analytics flows` uses them. */
    private static final List<Integer> PERIODS = List.of(1991, 2000, 2014, 2022);
    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);
    private static final int RESULTS = 5;
    private static final int SEARCH_RESULTS = 25;
    private static final double MIN_SCORE = 0.3;

    private final TemplateEngine templates = TemplateEngine.createPrecompiled(ContentType.Html);
    private final StatementStore store;
    private final Screener screener;
    private final AuditedScreener audited;
    private final AuditLog log;
    /** The analytics of the last overview, with the dataset versions it was read from: reading them costs seconds, a page must not. */
    private volatile CachedAnalytics analytics;

    private record CachedAnalytics(List<Long> versions, ConvergenceAnalytics analytics) {}

    private Workbench(StatementStore store, Screener screener, AuditedScreener audited, AuditLog log) {
        this.store = store;
        this.screener = screener;
        this.audited = audited;
        this.log = log;
    }

    /** Adds the workbench's pages to a server being configured. */
    public static void addTo(JavalinConfig config, StatementStore store, Screener screener, AuditedScreener audited, AuditLog log) {
        Workbench workbench = new Workbench(store, screener, audited, log);
        config.routes.get("/", ctx -> ctx.redirect("/workbench"));
        config.routes.get("/workbench", workbench::overview);
        config.routes.get("/workbench/lists", workbench::lists);
        config.routes.get("/workbench/lists.csv", workbench::listsCsv);
        config.routes.get("/workbench/lists/{source}/diff", workbench::diff);
        config.routes.get("/workbench/events", workbench::events);
        config.routes.get("/workbench/search", workbench::search);
        config.routes.get("/workbench/entities/{id}", workbench::entity);
        config.routes.get("/workbench/screen", ctx -> workbench.render(ctx, "screen.jte", Map.of("page", ScreenPage.empty())));
        config.routes.post("/workbench/screen", workbench::screen);
        config.routes.post("/workbench/screen/decision", workbench::decide);
    }

    /** True for the paths of the workbench, which are pages, not API endpoints. */
    public static boolean isPage(String path) {
        return path.equals("/") || path.startsWith("/workbench");
    }

    private void overview(Context ctx) {
        ConvergenceAnalytics analytics = analytics();
        OverviewPage page = new OverviewPage(Heatmap.of(analytics.matrix(FlowFilter.ALL)), analytics.flowsByPeriod(FlowFilter.ALL, PERIODS),
                listRows());
        render(ctx, "overview.jte", Map.of("page", page));
    }

    private void events(Context ctx) {
        Integer from = year(ctx.queryParam("from"));
        Integer to = year(ctx.queryParam("to"));
        String domain = blankToEmpty(ctx.queryParam("domain"));
        String party = blankToEmpty(ctx.queryParam("party"));
        ConvergenceAnalytics analytics = analytics();
        FlowFilter filter = new FlowFilter(from, to, domain.isEmpty() ? java.util.Set.of() : java.util.Set.of(domain), java.util.Set.of(),
                party.isEmpty() ? null : party);
        List<org.convergence.analytics.Flow> rows = analytics.flows(filter).stream()
                .sorted(java.util.Comparator.comparingInt(org.convergence.analytics.Flow::year).reversed()).toList();
        List<String> domains = List.copyOf(analytics.matrix(FlowFilter.ALL).domains());
        render(ctx, "events.jte", Map.of("page", new EventsPage(from == null ? "" : from.toString(), to == null ? "" : to.toString(), domain,
                party, domains, rows)));
    }

    /** One box over the parties of every list and dataset (by name, any script) and the events that name them. */
    private void search(Context ctx) {
        String query = blankToEmpty(ctx.queryParam("q"));
        if (query.isEmpty()) {
            render(ctx, "search.jte", Map.of("page", new SearchPage("", List.of(), Map.of(), List.of())));
            return;
        }
        List<SearchPage.Hit> hits;
        try {
            hits = screener.match(new Screener.Query("search", "LegalEntity", Map.of("name", List.of(query))), "all", SEARCH_RESULTS, 0)
                    .stream().map(result -> new SearchPage.Hit(result.entity().screened().id(), result.entity().screened().caption(),
                            result.entity().screened().schema().getName(), result.entity().screened().dataset(),
                            String.format("%.2f", result.score().score()))).toList();
        } catch (ConvergenceException e) {
            hits = List.of(); // a query of punctuation alone names no one
        }
        Map<String, Long> facets = new java.util.TreeMap<>();
        hits.forEach(hit -> {
            facets.merge(hit.schema(), 1L, Long::sum);
            facets.merge(hit.dataset(), 1L, Long::sum);
        });
        List<org.convergence.analytics.Flow> events = analytics().flows(new FlowFilter(null, null, java.util.Set.of(), java.util.Set.of(), query));
        render(ctx, "search.jte", Map.of("page", new SearchPage(query, hits, facets, events)));
    }

    /** A year from a form field, or null when blank or not a year (a filter left open). */
    private static Integer year(String text) {
        return text != null && text.strip().matches("\\d{4}") ? Integer.valueOf(text.strip()) : null;
    }

    private static String blankToEmpty(String text) {
        return text == null ? "" : text.strip();
    }

    /** An entity of the latest version of whichever dataset holds it, with every statement and what points at it. */
    private void entity(Context ctx) {
        String id = ctx.pathParam("id");
        for (DatasetVersion version : store.latestVersions()) {
            var found = store.fetchEntity(version, id);
            if (found.isPresent()) {
                var entity = found.get();
                List<EntityPage.Pointer> pointers = screener.current().references().to(id).stream()
                        .map(reference -> new EntityPage.Pointer(reference.entityId(),
                                reference.entityId() + " (" + reference.property().getQName() + ", " + reference.version().label() + ")"))
                        .toList();
                render(ctx, "entity.jte", Map.of("page", new EntityPage(id, entity.caption(), entity.schema().getLabel(), version.label(),
                        entity.statements(), pointers)));
                return;
            }
        }
        ctx.status(404);
        render(ctx, "entity.jte", Map.of("page", new EntityPage(id, "Not found", "-", "-", List.of(), List.of())));
    }

    private void diff(Context ctx) {
        String source = ctx.pathParam("source");
        List<DatasetVersion> versions = store.versions(source);
        if (versions.size() < 2) {
            render(ctx, "diff.jte", Map.of("page", new DiffPage(source, null, null, List.of(), List.of(), List.of(), source + " has "
                    + versions.size() + " version(s) in the store; importing another (convergence lists import or update) shows what changed.")));
            return;
        }
        DatasetVersion older = versions.get(versions.size() - 2);
        DatasetVersion newer = versions.getLast();
        var diff = org.convergence.lists.ListDiff.between(store, older, newer);
        render(ctx, "diff.jte", Map.of("page", new DiffPage(source, older.label(), newer.label(), diff.added(), diff.removed(), diff.changed(), null)));
    }

    /** The co-operation analytics, read again from the store only when the evidence or SIPRI dataset has a new version. */
    private ConvergenceAnalytics analytics() {
        List<Long> versions = store.latestVersions().stream()
                .filter(v -> v.dataset().equals(ConvergenceAnalytics.EVIDENCE_DATASET) || v.dataset().equals(ConvergenceAnalytics.SIPRI_DATASET))
                .map(DatasetVersion::id).sorted().toList();
        CachedAnalytics cached = analytics;
        if (cached == null || !cached.versions().equals(versions)) {
            cached = new CachedAnalytics(versions, ConvergenceAnalytics.fromStore(store));
            analytics = cached;
        }
        return cached.analytics();
    }

    private void lists(Context ctx) {
        render(ctx, "lists.jte", Map.of("lists", listRows()));
    }

    private void listsCsv(Context ctx) {
        StringBuilder csv = new StringBuilder("source,title,version,data_date,entities,last_update\n");
        for (ListRow row : listRows()) {
            csv.append(String.join(",", csvCell(row.id()), csvCell(row.title()), row.version(), row.dataDate(), row.entities(), row.lastUpdate()))
                    .append('\n');
        }
        ctx.contentType("text/csv; charset=utf-8").header("Content-Disposition", "attachment; filename=\"lists.csv\"").result(csv.toString());
    }

    private static String csvCell(String text) {
        return text.contains(",") || text.contains("\"") ? "\"" + text.replace("\"", "\"\"") + "\"" : text;
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

    private void screen(Context ctx) {
        String name = value(ctx, "name");
        String schema = ScreenPage.SCHEMATA.contains(value(ctx, "schema")) ? value(ctx, "schema") : "Person";
        String born = value(ctx, "birthDate");
        String country = value(ctx, "country").toLowerCase();
        Map<String, List<String>> properties = new LinkedHashMap<>();
        properties.put("name", List.of(name));
        if (!born.isEmpty()) {
            properties.put(schema.equals("Person") ? "birthDate" : "incorporationDate", List.of(born));
        }
        if (!country.isEmpty()) {
            properties.put(schema.equals("Person") ? "nationality" : "country", List.of(country));
        }
        ScreenPage page;
        try {
            AuditedScreener.Screening screening = audited.screen(new Screener.Query("workbench", schema, properties), "all", RESULTS, MIN_SCORE,
                    user(ctx), "workbench");
            List<ScreenPage.Result> results = screening.raised().stream().map(found -> {
                var entity = found.result().entity();
                var score = found.result().score();
                return new ScreenPage.Result(entity.screened().id(), entity.screened().caption(), entity.screened().schema().getName(),
                        entity.screened().dataset(), String.format("%.2f", score.score()), score.match(), score.features());
            }).toList();
            page = new ScreenPage(name, schema, ScreenPage.SCHEMATA, born, country, null, screening.requestId(), String.valueOf(MIN_SCORE),
                    results, null);
        } catch (ConvergenceException e) {
            page = new ScreenPage(name, schema, ScreenPage.SCHEMATA, born, country, e.getMessage(), null, null, List.of(), null);
        }
        render(ctx, "screen.jte", Map.of("page", page));
    }

    private void decide(Context ctx) {
        String message;
        try {
            long request = Long.parseLong(value(ctx, "request"));
            Decision decision = Decision.parse(value(ctx, "decision"));
            log.decide(request, value(ctx, "entity"), decision, user(ctx), value(ctx, "comment"));
            message = "Recorded: " + value(ctx, "entity") + " is a " + decision.label() + " for request " + request + ".";
        } catch (NumberFormatException e) {
            message = "Not recorded: the request number is missing.";
        } catch (ConvergenceException e) {
            message = "Not recorded: " + e.getMessage();
        }
        ScreenPage empty = ScreenPage.empty();
        render(ctx, "screen.jte", Map.of("page", new ScreenPage(empty.name(), empty.schema(), empty.schemata(), "", "", null, null, null,
                List.of(), message)));
    }

    private static String value(Context ctx, String field) {
        String value = ctx.formParam(field);
        return value == null ? "" : value.strip();
    }

    /** Who uses the workbench, for the audit log: the header a proxy sets, else "workbench". */
    private static String user(Context ctx) {
        String header = ctx.header(ApiServer.USER_HEADER);
        return header == null || header.isBlank() ? "workbench" : header.strip();
    }

    private void render(Context ctx, String template, Map<String, Object> parameters) {
        StringOutput output = new StringOutput();
        templates.render(template, parameters, output);
        ctx.contentType("text/html; charset=utf-8").result(output.toString());
    }
}

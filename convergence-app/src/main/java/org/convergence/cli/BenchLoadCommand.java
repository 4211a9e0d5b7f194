package org.convergence.cli;

import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.convergence.ConvergenceException;
import org.convergence.ErrorCategory;
import org.convergence.server.ConvergenceServer;
import org.convergence.model.ConvergenceModel;
import org.convergence.screening.Screener;
import org.convergence.store.StatementStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code convergence bench load}: many concurrent clients on {@code /match}, {@code /search} and the workbench's pages for a
 * bounded time, each sending its next request when the last is answered (after an optional think time). Queries are names of
 * the store's listed parties ({@link NameSample}). Reports, per route, the requests, the errors by status and the latency
 * percentiles; and the heap of the server when it runs in this process ({@link HeapSampler}). Any error fails the command,
 * so that it can gate a change.
 */
@Command(name = "load", mixinStandardHelpOptions = true,
        description = {"Load the server from concurrent clients (virtual threads) for a bounded time: POST /match/{scope}, "
                + "GET /search/{scope} and workbench pages (overview, events, search, an entity), in the proportions of --mix, with "
                + "names drawn from the store. Starts the server in this process on a free port over the store (or calls --url). "
                + "Prints per route the requests, errors by status, p50/p95/p99/max latency and requests/s, and the server's heap "
                + "when it runs in this process. Exits 6 when any request failed."})
final class BenchLoadCommand implements Callable<Integer> {
    private static final Pattern DURATION = Pattern.compile("(\\d+)(ms|s|m)");
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);
    /** How long the first request of each page may take: the exposure graph of every list takes minutes on a busy machine. */
    private static final Duration FIRST_REQUEST_TIMEOUT = Duration.ofMinutes(5);

    @ParentCommand
    BenchCommand parent;

    @Spec
    CommandSpec spec;

    @Option(names = "--clients", defaultValue = "200", description = "Concurrent clients (default: ${DEFAULT-VALUE}).")
    int clients;

    @Option(names = "--duration", defaultValue = "60s", description = "How long the timed load lasts: 500ms, 60s, 5m (default: ${DEFAULT-VALUE}).")
    String duration;

    @Option(names = "--warmup", defaultValue = "10s",
            description = "Untimed load first, for the JIT and each server thread's first query (default: ${DEFAULT-VALUE}).")
    String warmup;

    @Option(names = "--think", defaultValue = "0s",
            description = "A client's pause between an answer and its next request, on average (uniform from 0 to twice it); 0s keeps "
                    + "every client always waiting on the server (default: ${DEFAULT-VALUE}).")
    String think;

    @Option(names = "--mix", defaultValue = "match=60,search=30,pages=10",
            description = "The share of each route, as ROUTE=WEIGHT pairs (routes: match, search, pages) (default: ${DEFAULT-VALUE}).")
    String mix;

    @Option(names = "--scope", defaultValue = "all", description = "Scope of /match and /search (default: ${DEFAULT-VALUE}).")
    String scope;

    @Option(names = "--url", description = "A running server to call (e.g. http://127.0.0.1:8080); default: start one in this process.")
    URI url;

    @Option(names = "--api-key", paramLabel = "KEY", description = "Sent as 'Authorization: Bearer KEY' on every request.")
    String apiKey;

    @Option(names = "--seed", defaultValue = "42", description = "Seed of the clients' draws (default: ${DEFAULT-VALUE}).")
    long seed;

    @Override
    public Integer call() throws Exception {
        if (clients < 1) {
            throw new ConvergenceException(ErrorCategory.INVALID_INPUT, "--clients must be at least 1; got " + clients);
        }
        Duration timed = duration("--duration", duration);
        if (timed.isZero()) {
            throw new ConvergenceException(ErrorCategory.INVALID_INPUT, "--duration must be longer than 0; got '" + duration + "'");
        }
        LoadPlan plan = new LoadPlan(clients, duration("--warmup", warmup), timed, duration("--think", think), weights(mix));
        PrintWriter out = spec.commandLine().getOut();
        try (StatementStore store = parent.root.openStore()) {
            NameSample names = NameSample.of(store);
            if (url != null) {
                out.printf(Locale.ROOT, "target %s; %,d names sampled; %s%n", url, names.size(), plan);
                LoadPlan.Run run = run(out, plan, requests(URI.create(url.toString().replaceAll("/+$", "")), names), null);
                return report(out, run, "server memory: not measured (a server at --url exposes no memory figures)");
            }
            try (Screener screener = Screener.open(store);
                    ConvergenceServer server = ConvergenceServer.start(screener, store, ConvergenceModel.standard())) {
                out.printf(Locale.ROOT, "target %s (in this process, %,d entities indexed); %,d names sampled; %s%n", server.url(),
                        screener.current().size(), names.size(), plan);
                HeapSampler heap = new HeapSampler();
                LoadPlan.Run run = run(out, plan, requests(server.url(), names), heap);
                return report(out, run, heap.summary());
            }
        }
    }

    private LoadPlan.Run run(PrintWriter out, LoadPlan plan, LoadPlan.Requests requests, HeapSampler heap) throws InterruptedException {
        out.flush();
        long started = System.nanoTime();
        plan.prime(requests, seed, FIRST_REQUEST_TIMEOUT);
        out.printf(Locale.ROOT, "each page requested once in %.1f s (its first use); now the load%n", (System.nanoTime() - started) / 1e9);
        out.flush();
        return plan.run(requests, seed, heap);
    }

    /** Builds a client's i-th request on a route, drawing its query with the client's random. */
    private LoadPlan.Requests requests(URI base, NameSample names) {
        return (route, random, i) -> {
            HttpRequest.Builder request = route.request(base, scope, names.draw(random, i), i).timeout(REQUEST_TIMEOUT);
            if (apiKey != null) {
                request.header("Authorization", "Bearer " + apiKey);
            }
            return request.build();
        };
    }

    private int report(PrintWriter out, LoadPlan.Run run, String memory) {
        Table table = new Table("route", "requests", "errors", "errors_by_status", "p50_ms", "p95_ms", "p99_ms", "max_ms", "requests_per_s");
        LoadPlan.PathStats all = new LoadPlan.PathStats();
        for (Map.Entry<String, LoadPlan.PathStats> path : run.paths().entrySet()) {
            row(table, path.getKey(), path.getValue(), run.seconds());
            all.addAll(path.getValue());
        }
        row(table, "all", all, run.seconds());
        table.print(out, Table.Format.table);
        out.println(memory);
        out.flush();
        if (all.errorCount() > 0) {
            throw new ConvergenceException(ErrorCategory.UNAVAILABLE, "%,d of %,d requests failed (%s): the server did not answer every request with 200"
                    .formatted(all.errorCount(), all.latencies().count(), all.errors()));
        }
        return 0;
    }

    private static void row(Table table, String path, LoadPlan.PathStats stats, double seconds) {
        Latencies latencies = stats.latencies();
        table.row(path, latencies.count(), stats.errorCount(), stats.errors().isEmpty() ? "-" : stats.errors().toString().replace(" ", ""),
                Latencies.ms(latencies.percentile(0.50)), Latencies.ms(latencies.percentile(0.95)), Latencies.ms(latencies.percentile(0.99)),
                Latencies.ms(latencies.max()), String.format(Locale.ROOT, "%.1f", latencies.count() / seconds));
    }

    private static Duration duration(String option, String value) {
        Matcher matcher = DURATION.matcher(value.strip());
        if (!matcher.matches()) {
            throw new ConvergenceException(ErrorCategory.INVALID_INPUT, option + " takes a whole number with ms, s or m, e.g. 60s; got '" + value + "'");
        }
        long amount = Long.parseLong(matcher.group(1));
        return switch (matcher.group(2)) {
            case "ms" -> Duration.ofMillis(amount);
            case "s" -> Duration.ofSeconds(amount);
            default -> Duration.ofMinutes(amount);
        };
    }

    /** The weights of {@code --mix}, by route; a route not named gets none. */
    static Map<LoadPlan.Route, Integer> weights(String mix) {
        Map<LoadPlan.Route, Integer> weights = new EnumMap<>(LoadPlan.Route.class);
        String expected = "--mix takes ROUTE=WEIGHT pairs separated by commas, ROUTE one of match, search, pages and WEIGHT a whole number, "
                + "e.g. match=60,search=30,pages=10; got '" + mix + "'";
        for (String pair : mix.split(",")) {
            String[] parts = pair.strip().split("=", -1);
            LoadPlan.Route route;
            try {
                route = LoadPlan.Route.valueOf(parts[0].strip());
            } catch (IllegalArgumentException e) {
                throw new ConvergenceException(ErrorCategory.INVALID_INPUT, expected);
            }
            if (parts.length != 2 || !parts[1].strip().matches("\\d{1,6}") || weights.containsKey(route)) {
                throw new ConvergenceException(ErrorCategory.INVALID_INPUT, expected);
            }
            weights.put(route, Integer.parseInt(parts[1].strip()));
        }
        if (weights.values().stream().mapToInt(Integer::intValue).sum() == 0) {
            throw new ConvergenceException(ErrorCategory.INVALID_INPUT, "--mix gives every route a weight of 0: give one a weight, e.g. match=1");
        }
        return weights;
    }
}

package org.convergence.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
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
 * {@code convergence bench match}: the latency and throughput of {@code POST /match}. Queries are
 * names of the store's listed parties ({@link NameSample}), one query per request, sent by concurrent clients.
 */
@Command(name = "match", mixinStandardHelpOptions = true,
        description = "Time POST /match/{scope} requests built from names in the store: starts the API in this process on a free port "
                + "(or calls --url), sends warm-up then timed requests from concurrent clients, prints p50/p95/p99 latency and queries/s.")
final class BenchMatchCommand implements Callable<Integer> {
    @ParentCommand
    BenchCommand parent;

    @Spec
    CommandSpec spec;

    @Option(names = "--queries", defaultValue = "5000", description = "Timed requests (default: ${DEFAULT-VALUE}).")
    int queries;

    @Option(names = "--clients", defaultValue = "4", description = "Concurrent clients (default: ${DEFAULT-VALUE}).")
    int clients;

    @Option(names = "--warmup", defaultValue = "1000", description = "Untimed requests first (default: ${DEFAULT-VALUE}).")
    int warmup;

    @Option(names = "--scope", defaultValue = "all", description = "Scope to match in (default: ${DEFAULT-VALUE}).")
    String scope;

    @Option(names = "--url", description = "A running server to call (e.g. http://127.0.0.1:8080); default: start one in this process.")
    URI url;

    @Option(names = "--seed", defaultValue = "42", description = "Seed of the name sample (default: ${DEFAULT-VALUE}).")
    long seed;

    private record Run(Latencies latencies, int failures, long wallNanos) {}

    @Override
    public Integer call() throws Exception {
        if (queries < 1 || clients < 1 || warmup < 0) {
            throw new ConvergenceException(ErrorCategory.INVALID_INPUT, "--queries and --clients must be at least 1 and --warmup at least 0");
        }
        var out = spec.commandLine().getOut();
        try (StatementStore store = parent.root.openStore()) {
            NameSample names = NameSample.of(store);
            List<String> bodies = bodies(names, warmup + queries);
            if (url != null) {
                report(out, url, url.toString(), names.size(), bodies);
                return 0;
            }
            try (Screener screener = Screener.open(store);
                    ConvergenceServer server = ConvergenceServer.start(screener, store, ConvergenceModel.standard())) {
                report(out, server.url(), server.url() + " (in this process, " + screener.current().size() + " entities indexed)", names.size(),
                        bodies);
            }
        }
        return 0;
    }

    private void report(PrintWriter out, URI base, String target, int names, List<String> bodies) throws InterruptedException {
        URI endpoint = URI.create(base.toString().replaceAll("/+$", "") + "/match/" + URLEncoder.encode(scope, StandardCharsets.UTF_8) + "?limit=5");
        out.printf("target %s; %,d names sampled; %,d warm-up and %,d timed requests from %d clients%n", target, names, warmup, queries, clients);
        out.flush();
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).build();
        send(client, endpoint, bodies.subList(0, warmup));
        Run run = send(client, endpoint, bodies.subList(warmup, bodies.size()));
        Latencies latencies = run.latencies();
        Table table = new Table("queries", "clients", "p50_ms", "p95_ms", "p99_ms", "max_ms", "queries_per_s", "failed");
        table.row(String.valueOf(queries), String.valueOf(clients), Latencies.ms(latencies.percentile(0.50)), Latencies.ms(latencies.percentile(0.95)),
                Latencies.ms(latencies.percentile(0.99)), Latencies.ms(latencies.max()), String.format("%.0f", queries / (run.wallNanos() / 1e9)),
                String.valueOf(run.failures()));
        table.print(out, Table.Format.table);
    }

    /** Sends every body once, spread over the clients; a request that fails or answers other than 200 counts as failed. */
    private Run send(HttpClient client, URI endpoint, List<String> bodies) throws InterruptedException {
        AtomicInteger next = new AtomicInteger();
        AtomicInteger failures = new AtomicInteger();
        List<Thread> threads = new ArrayList<>();
        List<Latencies> perClient = new ArrayList<>();
        long start = System.nanoTime();
        for (int c = 0; c < clients; c++) {
            Latencies latencies = new Latencies();
            perClient.add(latencies);
            threads.add(Thread.ofPlatform().name("bench-client-" + c).start(() -> {
                for (int i = next.getAndIncrement(); i < bodies.size(); i = next.getAndIncrement()) {
                    HttpRequest request = HttpRequest.newBuilder(endpoint).timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(bodies.get(i))).build();
                    long begin = System.nanoTime();
                    try {
                        HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
                        if (response.statusCode() != 200) {
                            failures.incrementAndGet();
                        }
                    } catch (IOException e) {
                        failures.incrementAndGet();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                    latencies.record(System.nanoTime() - begin);
                }
            }));
        }
        for (Thread thread : threads) {
            thread.join();
        }
        Latencies all = new Latencies();
        perClient.forEach(all::addAll);
        return new Run(all, failures.get(), System.nanoTime() - start);
    }

    private List<String> bodies(NameSample names, int count) {
        Random random = new Random(seed);
        List<String> bodies = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            bodies.add(names.draw(random, i).matchBody());
        }
        return bodies;
    }
}

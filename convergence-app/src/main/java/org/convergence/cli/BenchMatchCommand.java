package org.convergence.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
import org.convergence.ConvergenceException;
import org.convergence.ErrorCategory;
import org.convergence.server.ConvergenceServer;
import org.convergence.model.ConvergenceModel;
import org.convergence.screening.ScreenedEntity;
import org.convergence.screening.Scope;
import org.convergence.screening.Screener;
import org.convergence.store.DatasetVersion;
import org.convergence.store.StatementStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code convergence bench match}: the latency and throughput of {@code POST /match}. Queries are
 * names of the store's listed parties, a third as listed, a third with two letters swapped and a
 * third with their words reversed, one query per request, sent by concurrent clients.
 */
@Command(name = "match", mixinStandardHelpOptions = true,
        description = "Time POST /match/{scope} requests built from names in the store: starts the API in this process on a free port "
                + "(or calls --url), sends warm-up then timed requests from concurrent clients, prints p50/p95/p99 latency and queries/s.")
final class BenchMatchCommand implements Callable<Integer> {
    private static final ObjectMapper JSON = new ObjectMapper();

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

    private record Run(long[] nanos, int failures, long wallNanos) {}

    @Override
    public Integer call() throws Exception {
        if (queries < 1 || clients < 1 || warmup < 0) {
            throw new ConvergenceException(ErrorCategory.INVALID_INPUT, "--queries and --clients must be at least 1 and --warmup at least 0");
        }
        var out = spec.commandLine().getOut();
        try (StatementStore store = parent.root.openStore()) {
            List<String[]> names = names(store);
            if (names.isEmpty()) {
                throw new ConvergenceException(ErrorCategory.NOT_FOUND, "the store has no listed names to query: import a list first, e.g. "
                        + "`convergence lists import ca-sema FILE`");
            }
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
        long[] sorted = run.nanos().clone();
        Arrays.sort(sorted);
        Table table = new Table("queries", "clients", "p50_ms", "p95_ms", "p99_ms", "max_ms", "queries_per_s", "failed");
        table.row(String.valueOf(queries), String.valueOf(clients), ms(percentile(sorted, 0.50)), ms(percentile(sorted, 0.95)),
                ms(percentile(sorted, 0.99)), ms(sorted[sorted.length - 1]), String.format("%.0f", queries / (run.wallNanos() / 1e9)),
                String.valueOf(run.failures()));
        table.print(out, Table.Format.table);
    }

    /** Sends every body once, spread over the clients; a request that fails or answers other than 200 counts as failed. */
    private Run send(HttpClient client, URI endpoint, List<String> bodies) throws InterruptedException {
        long[] nanos = new long[bodies.size()];
        AtomicInteger next = new AtomicInteger();
        AtomicInteger failures = new AtomicInteger();
        List<Thread> threads = new ArrayList<>();
        long start = System.nanoTime();
        for (int c = 0; c < clients; c++) {
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
                    nanos[i] = System.nanoTime() - begin;
                }
            }));
        }
        for (Thread thread : threads) {
            thread.join();
        }
        return new Run(nanos, failures.get(), System.nanoTime() - start);
    }

    /** Schema and name of every listed party with a name, in store order. */
    private static List<String[]> names(StatementStore store) {
        List<String[]> names = new ArrayList<>();
        for (DatasetVersion version : store.latestVersions()) {
            store.forEachEntity(version, entity -> {
                String name = entity.first("name");
                if (name != null && ScreenedEntity.isScreenable(entity.schema())) {
                    names.add(new String[] {entity.schema().getName(), name});
                }
            });
        }
        return names;
    }

    private List<String> bodies(List<String[]> names, int count) {
        Random random = new Random(seed);
        List<String> bodies = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String[] picked = names.get(random.nextInt(names.size()));
            String name = switch (i % 3) {
                case 0 -> picked[1];
                case 1 -> swapTwoLetters(picked[1], random);
                default -> reverseWords(picked[1]);
            };
            ObjectNode body = JSON.createObjectNode();
            ObjectNode query = body.putObject("queries").putObject("q");
            query.put("schema", picked[0]);
            query.putObject("properties").putArray("name").add(name);
            bodies.add(body.toString());
        }
        return bodies;
    }

    private static String swapTwoLetters(String name, Random random) {
        if (name.length() < 4) {
            return name;
        }
        int at = 1 + random.nextInt(name.length() - 2);
        char[] chars = name.toCharArray();
        char c = chars[at];
        chars[at] = chars[at + 1];
        chars[at + 1] = c;
        return new String(chars);
    }

    private static String reverseWords(String name) {
        List<String> words = new ArrayList<>(List.of(name.strip().split("\\s+")));
        Collections.reverse(words);
        return String.join(" ", words);
    }

    private static long percentile(long[] sorted, double fraction) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(fraction * sorted.length) - 1)];
    }

    private static String ms(long nanos) {
        return String.format("%.1f", nanos / 1e6);
    }
}

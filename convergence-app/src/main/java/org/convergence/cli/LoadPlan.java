package org.convergence.cli;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Collectors;

/**
 * A load of {@code bench load}: clients, each a virtual thread with one request outstanding at a time, sending requests on the
 * routes in proportion to their weights, first for the warm-up (not recorded), then for the timed duration. A request counts
 * in the timed part if it starts in it; the part lasts until the last such request is answered. Immutable; {@link #run} may be called again.
 *
 * @param clients the concurrent clients
 * @param warmup how long the load runs before it is timed
 * @param duration how long the timed load lasts
 * @param think a client's mean pause between an answer and its next request (uniform from 0 to twice it)
 * @param weights each route's share of the requests
 */
record LoadPlan(int clients, Duration warmup, Duration duration, Duration think, Map<Route, Integer> weights) {
    /** What the clients request; {@link #pages} go round the overview, the events, a search and an entity. */
    enum Route {
        match("/match/{scope}"), search("/search/{scope}"),
        pages("/workbench", "/workbench/events", "/workbench/search", "/workbench/entities/{id}");

        private final List<String> paths;

        Route(String... paths) {
            this.paths = List.of(paths);
        }

        /** The paths this route requests, as templates: what the report shows a row for. */
        List<String> paths() {
            return paths;
        }

        /** The template of the i-th request of a client on this route. */
        String path(long i) {
            return paths.get((int) (i % paths.size()));
        }

        /** The i-th request of a client on this route, for the query drawn. */
        HttpRequest.Builder request(URI base, String scope, NameSample.Query query, long i) {
            String path = path(i);
            return switch (path) {
                case "/match/{scope}" -> HttpRequest.newBuilder(base.resolve("/match/" + encode(scope) + "?limit=5"))
                        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(query.matchBody()));
                case "/search/{scope}" -> HttpRequest.newBuilder(base.resolve("/search/" + encode(scope) + "?limit=5&q=" + encode(query.name())));
                case "/workbench/search" -> HttpRequest.newBuilder(base.resolve(path + "?q=" + encode(query.name())));
                case "/workbench/entities/{id}" -> HttpRequest.newBuilder(base.resolve("/workbench/entities/" + encode(query.id())));
                default -> HttpRequest.newBuilder(base.resolve(path));
            };
        }

        private static String encode(String value) {
            return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
        }
    }

    /** Builds a client's i-th request on a route, drawing what it asks with the client's random. */
    interface Requests {
        HttpRequest build(Route route, Random random, long i);
    }

    /** What the clients saw on one path: latencies and errors by status. Not thread-safe: one per client, merged after. */
    record PathStats(Latencies latencies, Map<String, Integer> errors) {
        PathStats() {
            this(new Latencies(), new TreeMap<>());
        }

        void record(long nanos, String error) {
            latencies.record(nanos);
            if (error != null) {
                errors.merge(error, 1, Integer::sum);
            }
        }

        void addAll(PathStats other) {
            latencies.addAll(other.latencies);
            other.errors.forEach((status, count) -> errors.merge(status, count, Integer::sum));
        }

        int errorCount() {
            return errors.values().stream().mapToInt(Integer::intValue).sum();
        }
    }

    /** The timed part of a load: what each path requested saw (by template, in the order of the routes), over how many seconds. */
    record Run(Map<String, PathStats> paths, double seconds) {}

    LoadPlan {
        weights = new EnumMap<>(weights);
        weights.values().removeIf(weight -> weight == 0);
        if (clients < 1 || weights.isEmpty()) {
            throw new IllegalArgumentException("a load needs a client and a route with a weight, got " + clients + " clients and " + weights);
        }
    }

    /**
     * Requests each path once, one at a time, each answer awaited up to {@code timeout}: the pages read what they show on
     * first use (the overview its co-operation flows, an entity its exposure graph), which the load should not time.
     * What they answer is not counted.
     */
    void prime(Requests requests, long seed, Duration timeout) throws InterruptedException {
        HttpClient client = client();
        Random random = new Random(seed);
        for (Route route : weights.keySet()) {
            for (int i = 0; i < route.paths().size(); i++) {
                send(client, HttpRequest.newBuilder(requests.build(route, random, i), (name, value) -> true).timeout(timeout).build());
            }
        }
    }

    /**
     * Runs the load: starts the clients, waits out the warm-up, marks the timed part's start (after {@code heap}, when not
     * null, has taken its first measure), and returns once every client has had its last answer.
     */
    Run run(Requests requests, long seed, HeapSampler heap) throws InterruptedException {
        HttpClient client = client();
        Window window = new Window();
        List<Map<String, PathStats>> perClient = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        CountDownLatch started = new CountDownLatch(clients);
        for (int c = 0; c < clients; c++) {
            Map<String, PathStats> stats = emptyStats();
            perClient.add(stats);
            Random random = new Random(seed + c);
            threads.add(Thread.ofVirtual().name("load-client-" + c).start(() -> {
                started.countDown();
                runClient(client, requests, random, window, stats);
            }));
        }
        started.await();
        Thread.sleep(warmup);
        if (heap != null) {
            heap.start();
        }
        window.open(duration);
        for (Thread thread : threads) {
            thread.join();
        }
        double seconds = (System.nanoTime() - window.start) / 1e9;
        if (heap != null) {
            heap.stop();
        }
        Map<String, PathStats> merged = emptyStats();
        perClient.forEach(stats -> stats.forEach((path, pathStats) -> merged.get(path).addAll(pathStats)));
        return new Run(merged, seconds);
    }

    private Map<String, PathStats> emptyStats() {
        Map<String, PathStats> stats = new LinkedHashMap<>();
        weights.keySet().forEach(route -> route.paths().forEach(path -> stats.put(path, new PathStats())));
        return stats;
    }

    private void runClient(HttpClient client, Requests requests, Random random, Window window, Map<String, PathStats> stats) {
        int total = weights.values().stream().mapToInt(Integer::intValue).sum();
        for (long i = 0; !window.over(System.nanoTime()); i++) {
            Route route = pick(random.nextInt(total));
            HttpRequest request = requests.build(route, random, i);
            long begin = System.nanoTime();
            try {
                String error = send(client, request);
                if (window.timed(begin)) {
                    stats.get(route.path(i)).record(System.nanoTime() - begin, error);
                }
                if (think.isPositive()) {
                    Thread.sleep(window.untilOver(System.nanoTime(), (long) (random.nextDouble() * 2 * think.toNanos())));
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private static HttpClient client() {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).build();
    }

    private Route pick(int draw) {
        for (Map.Entry<Route, Integer> weight : weights.entrySet()) {
            draw -= weight.getValue();
            if (draw < 0) {
                return weight.getKey();
            }
        }
        throw new IllegalStateException("a draw beyond the weights' sum: " + weights);
    }

    /** The outcome of one request: {@code null} for a 200, else its status, or what failed when there was none. */
    private static String send(HttpClient client, HttpRequest request) throws InterruptedException {
        try {
            int status = client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            return status == 200 ? null : String.valueOf(status);
        } catch (HttpTimeoutException e) {
            return "timeout";
        } catch (IOException e) {
            return "connection";
        }
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%d clients for %.1f s after %.1f s of warm-up, think time %d ms, mix %s", clients,
                duration.toMillis() / 1e3, warmup.toMillis() / 1e3, think.toMillis(), weights.entrySet().stream().map(weight -> weight.getKey() + "=" + weight.getValue())
                        .collect(Collectors.joining(",")));
    }

    /** The timed part: unset (the warm-up) until opened, then from its start for the duration. Thread-safe. */
    private static final class Window {
        private volatile boolean open;
        private volatile long start;
        private volatile long end;

        void open(Duration duration) {
            start = System.nanoTime();
            end = start + duration.toNanos();
            open = true;
        }

        boolean timed(long nanos) {
            return open && nanos - start >= 0;
        }

        boolean over(long nanos) {
            return open && nanos - end >= 0;
        }

        /** A pause of {@code pause} nanoseconds from {@code now}, cut at the end of the timed part: no client idles past it. */
        Duration untilOver(long now, long pause) {
            return Duration.ofNanos(open ? Math.max(0, Math.min(pause, end - now)) : pause);
        }
    }
}

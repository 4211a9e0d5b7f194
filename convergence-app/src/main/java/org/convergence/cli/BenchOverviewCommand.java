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
import java.util.List;
import java.util.Locale;
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
 * {@code convergence bench overview}: the server time of the workbench's pages over the store, as the
 * pages report it in their {@code Server-Timing} header (the time from the request's arrival to the
 * page rendered, without the network). The first request of each page is reported apart from the rest:
 * right after the server starts, the overview waits for the co-operation flows to be read.
 */
@Command(name = "overview", mixinStandardHelpOptions = true,
        description = {"Time the workbench's pages over the store: starts the server in this process on a free port, then requests "
                + "the overview, the events page and a search, one after another, each --requests times, and prints the server time "
                + "(Server-Timing) of the first request and p50/p95/max of the others, in ms."})
final class BenchOverviewCommand implements Callable<Integer> {
    private static final Pattern SERVER_TIME = Pattern.compile("app;dur=([0-9.]+)");

    @ParentCommand
    BenchCommand parent;

    @Spec
    CommandSpec spec;

    @Option(names = "--requests", defaultValue = "50", description = "Requests per page, the first included (default: ${DEFAULT-VALUE}).")
    int requests;

    @Option(names = "--query", defaultValue = "Rosoboronexport", description = "The search page's query (default: ${DEFAULT-VALUE}).")
    String query;

    @Override
    public Integer call() throws Exception {
        if (requests < 2) {
            throw new ConvergenceException(ErrorCategory.INVALID_INPUT, "--requests must be at least 2 (the first, and the warm ones); got "
                    + requests);
        }
        PrintWriter out = spec.commandLine().getOut();
        List<String> pages = List.of("/workbench", "/workbench/events", "/workbench/search?q=" + URLEncoder.encode(query, StandardCharsets.UTF_8));
        try (StatementStore store = parent.root.openStore()) {
            long started = System.nanoTime();
            try (Screener screener = Screener.open(store);
                    ConvergenceServer server = ConvergenceServer.start(screener, store, ConvergenceModel.standard())) {
                out.printf(Locale.ROOT, "store %s; %,d entities indexed from %d datasets; server started in %.1f s; %d requests per page, "
                        + "one at a time%n", store.location(), screener.current().size(), screener.current().versions().size(),
                        (System.nanoTime() - started) / 1e9, requests);
                out.flush();
                HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).build();
                Table table = new Table("page", "first_ms", "p50_ms", "p95_ms", "max_ms", "kilobytes");
                for (String page : pages) {
                    long first = 0;
                    Latencies warm = new Latencies();
                    int size = 0;
                    for (int i = 0; i < requests; i++) {
                        HttpResponse<String> response = send(client, server.url().resolve(page));
                        long serverNanos = serverNanos(response, page);
                        if (i == 0) {
                            first = serverNanos;
                        } else {
                            warm.record(serverNanos);
                        }
                        size = response.body().getBytes(StandardCharsets.UTF_8).length;
                    }
                    table.row(page, Latencies.ms(first), Latencies.ms(warm.percentile(0.50)), Latencies.ms(warm.percentile(0.95)),
                            Latencies.ms(warm.max()), String.valueOf(size / 1024));
                }
                table.print(out, Table.Format.table);
            }
        }
        return 0;
    }

    private static HttpResponse<String> send(HttpClient client, URI uri) throws IOException, InterruptedException {
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(uri).timeout(Duration.ofMinutes(2)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new ConvergenceException(ErrorCategory.INTERNAL, uri + " answered " + response.statusCode() + ": "
                    + response.body().lines().limit(3).toList());
        }
        return response;
    }

    /** The server's time for the request, from its {@code Server-Timing} header (milliseconds), in nanoseconds. */
    private static long serverNanos(HttpResponse<String> response, String page) {
        Matcher matcher = SERVER_TIME.matcher(response.headers().firstValue("Server-Timing").orElse(""));
        if (!matcher.find()) {
            throw new ConvergenceException(ErrorCategory.INTERNAL, page + " answered without a Server-Timing header");
        }
        return Math.round(Double.parseDouble(matcher.group(1)) * 1e6);
    }
}

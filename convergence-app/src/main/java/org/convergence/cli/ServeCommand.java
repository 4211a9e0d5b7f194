package org.convergence.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.convergence.ConvergenceException;
import org.convergence.ErrorCategory;
import org.convergence.api.ApiServer;
import org.convergence.model.ConvergenceModel;
import org.convergence.screening.Screener;
import org.convergence.store.StatementStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code convergence serve}: the screening HTTP API over the configured store, until Ctrl-C. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Serve the screening API over the store: POST /match/{scope} and GET /search/{scope} (yente's shapes), "
                + "GET /entities/{id}, GET /entities/{id}/paths (exposure), the OpenRefine reconciliation service at /reconcile/{scope}, /openapi.json and /healthz. "
                + "A scope is a dataset name or 'all'. Ctrl-C stops the server."})
final class ServeCommand implements Callable<Integer> {
    @ParentCommand
    ConvergenceCommand root;

    @Spec
    CommandSpec spec;

    @Option(names = "--port", defaultValue = "8080", description = "TCP port (default: ${DEFAULT-VALUE}; 0 picks a free one).")
    int port;

    @Option(names = "--host", defaultValue = "127.0.0.1",
            description = "Address to listen on (default: ${DEFAULT-VALUE}, this machine only; 0.0.0.0 for every interface).")
    String host;

    @Option(names = "--allowed-host", paramLabel = "NAME",
            description = "A host name the server is reached by, besides localhost and IP addresses (repeatable): the name of a proxy "
                    + "in front of it. Requests naming any other host are refused, so that a web page cannot reach the server through "
                    + "a name it controls (DNS rebinding).")
    List<String> allowedHosts = new ArrayList<>();

    @Override
    public Integer call() throws InterruptedException {
        if (port < 0 || port > 65_535) {
            throw new ConvergenceException(ErrorCategory.INVALID_INPUT, "--port must be from 0 to 65535; got " + port);
        }
        var out = spec.commandLine().getOut();
        StatementStore store = root.openStoreForServing();
        Screener screener = Screener.open(store);
        ApiServer server;
        try {
            server = ApiServer.start(screener, store, ConvergenceModel.standard(), host, port, allowedHosts);
        } catch (ConvergenceException e) {
            screener.close();
            store.close();
            throw e;
        } catch (RuntimeException e) {
            screener.close();
            store.close();
            throw new ConvergenceException(ErrorCategory.UNAVAILABLE, "cannot listen on " + host + ":" + port + ": " + e.getMessage(), e);
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            screener.close();
            store.close();
            stopped.countDown();
        }, "convergence-serve-shutdown"));
        int indexed = screener.current().size();
        out.printf("Convergence on %s (store %s; %,d entities indexed from %d datasets)%n", server.url(), store.location(),
                indexed, screener.current().versions().size());
        out.printf("Workbench: open %s/workbench in a browser%n", server.url());
        out.printf("Screening API: curl '%s/search/all?q=Rosoboronexport'   Endpoints: %s/openapi.json   Ctrl-C stops.%n", server.url(), server.url());
        out.flush();
        stopped.await();
        return 0;
    }
}

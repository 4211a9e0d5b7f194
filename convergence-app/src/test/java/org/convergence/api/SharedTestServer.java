package org.convergence.api;

import org.convergence.server.ConvergenceServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.function.BiConsumer;
import java.util.stream.Stream;
import org.convergence.model.ConvergenceModel;
import org.convergence.screening.Screener;
import org.convergence.store.H2StatementStore;
import org.convergence.store.StatementStore;

/**
 * A server on a random port over a temporary H2 store that a test class loads once; it is closed, and
 * the store deleted, when the JVM exits, so that the test classes that only read can share it.
 *
 * @param store the store behind the server, for tests that read what it recorded (the audit log)
 */
public record SharedTestServer(StatementStore store, ConvergenceServer server) {

    /** Creates the store in a temporary folder named after {@code name}, loads it, then starts the server on it. */
    public static SharedTestServer start(String name, BiConsumer<StatementStore, ConvergenceModel> load) {
        try {
            Path folder = Files.createTempDirectory(name);
            ConvergenceModel model = ConvergenceModel.standard();
            StatementStore store = new H2StatementStore(folder, model);
            load.accept(store, model);
            Screener screener = Screener.open(store);
            ConvergenceServer server = ConvergenceServer.start(screener, store, model);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                server.close();
                screener.close();
                store.close();
                delete(folder);
            }));
            return new SharedTestServer(store, server);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void delete(Path folder) {
        try (Stream<Path> paths = Files.walk(folder)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // a temporary folder: the system cleans it up in the end
        }
    }
}

package org.convergence.graph;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.convergence.ConvergenceException;
import org.convergence.ErrorCategory;
import org.convergence.store.LatestVersionsCache;
import org.convergence.store.StatementStore;

/**
 * The exposure graph of a store, as a server shares it: its first build runs on a background thread,
 * since it takes from a second to most of a minute (docs/BENCHMARKS.md) and neither the server's start
 * nor the requests that need no graph should wait for it; after that it follows the store ({@link
 * ExposureGraph#following}). A build that fails is started again by the next caller. Thread-safe.
 */
public final class BackgroundExposureGraph {
    private final Supplier<LatestVersionsCache<ExposureGraph>> build;
    private final AtomicReference<CompletableFuture<LatestVersionsCache<ExposureGraph>>> building = new AtomicReference<>();

    BackgroundExposureGraph(Supplier<LatestVersionsCache<ExposureGraph>> build) {
        this.build = requireNonNull(build, "build is null");
    }

    /** Starts building the graph of the store's latest versions on a background thread, and returns at once. */
    public static BackgroundExposureGraph start(StatementStore store) {
        requireNonNull(store, "store is null");
        BackgroundExposureGraph graph = new BackgroundExposureGraph(() -> ExposureGraph.following(store));
        graph.building();
        return graph;
    }

    /**
     * The graph of the store's latest versions, waiting at most {@code wait} for its first build.
     *
     * @throws ConvergenceException UNAVAILABLE when the graph is still being built after {@code wait};
     *     the category of the failure when the build failed on the store (the next call builds again)
     * @throws IllegalStateException when the build failed otherwise, with the failure as its cause
     */
    public ExposureGraph current(Duration wait) {
        CompletableFuture<LatestVersionsCache<ExposureGraph>> future = building();
        try {
            return future.get(wait.toNanos(), TimeUnit.NANOSECONDS).current();
        } catch (TimeoutException e) {
            throw new ConvergenceException(ErrorCategory.UNAVAILABLE, "the exposure graph is being built from the store (from a second to a "
                    + "minute, by the store's size); retry in a few seconds");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ConvergenceException(ErrorCategory.UNAVAILABLE, "interrupted while waiting for the exposure graph; retry", e);
        } catch (ExecutionException e) {
            building.compareAndSet(future, null);
            Throwable cause = e.getCause();
            if (cause instanceof ConvergenceException failure) {
                throw new ConvergenceException(failure.category(), "building the exposure graph failed: " + failure.getMessage()
                        + "; the next request builds it again", failure);
            }
            throw new IllegalStateException("building the exposure graph failed; the next request builds it again", cause);
        }
    }

    /** The build under way or done, or a new one started on a thread of its own when there is none. */
    private CompletableFuture<LatestVersionsCache<ExposureGraph>> building() {
        while (true) {
            CompletableFuture<LatestVersionsCache<ExposureGraph>> existing = building.get();
            if (existing != null) {
                return existing;
            }
            CompletableFuture<LatestVersionsCache<ExposureGraph>> fresh = new CompletableFuture<>();
            if (building.compareAndSet(null, fresh)) {
                Thread.ofPlatform().daemon().name("exposure-graph-build").start(() -> {
                    try {
                        fresh.complete(build.get());
                    } catch (RuntimeException | Error e) {
                        // handed to the callers, who report it (and a server logs it); the next caller builds again
                        fresh.completeExceptionally(e);
                    }
                });
                return fresh;
            }
        }
    }
}

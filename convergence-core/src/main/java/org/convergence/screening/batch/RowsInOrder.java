package org.convergence.screening.batch;

import java.util.ArrayDeque;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Function;
import org.convergence.ConvergenceException;
import org.convergence.ErrorCategory;
import org.convergence.ingest.ImportProgress;

/**
 * The rows of an input worked on several threads and handed on in input order, with at most
 * {@link #WINDOW} rows in flight, so that memory holds a bounded number of rows whatever the file's
 * size. Batch screening and the exposure check both run their rows through it.
 */
public final class RowsInOrder {
    /** Rows read ahead of the one being handed on: enough to keep the threads busy. */
    static final int WINDOW = 256;
    private static final int PROGRESS_INTERVAL = 250;

    private RowsInOrder() {}

    /**
     * Works every row of the input and hands each outcome on, in input order, on the calling thread.
     * When the input turns out malformed part-way, the rows before it are handed on before its error
     * is thrown.
     *
     * @param threads rows worked at once
     * @param name the worker threads' name ("screen", "exposure")
     * @param work a row's work, run on a worker thread; its runtime exceptions end the run
     * @param handOn receives each outcome in input order
     * @return the number of rows read
     */
    public static <T> long run(BatchInput input, int threads, String name, Function<BatchRow, T> work, Consumer<T> handOn, ImportProgress progress) {
        AtomicInteger thread = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads, task -> Thread.ofPlatform().daemon().name(name + "-" + thread.incrementAndGet())
                .unstarted(task));
        ArrayDeque<Future<T>> window = new ArrayDeque<>();
        long read = 0;
        try {
            while (true) {
                BatchRow row;
                try {
                    row = input.next();
                } catch (RuntimeException e) {
                    drain(window, handOn);
                    throw e;
                }
                if (row == null) {
                    break;
                }
                window.add(pool.submit(() -> work.apply(row)));
                if (window.size() >= WINDOW) {
                    handOn.accept(get(window.poll()));
                }
                if (++read % PROGRESS_INTERVAL == 0) {
                    progress.update(read, input.position(), input.size());
                }
            }
            drain(window, handOn);
            progress.update(read, input.position(), input.size());
        } finally {
            pool.shutdownNow();
        }
        return read;
    }

    private static <T> void drain(ArrayDeque<Future<T>> window, Consumer<T> handOn) {
        while (!window.isEmpty()) {
            handOn.accept(get(window.poll()));
        }
    }

    private static <T> T get(Future<T> pending) {
        try {
            return pending.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ConvergenceException(ErrorCategory.INTERNAL, "the run was interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw new ConvergenceException(ErrorCategory.INTERNAL, "a row failed: " + e.getCause(), e.getCause());
        }
    }
}

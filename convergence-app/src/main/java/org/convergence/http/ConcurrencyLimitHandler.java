package org.convergence.http;

import java.util.Set;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Bounds the requests worked on at once: one more is answered 429 with Retry-After at once, rather than queued
 * behind the others until it times out. Some paths (the health check) are not counted, so that a busy server
 * still answers them. Thread-safe.
 */
final class ConcurrencyLimitHandler extends Handler.Wrapper {
    private final Semaphore permits;
    private final int limit;
    private final Set<String> exempt;

    /**
     * @param limit the requests worked on at once
     * @param exempt paths neither counted nor refused
     */
    ConcurrencyLimitHandler(int limit, Set<String> exempt) {
        this.permits = new Semaphore(limit);
        this.limit = limit;
        this.exempt = Set.copyOf(exempt);
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        if (exempt.contains(Request.getPathInContext(request))) {
            return super.handle(request, response, callback);
        }
        if (!permits.tryAcquire()) {
            response.getHeaders().put(HttpHeader.RETRY_AFTER, ServerLimits.RETRY_AFTER.toSeconds());
            BodyBufferingHandler.answer(response, callback, 429,
                    "the server is working on %d requests, as many as it takes at once: send again in a few seconds".formatted(limit));
            return true;
        }
        AtomicBoolean released = new AtomicBoolean();
        Runnable release = () -> {
            if (released.compareAndSet(false, true)) {
                permits.release();
            }
        };
        try {
            boolean handled = super.handle(request, response, Callback.from(callback, release));
            if (!handled) {
                release.run();
            }
            return handled;
        } catch (Throwable e) {
            release.run();
            throw e;
        }
    }
}

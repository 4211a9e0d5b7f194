package org.convergence.http;

import java.time.Duration;
import java.util.Set;
import java.util.function.Predicate;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.QoSHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Bounds the requests worked on at once. One more waits for a slot, suspended without holding a thread, for up to a
 * bounded time and in a bounded queue; beyond either it is answered 429 with Retry-After, rather than queued until
 * the client gives up. Some paths (the health check) are neither counted nor queued, so that a busy server still
 * answers them. When requests wait, those of the paths served first (the API's: a program screening a customer waits
 * on the answer) take a freed slot before the others (the workbench's pages, which a person reads). Thread-safe.
 */
final class ConcurrencyLimitHandler extends QoSHandler {
    private static final int REFUSED = 429;

    private final int limit;
    private final Predicate<String> servedFirst;

    /**
     * @param limit the requests worked on at once
     * @param wait how long one more request waits for a slot before it is refused
     * @param queued the requests that may wait at once; one more is refused at once
     * @param exempt paths neither counted nor refused
     * @param servedFirst the paths whose waiting requests take a freed slot before the others
     */
    ConcurrencyLimitHandler(int limit, Duration wait, int queued, Set<String> exempt, Predicate<String> servedFirst) {
        this.limit = limit;
        this.servedFirst = servedFirst;
        setMaxRequestCount(limit);
        setMaxSuspend(wait);
        setMaxSuspendedRequestCount(queued);
        setRejectStatusCode(REFUSED);
        excludePath(exempt.toArray(String[]::new));
    }

    @Override
    protected int getPriority(Request request) {
        return servedFirst.test(Request.getPathInContext(request)) ? 1 : 0;
    }

    /** A request beyond the queue. */
    @Override
    protected void reject(Request request, Response response, Callback callback, int status) {
        refuse(response, callback);
    }

    /** A request that waited its time in the queue ({@link #REFUSED}), or failed once resumed (any other status). */
    @Override
    protected void failSuspended(Request request, Response response, Callback callback, int status, Throwable failure) {
        if (status == REFUSED) {
            refuse(response, callback);
        } else {
            super.failSuspended(request, response, callback, status, failure);
        }
    }

    private void refuse(Response response, Callback callback) {
        response.getHeaders().put(HttpHeader.RETRY_AFTER, ServerLimits.RETRY_AFTER.toSeconds());
        BodyBufferingHandler.answer(response, callback, REFUSED,
                "the server is working on %d requests, as many as it takes at once, and others wait their turn: send again in a few seconds"
                        .formatted(limit));
    }
}

package org.convergence.http;

import static java.util.Objects.requireNonNull;

import java.time.Duration;

/**
 * How much of the server one client, or many at once, may hold: what keeps the server answering under
 * slow or numerous clients and large uploads. {@link #DEFAULT} suits a desktop or a small team server.
 *
 * @param bodyDeadline the time a request's whole body has to arrive in, counted from its headers; a later one is answered 408
 * @param bufferedBodyBytes the bytes of request bodies being received at once, counted at their declared length (a chunked
 *     body at the largest taken); a request beyond it is answered 429
 * @param concurrentRequests the requests being worked on at once (their bodies received); one more waits its turn, holding
 *     no thread, up to {@link #QUEUE_WAIT} and among at most {@link #QUEUED_REQUESTS}, and beyond either is answered 429.
 *     {@code /healthz} is not counted, so that a monitor sees a busy server as up
 * @param concurrentUploads the workbench uploads (batch screening, exposure checks) being worked on at once; one more is
 *     answered 429 asking to wait
 * @param keptDownloadBytes the bytes of results the workbench keeps for download; the oldest runs go first beyond it
 */
public record ServerLimits(Duration bodyDeadline, long bufferedBodyBytes, int concurrentRequests, int concurrentUploads, long keptDownloadBytes) {
    /**
     * A minute for a body (a 20 MB upload at 3 Mbit/s); 256 MB of bodies at once; 64 requests worked on at once (far above the
     * two cores' worth of screening, below Jetty's 250 threads, so that threads stay for {@code /healthz}); 2 uploads; 500 MB of
     * downloads.
     */
    public static final ServerLimits DEFAULT = new ServerLimits(Duration.ofSeconds(60), 256L * 1024 * 1024, 64, 2, 500L * 1024 * 1024);

    /**
     * How long a request beyond {@code concurrentRequests} waits for its turn: far above the time a queue of hundreds takes
     * to drain at a few hundred queries per second, far below a client's usual time-out of 30 s.
     */
    static final Duration QUEUE_WAIT = Duration.ofSeconds(10);

    /** The requests that may wait for their turn at once; their bodies are already received and bounded in bytes. */
    static final int QUEUED_REQUESTS = 1_000;

    /** When a client refused for being one too many should ask again. */
    static final Duration RETRY_AFTER = Duration.ofSeconds(5);

    public ServerLimits {
        requireNonNull(bodyDeadline, "bodyDeadline is null");
        if (bodyDeadline.isNegative() || bodyDeadline.isZero()) {
            throw new IllegalArgumentException("bodyDeadline must be positive, got " + bodyDeadline);
        }
        if (bufferedBodyBytes <= 0 || concurrentRequests <= 0 || concurrentUploads <= 0 || keptDownloadBytes <= 0) {
            throw new IllegalArgumentException("limits must be positive, got " + bufferedBodyBytes + " buffered body bytes, " + concurrentRequests
                    + " concurrent requests, " + concurrentUploads + " concurrent uploads, " + keptDownloadBytes + " kept download bytes");
        }
    }
}

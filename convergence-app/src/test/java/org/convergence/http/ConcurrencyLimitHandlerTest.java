package org.convergence.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ConcurrencyLimitHandlerTest {
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final CountDownLatch entered = new CountDownLatch(2);
    private final CountDownLatch release = new CountDownLatch(1);
    /** The paths in the order the limiter let them through. */
    private final Queue<String> served = new ConcurrentLinkedQueue<>();
    private Server server;
    private URI base;

    @AfterEach
    void stop() throws Exception {
        release.countDown();
        server.stop();
    }

    @Test
    void aRequestBeyondTheLimitWaitsForASlotWhileTheHealthCheckStillAnswers() throws Exception {
        start(new ConcurrencyLimitHandler(2, Duration.ofSeconds(10), 10, Set.of("/healthz"), path -> false));
        List<CompletableFuture<HttpResponse<String>>> working = List.of(send("/slow"), send("/slow"));
        assertTrue(entered.await(5, TimeUnit.SECONDS), "both requests are worked on");

        CompletableFuture<HttpResponse<String>> waiting = send("/slow");
        HttpResponse<String> health = send("/healthz").get(2, TimeUnit.SECONDS);
        Thread.sleep(300);
        assertFalse(waiting.isDone(), "the third request waits for a slot");
        release.countDown();

        assertEquals(200, health.statusCode());
        assertEquals(200, waiting.get(5, TimeUnit.SECONDS).statusCode(), "served once a slot frees");
        for (CompletableFuture<HttpResponse<String>> request : working) {
            assertEquals(200, request.get(5, TimeUnit.SECONDS).statusCode());
        }
    }

    @Test
    void aRequestBeyondTheQueueIsAnswered429AtOnceAndOneThatWaitedItsTime429WithRetryAfter() throws Exception {
        ConcurrencyLimitHandler limiter = new ConcurrencyLimitHandler(2, Duration.ofSeconds(2), 1, Set.of("/healthz"), path -> false);
        start(limiter);
        List<CompletableFuture<HttpResponse<String>>> working = List.of(send("/slow"), send("/slow"));
        assertTrue(entered.await(5, TimeUnit.SECONDS), "both requests are worked on");
        CompletableFuture<HttpResponse<String>> queued = send("/slow");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (limiter.getSuspendedRequestCount() < 1 && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }

        HttpResponse<String> beyondTheQueue = send("/slow").get(1, TimeUnit.SECONDS);
        HttpResponse<String> waitedItsTime = queued.get(5, TimeUnit.SECONDS);
        release.countDown();

        for (HttpResponse<String> refused : List.of(beyondTheQueue, waitedItsTime)) {
            assertEquals(429, refused.statusCode());
            assertEquals("5", refused.headers().firstValue("Retry-After").orElse(null));
            assertTrue(refused.body().contains("send again in a few seconds"), refused.body());
        }
        for (CompletableFuture<HttpResponse<String>> request : working) {
            assertEquals(200, request.get(5, TimeUnit.SECONDS).statusCode());
        }
        assertEquals(200, send("/slow").get(5, TimeUnit.SECONDS).statusCode(), "the limit frees as requests end");
    }

    @Test
    void waitingApiRequestsTakeAFreedSlotBeforeWaitingPages() throws Exception {
        ConcurrencyLimitHandler limiter = new ConcurrencyLimitHandler(1, Duration.ofSeconds(10), 10, Set.of(), path -> path.startsWith("/match"));
        start(limiter);
        CompletableFuture<HttpResponse<String>> working = send("/slow");
        assertTrue(awaitEntered(1), "the one slot is taken");
        CompletableFuture<HttpResponse<String>> page = send("/workbench/page");
        awaitSuspended(limiter, 1);
        CompletableFuture<HttpResponse<String>> match = send("/match/all");
        awaitSuspended(limiter, 2);
        release.countDown();

        for (CompletableFuture<HttpResponse<String>> request : List.of(working, page, match)) {
            assertEquals(200, request.get(5, TimeUnit.SECONDS).statusCode());
        }
        assertEquals(List.of("/slow", "/match/all", "/workbench/page"), List.copyOf(served), "the API's request, though later, went first");
    }

    private boolean awaitEntered(int count) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (served.size() < count && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        return served.size() >= count;
    }

    private static void awaitSuspended(ConcurrencyLimitHandler limiter, int count) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (limiter.getSuspendedRequestCount() < count && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertEquals(count, limiter.getSuspendedRequestCount(), "requests waiting");
    }

    /** Serves, behind the limiter, {@code /slow} (held until the test releases it) and any other path at once. */
    private void start(ConcurrencyLimitHandler limiter) throws Exception {
        limiter.setHandler(new Handler.Abstract() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) throws Exception {
                served.add(Request.getPathInContext(request));
                if (Request.getPathInContext(request).equals("/slow")) {
                    entered.countDown();
                    release.await(10, TimeUnit.SECONDS);
                }
                response.write(true, ByteBuffer.wrap("done".getBytes(StandardCharsets.UTF_8)), callback);
                return true;
            }
        });
        server = new Server();
        ServerConnector connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        server.addConnector(connector);
        server.setHandler(limiter);
        server.start();
        base = URI.create("http://127.0.0.1:" + connector.getLocalPort());
    }

    private CompletableFuture<HttpResponse<String>> send(String path) {
        return client.sendAsync(HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
    }
}

package org.convergence.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.junit.jupiter.api.Test;

class ConcurrencyLimitHandlerTest {
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @Test
    void oneRequestBeyondTheLimitIsAnswered429AtOnceWhileTheHealthCheckStillAnswers() throws Exception {
        CountDownLatch entered = new CountDownLatch(2);
        CountDownLatch release = new CountDownLatch(1);
        ConcurrencyLimitHandler limiter = new ConcurrencyLimitHandler(2, Set.of("/healthz"));
        limiter.setHandler(new Handler.Abstract() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) throws Exception {
                if (Request.getPathInContext(request).equals("/slow")) {
                    entered.countDown();
                    release.await(10, TimeUnit.SECONDS);
                }
                response.write(true, ByteBuffer.wrap("done".getBytes(StandardCharsets.UTF_8)), callback);
                return true;
            }
        });
        Server server = new Server();
        ServerConnector connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        server.addConnector(connector);
        server.setHandler(limiter);
        server.start();
        try {
            URI base = URI.create("http://127.0.0.1:" + connector.getLocalPort());
            List<CompletableFuture<HttpResponse<String>>> working = List.of(send(base.resolve("/slow")), send(base.resolve("/slow")));
            assertTrue(entered.await(5, TimeUnit.SECONDS), "both requests are worked on");

            HttpResponse<String> refused = send(base.resolve("/slow")).get(2, TimeUnit.SECONDS);
            HttpResponse<String> health = send(base.resolve("/healthz")).get(2, TimeUnit.SECONDS);
            release.countDown();

            assertEquals(429, refused.statusCode());
            assertEquals("5", refused.headers().firstValue("Retry-After").orElse(null));
            assertTrue(refused.body().contains("send again in a few seconds"), refused.body());
            assertEquals(200, health.statusCode());
            for (CompletableFuture<HttpResponse<String>> request : working) {
                assertEquals(200, request.get(5, TimeUnit.SECONDS).statusCode());
            }
            assertEquals(200, send(base.resolve("/slow")).get(5, TimeUnit.SECONDS).statusCode(), "the limit frees as requests end");
        } finally {
            release.countDown();
            server.stop();
        }
    }

    private CompletableFuture<HttpResponse<String>> send(URI uri) {
        return client.sendAsync(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
    }
}

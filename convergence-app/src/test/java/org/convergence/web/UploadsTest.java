package org.convergence.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.javalin.Javalin;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class UploadsTest {
    private static final byte[] FILE = "name\nIvan Petrov\n".getBytes(StandardCharsets.UTF_8);

    @Test
    void anUploadBeyondThoseWorkedOnAtOnceIsRefused429AskingToWaitAndTheNextIsTakenOnceOneEnds() throws Exception {
        CountDownLatch working = new CountDownLatch(1);
        CountDownLatch finish = new CountDownLatch(1);
        HttpClient client = HttpClient.newHttpClient();
        try (Downloads downloads = new Downloads(1024 * 1024)) {
            Uploads uploads = new Uploads(downloads, 1);
            Javalin app = Javalin.create(config -> config.routes.post("/upload", ctx -> {
                switch (uploads.receive(ctx, null, "The page takes a CSV file.", "Use the command line.")) {
                    case Uploads.Refused refused -> ctx.status(refused.status()).result(refused.message());
                    case Uploads.Received received -> {
                        try {
                            working.countDown();
                            finish.await(10, TimeUnit.SECONDS);
                            ctx.result("screened " + received.fileName());
                        } finally {
                            uploads.discard(received);
                        }
                    }
                }
            })).start("127.0.0.1", 0);
            try {
                URI uri = URI.create("http://127.0.0.1:" + app.port() + "/upload");
                CompletableFuture<HttpResponse<String>> first = CompletableFuture.supplyAsync(() -> upload(client, uri));
                assertTrue(working.await(10, TimeUnit.SECONDS), "the first upload is being worked on");

                HttpResponse<String> second = upload(client, uri);
                finish.countDown();

                assertEquals(429, second.statusCode());
                assertEquals("10", second.headers().firstValue("Retry-After").orElse(null));
                assertTrue(second.body().contains("wait until it ends, then send the file again"), second.body());
                assertEquals(200, first.get(10, TimeUnit.SECONDS).statusCode());
                HttpResponse<String> third = upload(client, uri);
                assertEquals(200, third.statusCode(), third.body());
            } finally {
                finish.countDown();
                app.stop();
            }
        }
    }

    private static HttpResponse<String> upload(HttpClient client, URI uri) {
        try {
            return WorkbenchTestServer.upload(client, uri, "partners.csv", FILE);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}

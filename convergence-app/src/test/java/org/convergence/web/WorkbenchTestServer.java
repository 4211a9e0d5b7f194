package org.convergence.web;

import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.convergence.server.ConvergenceServer;
import org.convergence.api.SharedTestServer;
import org.convergence.ingest.ImportProgress;
import org.convergence.lists.ListSource;
import org.convergence.store.StatementStore;
import org.convergence.testing.Fixtures;
import org.convergence.testing.SharedData;

/**
 * One server for the workbench tests in the JVM, on a random port, over a temporary H2 store with the
 * evidence fixture, two versions of Canada's SEMA list and the Named Research Organizations; closed
 * when the JVM exits. Requests as a browser sends them.
 */
final class WorkbenchTestServer {
    private static WorkbenchTestServer instance;

    final StatementStore store;
    final ConvergenceServer server;
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private WorkbenchTestServer(StatementStore store, ConvergenceServer server) {
        this.store = store;
        this.server = server;
    }

    static synchronized WorkbenchTestServer get() {
        if (instance == null) {
            Path oldSema = SharedData.require("lists/ca-sema/sema-lmes_2020-04-15.xml");
            Path sema = SharedData.require("lists/ca-sema/sema-lmes_2025-09-22.xml");
            Path nro = SharedData.require("research-security/ca-nro/named-research-organizations_2024-04-18.html");
            SharedTestServer shared = SharedTestServer.start("convergence-workbench-test", (store, model) -> {
                Fixtures.importEvidence(store, Fixtures.evidence(), model);
                ListSource.CA_SEMA.importInto(store, oldSema, model, false, ImportProgress.NONE);
                ListSource.CA_SEMA.importInto(store, sema, model, false, ImportProgress.NONE);
                ListSource.CA_NRO.importInto(store, nro, model, false, ImportProgress.NONE);
            });
            instance = new WorkbenchTestServer(shared.store(), shared.server());
        }
        return instance;
    }

    HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(server.url().resolve(path)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> post(String path, String form) throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(server.url().resolve(path)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A file sent as a browser sends the upload form: multipart, in the field {@code file}. */
    HttpResponse<String> upload(String path, String fileName, byte[] content) throws IOException, InterruptedException {
        return upload(client, server.url().resolve(path), fileName, content);
    }

    /** As {@link #upload(String, String, byte[])}, to any server. */
    static HttpResponse<String> upload(HttpClient client, java.net.URI uri, String fileName, byte[] content) throws IOException, InterruptedException {
        String boundary = "----convergence-test-boundary";
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                + "\"\r\nContent-Type: text/csv\r\n\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] body = new byte[head.length + content.length + tail.length];
        System.arraycopy(head, 0, body, 0, head.length);
        System.arraycopy(content, 0, body, head.length, content.length);
        System.arraycopy(tail, 0, body, head.length + content.length, tail.length);
        return client.send(HttpRequest.newBuilder(uri).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    static long count(String html, String regex) {
        return Pattern.compile(regex).matcher(html).results().count();
    }

    /** The first group of the first match, or fails naming what was looked for. */
    static String find(String html, String regex) {
        Matcher matcher = Pattern.compile(regex).matcher(html);
        if (!matcher.find()) {
            throw new AssertionError("no " + regex + " in " + html.substring(0, Math.min(4000, html.length())));
        }
        return matcher.group(1);
    }

    /** An HTML attribute value as the browser reads it (jte escapes & in links). */
    static String unescape(String attribute) {
        return attribute.replace("&amp;", "&").replace("&#34;", "\"").replace("&#39;", "'").replace("&quot;", "\"");
    }
}

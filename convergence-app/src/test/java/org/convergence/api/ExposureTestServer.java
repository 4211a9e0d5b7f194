package org.convergence.api;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.convergence.ingest.ImportProgress;
import org.convergence.lists.ListSource;
import org.convergence.testing.SharedData;
import org.convergence.testing.TestStores;

/**
 * One server for the exposure tests (API and workbench) in the JVM, over ASPI's China Defence
 * Universities Tracker and the Named Research Organizations as published, and a small hand-written FtM
 * fixture of partners ({@link #PARTNERS}); the server's exposure graph is built before {@link #get()}
 * returns. Tests only read, so they share it.
 */
public final class ExposureTestServer {
    /** Harbin Institute of Technology in ASPI's tracker: listed, and one of the Seven Sons of National Defence. */
    public static final String HARBIN = "aspi-unitracker-7e1827c7-cc6b-4b73-a557-8bd2b9a7f65d";
    /** A Canadian company in a research partnership with Harbin, stated by an http source. */
    public static final String MAPLE = "partner-maple";
    /** A company whose name is markup, owning Maple by a relation whose "source" is a javascript: address. */
    public static final String SCRIPTED = "partner-scripted";
    /** A company tied to nothing. */
    public static final String LONE = "partner-lone";
    /** Two companies owning each other, one of them also itself. */
    public static final String CYCLE = "partner-cycle-a";

    /** The hand-written partners: what the real lists do not hold (a markup name, a bad source address, a cycle, an isolated party). */
    static final String PARTNERS = """
            {"id": "partner-maple", "schema": "Company", "properties": {"name": ["Maple Photonics Inc."], "country": ["ca"]}}
            {"id": "partner-link-maple-harbin", "schema": "UnknownLink", "properties": {"subject": ["partner-maple"], "object": ["%s"],\
             "role": ["research partnership"], "sourceUrl": ["https://example.org/maple-harbin-agreement"], "publisher": ["Example Gazette"]}}
            {"id": "partner-scripted", "schema": "Company", "properties": {"name": ["<script>alert('graph')</script> Holdings"]}}
            {"id": "partner-ownership-scripted-maple", "schema": "Ownership", "properties": {"owner": ["partner-scripted"],\
             "asset": ["partner-maple"], "sourceUrl": ["javascript:alert(1)"], "startDate": ["2021-03"]}}
            {"id": "partner-lone", "schema": "Company", "properties": {"name": ["Lone Pine Consulting"], "country": ["ca"]}}
            {"id": "partner-cycle-a", "schema": "Company", "properties": {"name": ["Cycle A Ltd"]}}
            {"id": "partner-cycle-b", "schema": "Company", "properties": {"name": ["Cycle B Ltd"]}}
            {"id": "partner-ownership-ab", "schema": "Ownership", "properties": {"owner": ["partner-cycle-a"], "asset": ["partner-cycle-b"]}}
            {"id": "partner-ownership-ba", "schema": "Ownership", "properties": {"owner": ["partner-cycle-b"], "asset": ["partner-cycle-a"]}}
            {"id": "partner-ownership-aa", "schema": "Ownership", "properties": {"owner": ["partner-cycle-a"], "asset": ["partner-cycle-a"]}}
            """.formatted(HARBIN);

    private static SharedTestServer instance;

    private ExposureTestServer() {}

    public static synchronized SharedTestServer get() {
        if (instance == null) {
            Path tracker = SharedData.require("research-security/aspi-unitracker/misp_china-defence-universities.json");
            Path nro = SharedData.require("research-security/ca-nro/named-research-organizations_2024-04-18.html");
            instance = SharedTestServer.start("convergence-exposure-test", (store, model) -> {
                ListSource.ASPI_UNITRACKER.importInto(store, tracker, model, false, ImportProgress.NONE);
                ListSource.CA_NRO.importInto(store, nro, model, false, ImportProgress.NONE);
                try {
                    Path partners = Files.writeString(Files.createTempFile("partners", ".ftm.json"), PARTNERS);
                    TestStores.importFtm(store, partners, "partners", false);
                    Files.delete(partners);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            awaitGraph(instance.server().url());
        }
        return instance;
    }

    /** Waits until the server has built its exposure graph, so that no test sees "being built". */
    private static void awaitGraph(URI server) {
        HttpClient client = HttpClient.newHttpClient();
        Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
        try {
            while (client.send(HttpRequest.newBuilder(server.resolve("/entities/" + LONE + "/paths")).build(), HttpResponse.BodyHandlers.discarding())
                    .statusCode() == 503) {
                if (Instant.now().isAfter(deadline)) {
                    throw new AssertionError("the exposure graph of the test store was not built within two minutes");
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

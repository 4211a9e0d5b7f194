package org.convergence.web;

import static org.convergence.api.ExposureTestServer.MAPLE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.convergence.api.ExposureTestServer;
import org.convergence.api.SharedTestServer;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The workbench's exposure page over ASPI's tracker, the Named Research Organizations and the hand-written partners. */
class ExposurePageTest {
    private static SharedTestServer shared;
    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @BeforeAll
    static void start() {
        shared = ExposureTestServer.get();
    }

    private static HttpResponse<String> post(String partners) throws Exception {
        URI uri = shared.server().url().resolve("/workbench/exposure");
        String form = "partners=" + URLEncoder.encode(partners, StandardCharsets.UTF_8);
        return CLIENT.send(HttpRequest.newBuilder(uri).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void pastedPartnersAreCheckedAndEachPathDrawnWithItsSourcesLinked() throws Exception {
        HttpResponse<String> response = post("""
                School of Astronautics, Harbin Institute of Technology, Harbin 150001, China
                Maple Photonics Inc.
                Lone Pine Consulting
                <script>alert(1)</script> Research Lab
                """);
        assertEquals(200, response.statusCode(), response.body());
        Document page = Jsoup.parse(response.body());
        List<String> tiers = page.select("h3 > span[class^=tier-]").eachText();
        assertEquals(List.of("listed", "linked", "clear", "clear"), tiers, response.body());
        assertFalse(response.body().contains("<script>alert(1)"), "a pasted name that is markup stays text");
        assertTrue(page.select("svg").size() >= 2, response.body());
        Element mapleSection = page.select("section").get(1);
        assertTrue(mapleSection.select("code").eachText().contains(MAPLE), mapleSection.toString());
        assertEquals(List.of("https://example.org/maple-harbin-agreement"), mapleSection.select("svg a").eachAttr("href"), "the tie drawn links to its source");
        assertEquals(List.of("https://example.org/maple-harbin-agreement"), mapleSection.select("ol a[href^=http]").eachAttr("href"));
        for (Element link : page.select("main a, section a")) {
            String href = link.attr("href");
            assertTrue(href.startsWith("/") || href.startsWith("https://") || href.startsWith("http://"), href);
        }
        assertEquals(List.of(), AccessibilityCheck.problems(response.body()));
    }

    @Test
    void formsSentByAPageOfAnotherSiteAreRefused() throws Exception {
        URI uri = shared.server().url().resolve("/workbench/exposure");
        String form = "partners=" + URLEncoder.encode("Harbin Institute of Technology", StandardCharsets.UTF_8);
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form));
        HttpResponse<String> otherOrigin = CLIENT.send(request.copy().header("Origin", "https://attacker.example").build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(403, otherOrigin.statusCode(), otherOrigin.body());
        assertTrue(otherOrigin.body().contains("forms from its own pages only"), otherOrigin.body());
        HttpResponse<String> crossSite = CLIENT.send(request.copy().header("Sec-Fetch-Site", "cross-site").build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(403, crossSite.statusCode());
        HttpResponse<String> upload = CLIENT.send(HttpRequest.newBuilder(shared.server().url().resolve(ExposurePages.UPLOAD_PATH))
                .header("Origin", "null").header("Content-Type", "multipart/form-data; boundary=x")
                .POST(HttpRequest.BodyPublishers.ofString("--x--\r\n")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(403, upload.statusCode(), "an upload from a sandboxed or local page");
        for (String path : List.of("/workbench/screen", "/workbench/screen/decision", "/workbench/screen/batch")) {
            HttpResponse<String> other = CLIENT.send(HttpRequest.newBuilder(shared.server().url().resolve(path)).header("Origin", "https://attacker.example")
                    .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString("name=x")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(403, other.statusCode(), path + ": every form of the workbench");
        }
        String self = shared.server().url().toString().replaceAll("/+$", "");
        HttpResponse<String> sameOrigin = CLIENT.send(request.copy().header("Origin", self).header("Sec-Fetch-Site", "same-origin").build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, sameOrigin.statusCode(), sameOrigin.body());
    }

    @Test
    void emptyOrTooManyPartnersAreRefusedSayingWhy() throws Exception {
        assertTrue(post("   \n  ").body().contains("Give at least one partner"));
        String many = "Maple Photonics Inc.\n".repeat(ExposurePages.MAX_PARTNERS + 1);
        assertTrue(post(many).body().contains("at most 50 are checked from this form"));
    }

    @Test
    void uploadedFileIsCheckedWithTheFlaggedShownAndEveryRowForDownload() throws Exception {
        byte[] file = """
                ref,affiliation,country
                P-1,"Harbin Institute of Technology, Harbin, China",cn
                P-2,Lone Pine Consulting,ca
                P-3,Maple Photonics Inc.,ca
                P-4,,
                """.getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> response = WorkbenchTestServer.upload(CLIENT, shared.server().url().resolve(ExposurePages.UPLOAD_PATH), "partners.csv",
                file);
        assertEquals(200, response.statusCode(), response.body());
        Document page = Jsoup.parse(response.body());
        assertTrue(page.text().contains("4 partners checked") && page.text().contains("1 listed, 1 linked, 1 clear, 1 not checked"), page.text());
        assertEquals(List.of("listed", "linked", "clear"), page.select("h3 > span[class^=tier-]").eachText(), "the flagged and the row not checked");
        String csv = page.select("a[href$=.csv]").attr("href");
        HttpResponse<String> download = CLIENT.send(HttpRequest.newBuilder(shared.server().url().resolve(csv)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, download.statusCode());
        assertEquals(5, download.body().lines().count(), download.body());
        assertTrue(download.body().contains("Lone Pine Consulting"), download.body());
    }

    @Test
    void uploadThatIsNoFileOrHasNoNameColumnIsRefusedSayingWhatIsTaken() throws Exception {
        HttpResponse<String> empty = WorkbenchTestServer.upload(CLIENT, shared.server().url().resolve(ExposurePages.UPLOAD_PATH), "empty.csv",
                new byte[0]);
        assertEquals(400, empty.statusCode());
        assertTrue(empty.body().contains("empty.csv is empty"), empty.body());
        HttpResponse<String> columns = WorkbenchTestServer.upload(CLIENT, shared.server().url().resolve(ExposurePages.UPLOAD_PATH), "odd.csv",
                "ref,city\nP-1,Harbin\n".getBytes(StandardCharsets.UTF_8));
        assertEquals(400, columns.statusCode(), columns.body());
        assertTrue(columns.body().contains("odd.csv") && columns.body().contains("'affiliation'"), columns.body());
    }
}

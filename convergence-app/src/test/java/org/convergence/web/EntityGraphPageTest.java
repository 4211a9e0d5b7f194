package org.convergence.web;

import static org.convergence.api.ExposureTestServer.HARBIN;
import static org.convergence.api.ExposureTestServer.LONE;
import static org.convergence.api.ExposureTestServer.MAPLE;
import static org.convergence.api.ExposureTestServer.SCRIPTED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.convergence.api.ExposureTestServer;
import org.convergence.api.SharedTestServer;
import org.convergence.graph.ExposureGraph;
import org.convergence.graph.ExposureGraph.Bounds;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The entity page's place in the exposure graph: the neighbourhood drawn as SVG and the paths to the
 * listed and the nexus, over ASPI's tracker, the Named Research Organizations and hand-written partners.
 */
class EntityGraphPageTest {
    private static SharedTestServer shared;
    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @BeforeAll
    static void start() {
        shared = ExposureTestServer.get();
    }

    private static String page(String pathAndQuery) throws IOException, InterruptedException {
        URI uri = shared.server().url().resolve(pathAndQuery);
        HttpResponse<String> response = CLIENT.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response.body());
        return response.body();
    }

    @Test
    void neighbourhoodIsDrawnWithEveryNameEscapedAndLinksOnlyToPagesAndWebSources() throws Exception {
        String html = page("/workbench/entities/" + MAPLE);

        assertFalse(html.contains("<script"), "a name that is markup stays text");
        assertTrue(html.contains("&lt;script&gt;alert("), html);
        Element svg = Jsoup.parse(html).getElementById("neighbourhood-graph");
        assertTrue(svg != null && svg.tagName().equals("svg"), html);
        List<String> labels = svg.select("a.node > text").eachText();
        assertEquals("Maple Photonics Inc.", labels.getFirst(), "the centre first");
        assertTrue(labels.contains("Harbin Institute of Technology") && labels.stream().anyMatch(label -> label.startsWith("<script>alert(")),
                labels.toString());
        assertEquals("<script>alert('graph')</script> Holdings (Company)", svg.select("a.node[href=/workbench/entities/" + SCRIPTED + "] > title").text());
        for (Element link : svg.select("a")) {
            String href = link.attr("href");
            assertTrue(href.startsWith("/workbench/entities/") || href.startsWith("https://") || href.startsWith("http://"), href);
        }
        assertEquals(List.of("https://example.org/maple-harbin-agreement"), svg.select("a.edge").eachAttr("href"));
        Element ownership = svg.select("g.edge").first();
        assertTrue(ownership != null && ownership.select("title").text().contains("javascript:alert(1)"),
                "the bad source is shown as text in the tooltip, not linked: " + svg);
        assertTrue(ownership.select("text").text().startsWith("← owns") || ownership.select("text").text().endsWith("owns →"), ownership.toString());
        assertEquals(List.of(), AccessibilityCheck.problems(html));
    }

    @Test
    void pathsListEachStepWithTheSourceOfItsRelationLinked() throws Exception {
        Document page = Jsoup.parse(page("/workbench/entities/" + SCRIPTED));

        Element path = page.select("#exposure-paths > li").first();
        assertTrue(path != null && path.ownText().startsWith("2 hops"), page.select("#paths ~ *").outerHtml());
        List<Element> steps = path.select("ol.steps > li");
        assertEquals(3, steps.size());
        assertEquals(List.of("/workbench/entities/" + SCRIPTED, "/workbench/entities/" + MAPLE, "/workbench/entities/" + HARBIN),
                steps.stream().map(step -> step.selectFirst("a").attr("href")).toList());
        assertTrue(steps.get(0).select(".relation").text().equals("↓ owns"), steps.get(0).outerHtml());
        assertTrue(steps.get(0).text().contains("(from 2021-03)") && steps.get(0).text().contains("javascript:alert(1)"), steps.get(0).outerHtml());
        assertTrue(steps.get(0).select("a[href^=javascript]").isEmpty(), "a javascript: source is never a link");
        assertEquals("↕ research partnership", steps.get(1).select(".relation").text());
        assertEquals(List.of("https://example.org/maple-harbin-agreement"), steps.get(1).select("a[rel=noreferrer]").eachAttr("href"));
        assertTrue(steps.get(1).text().contains("Example Gazette"), steps.get(1).outerHtml());
        assertEquals(List.of("listed", "China–Russia defence nexus"), steps.get(2).select(".mark").eachText());
        assertTrue(steps.get(2).select(".relation").isEmpty(), "the target is the last step");
    }

    @Test
    void twoHopsDrawsASecondRingAndCountsTheNodesLeftOut() throws Exception {
        ExposureGraph.Neighbourhood expected = ExposureGraph.build(shared.store()).neighbourhood(HARBIN, 2, Bounds.DEFAULT);

        String html = page("/workbench/entities/" + HARBIN + "?hops=2");

        Element svg = Jsoup.parse(html).getElementById("neighbourhood-graph");
        int drawn = svg.select("a.node").size();
        assertTrue(drawn > 1 + GraphSvg.MAX_PER_RING[1] && drawn <= 1 + GraphSvg.MAX_PER_RING[1] + GraphSvg.MAX_PER_RING[2], "drawn: " + drawn);
        assertTrue(expected.nodes().size() > drawn, "Harbin has more neighbours within two hops than a drawing holds");
        assertEquals("And " + (expected.nodes().size() - drawn) + " more not drawn (the listed and the nexus are drawn first).",
                Jsoup.parse(html).getElementById("neighbourhood-more").text());
        assertTrue(html.contains("<strong>2 hops</strong>") && html.contains("href=\"?hops=1#neighbourhood\""), "the page says which it shows");
        assertEquals(List.of(), AccessibilityCheck.problems(html));
    }

    @Test
    void entityTiedToNothingSaysSoRatherThanDrawing() throws Exception {
        Document page = Jsoup.parse(page("/workbench/entities/" + LONE));

        assertTrue(page.getElementById("neighbourhood-graph") == null);
        assertEquals("No relation ties this entity to another in the graph.", page.getElementById("no-relations").text());
        assertEquals("No path of 3 hops or fewer leads to a listed party or to the China–Russia defence nexus.", page.getElementById("no-paths").text());
    }

    @Test
    void listingIsNoNodeAndItsPageSaysWhy() throws Exception {
        Document page = Jsoup.parse(page("/workbench/entities/ca-nro-sanction-cn-harbin-institute-of-technology"));

        assertTrue(page.getElementById("exposure-notice").text().startsWith("This entity is no node of the exposure graph"), page.outerHtml());
        assertTrue(page.getElementById("exposure-paths") == null);
    }
}

package org.convergence.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.convergence.graph.ExposureGraph;
import org.convergence.graph.GraphNode;
import org.convergence.graph.Relation;
import org.convergence.lists.ListSource;
import org.convergence.store.DatasetVersion;
import org.junit.jupiter.api.Test;

/** The drawing of a neighbourhood, on hand-made nodes: what is drawn first, how a label reads, what is linked. */
class GraphSvgTest {
    private static final DatasetVersion VERSION = new DatasetVersion(1, "partners", 1, Instant.EPOCH, "partners.ftm.json", "0", null, 0, 0, 0);
    private static final Relation.Sources NO_SOURCE = new Relation.Sources(List.of(), List.of(), List.of());

    private static GraphNode company(String id, boolean listed) {
        List<GraphNode.Listing> listings = listed ? List.of(new GraphNode.Listing("listing-" + id, ListSource.CA_NRO.id(), List.of(), List.of())) : List.of();
        return new GraphNode(id, "Company", id.toUpperCase() + " LLC", List.of(id.toUpperCase() + " LLC"), VERSION, listings, false);
    }

    private static Relation owns(String owner, String asset, Relation.Sources sources) {
        return new Relation(owner + "-owns-" + asset, "Ownership", "owns", owner, asset, true, VERSION, sources, null, null);
    }

    @Test
    void fullRingDrawsTheListedFirstAndCountsTheOthers() {
        GraphNode hub = company("hub", false);
        List<GraphNode> nodes = new ArrayList<>(List.of(hub));
        List<Relation> relations = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            nodes.add(company("c" + i, i >= 17));
            relations.add(owns("hub", "c" + i, NO_SOURCE));
        }

        GraphSvg svg = GraphSvg.of(new ExposureGraph.Neighbourhood(hub, nodes, relations, Set.of()), 1);

        assertEquals(1 + GraphSvg.MAX_PER_RING[1], svg.nodes().size());
        assertEquals(20 - GraphSvg.MAX_PER_RING[1], svg.more());
        assertEquals(List.of("/workbench/entities/hub", "/workbench/entities/c17", "/workbench/entities/c18", "/workbench/entities/c19",
                "/workbench/entities/c0"), svg.nodes().stream().limit(5).map(GraphSvg.Node::href).toList());
        assertEquals(GraphSvg.MAX_PER_RING[1], svg.edges().size(), "a line to each node drawn, none to those left out");
        assertTrue(svg.description().endsWith("the 20 nodes within 1 hop of it in the exposure graph (16 drawn)"), svg.description());
        assertTrue(svg.nodes().stream().allMatch(node -> node.x() >= 0 && node.y() >= 0 && node.x() <= svg.width() && node.y() <= svg.height()),
                "everything within the drawing");
    }

    @Test
    void labelOfARelationReadsTheWayItsArrowPoints() {
        GraphNode owner = company("owner", false);
        GraphNode asset = company("asset", true);
        Relation ownership = owns("owner", "asset", NO_SOURCE);

        GraphSvg fromOwner = GraphSvg.of(new ExposureGraph.Neighbourhood(owner, List.of(owner, asset), List.of(ownership), Set.of()), 1);
        GraphSvg fromAsset = GraphSvg.of(new ExposureGraph.Neighbourhood(asset, List.of(asset, owner), List.of(ownership), Set.of()), 1);

        assertEquals("owns →", fromOwner.edges().getFirst().label(), "the centre on the left owns the node on its right");
        assertEquals("← owns", fromAsset.edges().getFirst().label(), "the node on the right owns the centre");
        assertEquals(0, fromOwner.edges().getFirst().rotation());
        assertEquals(GraphSvg.LISTED, fromOwner.nodes().get(1).fill());
        assertEquals(GraphSvg.OTHER, fromOwner.nodes().get(0).fill());
    }

    @Test
    void lineLinksToItsFirstWebSourceOnlyAndItsTooltipNamesEverySource() {
        GraphNode owner = company("owner", false);
        GraphNode asset = company("asset", false);
        Relation.Sources scripted = new Relation.Sources(List.of("javascript:alert(1)"), List.of("Nobody"), List.of());
        Relation.Sources stated = new Relation.Sources(List.of("ftp://example.org/a", "https://example.org/register"), List.of(), List.of());

        GraphSvg svg = GraphSvg.of(new ExposureGraph.Neighbourhood(owner, List.of(owner, asset),
                List.of(owns("owner", "asset", scripted), owns("owner", "asset", stated)), Set.of()), 1);

        GraphSvg.Edge edge = svg.edges().getFirst();
        assertEquals(1, svg.edges().size(), "two relations between the same nodes are one line");
        assertEquals("owns +1 →", edge.label());
        assertEquals("https://example.org/register", edge.href());
        assertTrue(edge.title().contains("javascript:alert(1)") && edge.title().contains("Nobody"), edge.title());
        GraphSvg unlinked = GraphSvg.of(new ExposureGraph.Neighbourhood(owner, List.of(owner, asset), List.of(owns("owner", "asset", scripted)),
                Set.of()), 1);
        assertNull(unlinked.edges().getFirst().href());
    }
}

package org.convergence.web;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.convergence.WebAddresses;
import org.convergence.graph.ExposureGraph;
import org.convergence.graph.GraphNode;
import org.convergence.graph.Relation;
import org.convergence.graph.Targets;

/**
 * Part of the exposure graph drawn by the server as SVG (template {@code graph.jte}; no script, nothing
 * fetched): a centre node with a ring of nodes around it per hop, laid out as a radial tree, so that
 * rings of one node each (a path) make a line to the right (see {@code draw}). Each node links to its entity
 * page and is coloured when it is listed or in the China–Russia defence nexus; each pair of related
 * nodes is one line, labelled along its length with the relation (an arrow where it reads one way) and
 * linking to its source where that is a web address. A ring shows at most {@link #MAX_PER_RING} nodes,
 * the listed and the nexus first; the others are counted in {@code more}. Coordinates are whole pixels
 * of the SVG's own space; the text is escaped by the template.
 *
 * @param description what the drawing shows, for its title
 * @param more the nodes of the neighbourhood left out of the drawing
 */
public record GraphSvg(int width, int height, String description, List<Node> nodes, List<Edge> edges, int more) {
    /** Nodes drawn at most on one ring: more would overlap their labels. */
    static final int[] MAX_PER_RING = {1, 16, 24};
    /** The distance between two rings. */
    private static final int RING = 150;
    /** Room around what is drawn. */
    private static final int MARGIN = 8;
    /** The width of a character of a node's label, on average, in the SVG's pixels: enough room for the labels without measuring them. */
    private static final double CHAR_WIDTH = 6.2;
    /** Characters of a label drawn at most; the tooltip has the whole text. */
    private static final int NODE_LABEL = 30;
    private static final int EDGE_LABEL = 26;
    /** The fill of a listed node, a node of the nexus and any other (the legend under a drawing shows them). */
    public static final String LISTED = "#b2182b";
    public static final String NEXUS = "#e08214";
    public static final String OTHER = "#8c8c8c";

    public GraphSvg {
        nodes = List.copyOf(nodes);
        edges = List.copyOf(edges);
    }

    /**
     * A node drawn: a circle at (x, y) linking to {@code href}, its label beside it or above it.
     *
     * @param title the full caption and what the node is, for its tooltip
     * @param stroke the outline: dark for the centre, orange for a listed node also in the nexus
     */
    public record Node(String href, int x, int y, int radius, String fill, String stroke, int strokeWidth, String label, String title,
            int labelX, int labelY, String anchor) {}

    /**
     * A line between two related nodes, with its label along it.
     *
     * @param href the first web address among the relations' sources, or null: then the line links nowhere
     * @param title every relation between the two nodes, with its sources, for the tooltip
     * @param rotation the label's angle in degrees, kept between -90 and 90 so that it reads left to right
     */
    public record Edge(int x1, int y1, int x2, int y2, String label, String title, String href, int labelX, int labelY, int rotation) {}

    /** The neighbourhood of a node within {@code hops} (1 or 2) as rings around it. */
    static GraphSvg of(ExposureGraph.Neighbourhood neighbourhood, int hops) {
        GraphNode centre = neighbourhood.centre();
        Map<String, List<String>> adjacent = new HashMap<>();
        for (Relation relation : neighbourhood.relations()) {
            adjacent.computeIfAbsent(relation.sourceId(), key -> new ArrayList<>()).add(relation.targetId());
            adjacent.computeIfAbsent(relation.targetId(), key -> new ArrayList<>()).add(relation.sourceId());
        }
        Set<String> placed = new HashSet<>(Set.of(centre.id()));
        List<List<Member>> rings = new ArrayList<>(List.of(List.of(new Member(centre, -1))));
        for (int hop = 1; hop <= hops; hop++) {
            // The neighbourhood lists nodes nearest first; a ring keeps that order, the listed and the nexus first, among the nodes tied to
            // the ring drawn before it, and hangs each from the first node of that ring it is tied to.
            List<GraphNode> before = rings.getLast().stream().map(Member::node).toList();
            Set<String> beforeIds = Set.copyOf(before.stream().map(GraphNode::id).toList());
            List<GraphNode> candidates = neighbourhood.nodes().stream().filter(node -> !placed.contains(node.id()))
                    .filter(node -> adjacent.getOrDefault(node.id(), List.of()).stream().anyMatch(beforeIds::contains)).toList();
            candidates.forEach(node -> placed.add(node.id()));
            rings.add(candidates.stream().sorted(Comparator.comparing(node -> !isTarget(node))).limit(MAX_PER_RING[hop])
                    .map(node -> new Member(node, firstIndex(adjacent.get(node.id()), before))).toList());
        }
        int drawn = rings.stream().mapToInt(List::size).sum();
        String description = "%s and the %d nodes within %d hop%s of it in the exposure graph%s".formatted(centre.caption(), neighbourhood.nodes().size() - 1,
                hops, hops == 1 ? "" : "s", neighbourhood.nodes().size() > drawn ? " (" + (drawn - 1) + " drawn)" : "");
        return draw(rings, neighbourhood.relations(), neighbourhood.nodes().size() - drawn, description);
    }

    /** A node to draw, and the index in the ring before of the node it hangs from (-1 for the centre). */
    private record Member(GraphNode node, int parent) {}

    /** The position in {@code ring} of the first node of it that {@code ids} names. */
    private static int firstIndex(List<String> ids, List<GraphNode> ring) {
        for (int i = 0; i < ring.size(); i++) {
            if (ids.contains(ring.get(i).id())) {
                return i;
            }
        }
        throw new IllegalArgumentException("no node of the ring is named");
    }

    /**
     * Rings of nodes, the first the centre alone, and the relations among them (those to nodes not drawn
     * are left out), laid out as a radial tree: each node has a sector of the circle in proportion to the
     * nodes that hang from it on the outer rings, sits in its middle, and shares it out among them; the
     * first sector of the first ring is centred on the right.
     */
    private static GraphSvg draw(List<List<Member>> rings, List<Relation> relations, int more, String description) {
        double[][] weight = new double[rings.size()][];
        for (int ring = rings.size() - 1; ring >= 0; ring--) {
            weight[ring] = new double[rings.get(ring).size()];
            if (ring + 1 < rings.size()) {
                List<Member> outer = rings.get(ring + 1);
                for (int i = 0; i < outer.size(); i++) {
                    weight[ring][outer.get(i).parent()] += weight[ring + 1][i];
                }
            }
            for (int i = 0; i < weight[ring].length; i++) {
                weight[ring][i] = Math.max(1, weight[ring][i]);
            }
        }
        Map<String, int[]> positions = new LinkedHashMap<>();
        List<Node> nodes = new ArrayList<>();
        double start = rings.size() > 1 && !rings.get(1).isEmpty() ? -Math.PI * weight[1][0] / weight[0][0] : 0;
        double[] from = {start};
        double[] to = {start + 2 * Math.PI};
        for (int ring = 0; ring < rings.size(); ring++) {
            List<Member> members = rings.get(ring);
            double[] cursor = ring == 0 ? null : from.clone();
            double[] memberFrom = new double[members.size()];
            double[] memberTo = new double[members.size()];
            for (int i = 0; i < members.size(); i++) {
                if (ring == 0) {
                    memberFrom[i] = from[0];
                    memberTo[i] = to[0];
                } else {
                    int parent = members.get(i).parent();
                    memberFrom[i] = cursor[parent];
                    cursor[parent] += (to[parent] - from[parent]) * weight[ring][i] / weight[ring - 1][parent];
                    memberTo[i] = cursor[parent];
                }
                double angle = ring == 0 ? 0 : (memberFrom[i] + memberTo[i]) / 2;
                int x = (int) Math.round(ring * RING * Math.cos(angle));
                int y = (int) Math.round(ring * RING * Math.sin(angle));
                positions.put(members.get(i).node().id(), new int[] {x, y});
                boolean hasOuter = ring + 1 < rings.size() && hangsFrom(rings.get(ring + 1), i);
                nodes.add(node(members.get(i).node(), x, y, ring == 0, hasOuter ? Side.ABOVE : Math.cos(angle) >= -1e-9 ? Side.RIGHT : Side.LEFT));
            }
            from = memberFrom;
            to = memberTo;
        }
        Map<List<String>, List<Relation>> pairs = new LinkedHashMap<>();
        for (Relation relation : relations) {
            if (positions.containsKey(relation.sourceId()) && positions.containsKey(relation.targetId())) {
                pairs.computeIfAbsent(pair(relation.sourceId(), relation.targetId()), key -> new ArrayList<>()).add(relation);
            }
        }
        List<Edge> edges = new ArrayList<>();
        pairs.forEach((pair, between) -> edges.add(edge(positions.get(pair.get(0)), positions.get(pair.get(1)), pair.get(0), between)));
        return fitted(nodes, edges, more, description);
    }

    /** The drawing moved and sized to what it holds, the nodes' labels included (their width estimated), so that a small one stays small. */
    private static GraphSvg fitted(List<Node> nodes, List<Edge> edges, int more, String description) {
        int left = Integer.MAX_VALUE;
        int right = Integer.MIN_VALUE;
        int top = Integer.MAX_VALUE;
        int bottom = Integer.MIN_VALUE;
        for (Node node : nodes) {
            int width = (int) Math.ceil(node.label().length() * CHAR_WIDTH);
            int labelLeft = switch (node.anchor()) {
                case "start" -> node.labelX();
                case "end" -> node.labelX() - width;
                default -> node.labelX() - width / 2;
            };
            left = Math.min(left, Math.min(node.x() - node.radius(), labelLeft));
            right = Math.max(right, Math.max(node.x() + node.radius(), labelLeft + width));
            top = Math.min(top, Math.min(node.y() - node.radius(), node.labelY() - 12));
            bottom = Math.max(bottom, Math.max(node.y() + node.radius(), node.labelY() + 4));
        }
        int dx = MARGIN - left;
        int dy = MARGIN - top;
        List<Node> moved = nodes.stream().map(node -> new Node(node.href(), node.x() + dx, node.y() + dy, node.radius(), node.fill(), node.stroke(),
                node.strokeWidth(), node.label(), node.title(), node.labelX() + dx, node.labelY() + dy, node.anchor())).toList();
        List<Edge> movedEdges = edges.stream().map(edge -> new Edge(edge.x1() + dx, edge.y1() + dy, edge.x2() + dx, edge.y2() + dy, edge.label(),
                edge.title(), edge.href(), edge.labelX() + dx, edge.labelY() + dy, edge.rotation())).toList();
        return new GraphSvg(right - left + 2 * MARGIN, bottom - top + 2 * MARGIN, description, moved, movedEdges, more);
    }

    private static boolean hangsFrom(List<Member> ring, int parent) {
        return ring.stream().anyMatch(member -> member.parent() == parent);
    }

    /** Where a node's label goes: beside it, away from the centre, or above it when nodes hang from it on the outer side. */
    private enum Side {
        LEFT, RIGHT, ABOVE
    }

    private static List<String> pair(String one, String other) {
        return one.compareTo(other) <= 0 ? List.of(one, other) : List.of(other, one);
    }

    private static Node node(GraphNode node, int x, int y, boolean centre, Side side) {
        boolean listed = Targets.listed().test(node);
        String fill = listed ? LISTED : node.nexus() ? NEXUS : OTHER;
        String stroke = centre ? "#1d2330" : listed && node.nexus() ? NEXUS : "#ffffff";
        int radius = centre ? 11 : 8;
        int strokeWidth = centre || listed && node.nexus() ? 3 : 1;
        String title = node.caption() + " (" + node.schema() + (listed ? "; listed" : "") + (node.nexus() ? "; China–Russia defence nexus" : "") + ")";
        String label = shorten(node.caption(), NODE_LABEL);
        String href = Pages.entityPath(node.id());
        if (centre) {
            return new Node(href, x, y, radius, fill, stroke, strokeWidth, label, title, x, y + radius + 14, "middle");
        }
        return switch (side) {
            case RIGHT -> new Node(href, x, y, radius, fill, stroke, strokeWidth, label, title, x + radius + 4, y + 4, "start");
            case LEFT -> new Node(href, x, y, radius, fill, stroke, strokeWidth, label, title, x - radius - 4, y + 4, "end");
            case ABOVE -> new Node(href, x, y, radius, fill, stroke, strokeWidth, label, title, x, y - radius - 5, "middle");
        };
    }

    /** One line for every relation between two nodes: the first one's label, with the count of the others. */
    private static Edge edge(int[] from, int[] to, String fromId, List<Relation> between) {
        Relation first = between.getFirst();
        // The label reads left to right: an arrow points the way the relation reads (owner to asset) as drawn.
        boolean fromIsLeft = from[0] < to[0] || from[0] == to[0] && from[1] <= to[1];
        boolean readsFromLeft = first.sourceId().equals(fromId) == fromIsLeft;
        String label = shorten(first.label(), EDGE_LABEL) + (between.size() > 1 ? " +" + (between.size() - 1) : "");
        if (first.directed()) {
            label = readsFromLeft ? label + " →" : "← " + label;
        }
        List<String> titles = new ArrayList<>();
        String href = null;
        for (Relation relation : between) {
            titles.add(relation.label() + (relation.sources().publishers().isEmpty() ? "" : "; " + String.join(", ", relation.sources().publishers()))
                    + (relation.sources().urls().isEmpty() ? "" : "; " + String.join(" ", relation.sources().urls())));
            if (href == null) {
                href = relation.sources().urls().stream().filter(WebAddresses::isWebAddress).findFirst().orElse(null);
            }
        }
        int[] left = fromIsLeft ? from : to;
        int[] right = fromIsLeft ? to : from;
        int rotation = (int) Math.round(Math.toDegrees(Math.atan2(right[1] - left[1], right[0] - left[0])));
        return new Edge(from[0], from[1], to[0], to[1], label, String.join("\n", titles), href, (from[0] + to[0]) / 2, (from[1] + to[1]) / 2,
                rotation);
    }

    private static boolean isTarget(GraphNode node) {
        return Targets.listedOrNexus().test(node);
    }

    private static String shorten(String text, int length) {
        return text.length() <= length ? text : text.substring(0, length - 1).strip() + "…";
    }
}

package org.convergence.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.convergence.WebAddresses;
import org.convergence.graph.ExposureGraph;
import org.convergence.graph.ExposureGraph.Bound;
import org.convergence.graph.ExposureGraph.Bounds;
import org.convergence.graph.ExposurePath;
import org.convergence.graph.GraphNode;
import org.convergence.graph.Relation;
import org.convergence.graph.Targets;

/**
 * An entity's place in the exposure graph, as its page shows it: its neighbourhood drawn ({@link
 * GraphSvg}), and its shortest paths to the listed and the China–Russia defence nexus, step by step,
 * each relation with its sources.
 *
 * @param hops the neighbourhood's hops, 1 or 2
 * @param graph the drawing, or null when there is none (see {@code notice})
 * @param graphNotes what the neighbourhood's walk left out, for people
 * @param paths the paths, shortest first
 * @param pathNotes what the paths' walk left out
 * @param notice why there is neither drawing nor paths (the graph is being built, the entity is no node), or null
 */
public record ExposureSection(int hops, GraphSvg graph, List<String> graphNotes, List<Path> paths, List<String> pathNotes, String notice) {

    public ExposureSection {
        graphNotes = List.copyOf(graphNotes);
        paths = List.copyOf(paths);
        pathNotes = List.copyOf(pathNotes);
    }

    /** A path from the entity to a target, one step per node. */
    public record Path(int hops, List<Step> steps) {
        public Path {
            steps = List.copyOf(steps);
        }
    }

    /**
     * A node of a path and the relation that leads on to the next step.
     *
     * @param href the node's entity page
     * @param marks what makes it a target: "listed", "China–Russia defence nexus"
     * @param relation the relation to the next step, after an arrow for the way it reads (↓: this node
     *     to the next, ↑: the next to this one, ↕: either way), or null on the last step
     * @param sources the relation's source addresses and publishers
     * @param validity when the relation holds, where its source says
     * @param records where in the imported files the relation is stated
     */
    public record Step(String href, String caption, String schema, List<String> marks, String relation, List<Source> sources, String validity,
            String records) {
        public Step {
            marks = List.copyOf(marks);
            sources = List.copyOf(sources);
        }
    }

    /** A source as shown: a link when {@code url} is a web address, else the text alone ({@code url} null). */
    public record Source(String text, String url) {}

    /** The most hops of a path shown. */
    public int pathHops() {
        return Bounds.DEFAULT.maxHops();
    }

    /** The section of the entity {@code id} in the graph: its neighbourhood within {@code hops} (1 or 2) and its paths within the default bounds. */
    static ExposureSection of(ExposureGraph graph, String id, int hops) {
        if (graph.node(id).isEmpty()) {
            return unavailable(hops, "This entity is no node of the exposure graph: a listing, an address or an entity no relation ties "
                    + "has no neighbourhood to draw.");
        }
        ExposureGraph.Neighbourhood neighbourhood = graph.neighbourhood(id, hops, Bounds.DEFAULT);
        ExposureGraph.Paths found = graph.paths(id, Targets.listedOrNexus(), Bounds.DEFAULT);
        List<Path> paths = found.paths().stream().map(ExposureSection::path).toList();
        return new ExposureSection(hops, GraphSvg.of(neighbourhood, hops), notes(neighbourhood.reached()), paths, notes(found.reached()), null);
    }

    /** The section without drawing or paths, and why. */
    static ExposureSection unavailable(int hops, String notice) {
        return new ExposureSection(hops, null, List.of(), List.of(), List.of(), notice);
    }

    private static Path path(ExposurePath path) {
        List<Step> steps = new ArrayList<>();
        for (ExposurePath.Step step : path.steps()) {
            GraphNode node = step.node();
            List<String> marks = new ArrayList<>();
            if (Targets.listed().test(node)) {
                marks.add("listed");
            }
            if (node.nexus()) {
                marks.add("China–Russia defence nexus");
            }
            Relation relation = step.relation();
            if (relation == null) {
                steps.add(new Step(Pages.entityPath(node.id()), node.caption(), node.schema(), marks, null, List.of(), "", ""));
                continue;
            }
            String arrow = !relation.directed() ? "↕" : step.outgoing() ? "↓" : "↑";
            List<Source> sources = new ArrayList<>();
            relation.sources().urls().forEach(url -> sources.add(new Source(url, WebAddresses.isWebAddress(url) ? url : null)));
            relation.sources().publishers().forEach(publisher -> sources.add(new Source(publisher, null)));
            steps.add(new Step(Pages.entityPath(node.id()), node.caption(), node.schema(), marks, arrow + " " + relation.label(), sources,
                    validity(relation), String.join("; ", relation.sources().records())));
        }
        return new Path(path.hops(), steps);
    }

    private static String validity(Relation relation) {
        if (relation.startDate() != null && relation.endDate() != null) {
            return relation.startDate() + " to " + relation.endDate();
        }
        return relation.startDate() != null ? "from " + relation.startDate() : relation.endDate() != null ? "until " + relation.endDate() : "";
    }

    /** What a walk that reached these bounds left out, one sentence each. */
    private static List<String> notes(Set<Bound> reached) {
        return reached.stream().sorted().map(bound -> switch (bound) {
            case PATHS -> "The first %d paths are shown; there may be more (the API's GET /entities/{id}/paths takes a higher limit).".formatted(
                    Bounds.DEFAULT.maxPaths());
            case RELATIONS_PER_NODE -> "An entity with more than %,d relations was followed through %,d of them only.".formatted(
                    Bounds.DEFAULT.maxRelationsPerNode(), Bounds.DEFAULT.maxRelationsPerNode());
            case RELATIONS_SCANNED -> "The walk stopped after reading %,d relations.".formatted(Bounds.DEFAULT.maxRelationsScanned());
        }).toList();
    }
}

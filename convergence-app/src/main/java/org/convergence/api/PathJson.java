package org.convergence.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.convergence.graph.ExposureGraph.Bound;
import org.convergence.graph.ExposurePath;
import org.convergence.graph.GraphNode;
import org.convergence.graph.Relation;
import org.convergence.graph.Targets;

/**
 * Exposure paths as the API writes them, wherever an answer holds paths: a path is {@code {"hops",
 * "target", "steps"}}, a step is a node ({@code "id", "caption", "names", "schema", "dataset",
 * "listed", "nexus"}) with the {@code "relation"} that leads to the next step, and every relation
 * carries its sources ({@code "urls", "publishers", "records"}) so that a reader can check it. The
 * shapes are documented in openapi.json ({@code ExposurePath}).
 */
final class PathJson {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private PathJson() {}

    /**
     * A path: its hops, its target (a node, as a step without relation) and its steps from the start
     * to the target; the last step's relation is null.
     */
    static ObjectNode path(ExposurePath path) {
        ObjectNode json = NODES.objectNode();
        json.put("hops", path.hops());
        json.set("target", node(path.target()));
        ArrayNode steps = json.putArray("steps");
        for (ExposurePath.Step step : path.steps()) {
            ObjectNode stepJson = node(step.node());
            stepJson.set("relation", step.relation() == null ? NODES.nullNode() : relation(step.relation(), step.outgoing()));
            steps.add(stepJson);
        }
        return json;
    }

    /** The bounds a query reached ("paths", "relations_per_node", "relations_scanned"): when any is, more may exist than it returned. */
    static ArrayNode boundsReached(Set<Bound> reached) {
        ArrayNode json = NODES.arrayNode();
        reached.stream().sorted().forEach(bound -> json.add(bound.name().toLowerCase(Locale.ROOT)));
        return json;
    }

    private static ObjectNode node(GraphNode node) {
        ObjectNode json = NODES.objectNode();
        json.put("id", node.id());
        json.put("caption", node.caption());
        strings(json.putArray("names"), node.names());
        json.put("schema", node.schema());
        json.put("dataset", node.version().dataset());
        json.put("listed", Targets.listed().test(node));
        json.put("nexus", node.nexus());
        return json;
    }

    /**
     * A relation as a step reads it: "forward" when its label reads from this step's node to the next
     * (this node owns the next), "backward" when from the next to this one, "both" when FtM reads it
     * alike both ways (an UnknownLink, an Associate).
     */
    private static ObjectNode relation(Relation relation, boolean outgoing) {
        ObjectNode json = NODES.objectNode();
        json.put("label", relation.label());
        json.put("schema", relation.schema());
        json.put("entity", relation.entityId());
        json.put("direction", !relation.directed() ? "both" : outgoing ? "forward" : "backward");
        ObjectNode sources = json.putObject("sources");
        strings(sources.putArray("urls"), relation.sources().urls());
        strings(sources.putArray("publishers"), relation.sources().publishers());
        strings(sources.putArray("records"), relation.sources().records());
        json.put("start", relation.startDate());
        json.put("end", relation.endDate());
        return json;
    }

    private static void strings(ArrayNode array, List<String> values) {
        values.forEach(array::add);
    }
}

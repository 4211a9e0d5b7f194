package org.convergence.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import java.time.Duration;
import org.convergence.ConvergenceException;
import org.convergence.ErrorCategory;
import org.convergence.graph.BackgroundExposureGraph;
import org.convergence.graph.ExposureGraph;
import org.convergence.graph.ExposureGraph.Bounds;
import org.convergence.graph.ExposureGraph.Paths;
import org.convergence.graph.GraphNode;
import org.convergence.graph.Targets;

/**
 * {@code GET /entities/{id}/paths}: the shortest paths from an entity to the listed and the
 * China–Russia defence nexus ({@link Targets#listedOrNexus()}), each step with the relation to the
 * next and its sources ({@link PathJson}).
 */
final class PathsResource {
    /** The most paths one request may ask for. */
    static final int MAX_LIMIT = 100;
    /** How long a request waits for the graph's first build before it is answered 503 with "retry". */
    static final Duration GRAPH_WAIT = Duration.ofSeconds(10);

    private final BackgroundExposureGraph graph;

    PathsResource(BackgroundExposureGraph graph) {
        this.graph = graph;
    }

    void paths(Context ctx) {
        String id = ctx.pathParam("id");
        int hops = Parameters.integer(ctx, "hops", Bounds.DEFAULT.maxHops(), 1, Bounds.MAX_HOPS);
        int limit = Parameters.integer(ctx, "limit", Bounds.DEFAULT.maxPaths(), 1, MAX_LIMIT);
        ExposureGraph current = graph.current(GRAPH_WAIT);
        GraphNode start = current.node(id).orElseThrow(() -> new ConvergenceException(ErrorCategory.NOT_FOUND, ("no entity '%s' in the exposure "
                + "graph: it is in no latest dataset version, or it is no party, event or end of a relation (a Sanction or an address is no "
                + "node); GET /entities/{id} shows any entity of the store").formatted(Parameters.shorten(id))));
        Bounds bounds = new Bounds(hops, limit, Bounds.DEFAULT.maxRelationsPerNode(), Bounds.DEFAULT.maxRelationsScanned());
        Paths paths = current.paths(start.id(), Targets.listedOrNexus(), bounds);
        ObjectNode body = JsonNodeFactory.instance.objectNode().put("id", start.id()).put("caption", start.caption());
        ArrayNode found = body.putArray("paths");
        paths.paths().forEach(path -> found.add(PathJson.path(path)));
        body.set("bounds_reached", PathJson.boundsReached(paths.reached()));
        ctx.json(body);
    }
}

package org.convergence.graph;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * A path of the exposure graph from a start node to a target node, one step per node: the first step
 * is the start, the last the target. Every step but the last holds the relation that leads to the next
 * step's node, with its sources.
 */
public record ExposurePath(List<Step> steps) {

    public ExposurePath {
        steps = List.copyOf(steps);
        if (steps.isEmpty()) {
            throw new IllegalArgumentException("a path has at least its start");
        }
    }

    /** The number of relations followed: 0 when the start is itself a target. */
    public int hops() {
        return steps.size() - 1;
    }

    public GraphNode target() {
        return steps.getLast().node();
    }

    /**
     * One node of a path.
     *
     * @param node the node
     * @param relation the relation between this node and the next step's, or null on the last step
     * @param outgoing true when the relation goes from this node to the next (the owner to the asset),
     *     false when it goes from the next node to this one
     */
    public record Step(GraphNode node, Relation relation, boolean outgoing) {
        public Step {
            requireNonNull(node, "node is null");
        }
    }
}

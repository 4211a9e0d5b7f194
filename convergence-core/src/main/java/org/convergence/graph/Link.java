package org.convergence.graph;

import org.jgrapht.graph.DefaultEdge;

/**
 * An edge of the JGraphT graph: a {@link Relation} between the nodes of two indexes. JGraphT keeps an
 * edge's ends inside the edge when it is a {@link DefaultEdge}, and tells edges apart by identity,
 * which two relations stated alike need; the ends are kept again as ints, which the walks compare
 * without unboxing.
 */
final class Link extends DefaultEdge {
    private static final long serialVersionUID = 1L;

    private final transient Relation relation;
    private final int source;
    private final int target;

    Link(Relation relation, int source, int target) {
        this.relation = relation;
        this.source = source;
        this.target = target;
    }

    Relation relation() {
        return relation;
    }

    int source() {
        return source;
    }

    /** The other end of the relation from the node {@code node}. */
    int other(int node) {
        return node == source ? target : source;
    }
}

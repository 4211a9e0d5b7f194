package org.convergence.graph;

import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.convergence.lists.ListSource;

/** The sets of nodes that exposure paths lead to. */
public final class Targets {
    private static final Set<String> LISTS = Stream.of(ListSource.values()).map(ListSource::id).collect(Collectors.toUnmodifiableSet());

    private Targets() {}

    /**
     * Nodes that a Sanction of an official list's dataset names: a sanctions list, or a
     * research-security list (the Named Research Organizations, ASPI's tracker), whose listings are
     * Sanctions too. Sanctions in other datasets (FtM data from elsewhere) stay on the node's listings
     * but do not make it listed here.
     */
    public static Predicate<GraphNode> listed() {
        return node -> node.listings().stream().anyMatch(listing -> LISTS.contains(listing.dataset()));
    }

    /** Parties of the China–Russia defence nexus, as {@link ChinaRussiaNexus} defines it. */
    public static Predicate<GraphNode> chinaRussiaNexus() {
        return GraphNode::nexus;
    }

    /** Either: what a research-security officer checks a partner against. */
    public static Predicate<GraphNode> listedOrNexus() {
        return listed().or(chinaRussiaNexus());
    }
}

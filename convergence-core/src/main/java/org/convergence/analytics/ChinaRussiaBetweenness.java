package org.convergence.analytics;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jgrapht.Graph;
import org.jgrapht.Graphs;

/**
 * Betweenness restricted to the shortest paths from a set of sources to a set of targets, Brandes'
 * "betweenness with sources and targets" (U. Brandes, "On variants of shortest-path betweenness
 * centrality and their generic computation", Social Networks 30, 2008; NetworkX's
 * betweenness_centrality_subset): for each vertex, the share of the source–target pairs, other than
 * its own, whose shortest paths run through it, each pair's shortest paths weighing alike. Brandes'
 * accumulation from each source in turn, with only the targets' paths counted: O(|sources| · (n + m))
 * on an unweighted graph.
 */
final class ChinaRussiaBetweenness {
    private ChinaRussiaBetweenness() {}

    /** Every vertex's share; the sources and targets must be disjoint, as China's and Russia's parties are. */
    static <E> Map<String, Double> of(Graph<String, E> graph, Set<String> sources, Set<String> targets) {
        Map<String, Double> through = new HashMap<>();
        graph.vertexSet().forEach(vertex -> through.put(vertex, 0.0));
        for (String source : sources) {
            accumulate(graph, source, targets, through);
        }
        Map<String, Double> shares = new HashMap<>();
        through.forEach((vertex, pairs) -> {
            long others = (long) (sources.size() - (sources.contains(vertex) ? 1 : 0)) * (targets.size() - (targets.contains(vertex) ? 1 : 0));
            shares.put(vertex, others == 0 ? 0.0 : pairs / others);
        });
        return shares;
    }

    /** Adds, to each vertex, the share of the source's shortest paths to the targets that run through it. */
    private static <E> void accumulate(Graph<String, E> graph, String source, Set<String> targets, Map<String, Double> through) {
        Map<String, Integer> distance = new HashMap<>();
        Map<String, Long> paths = new HashMap<>();
        Map<String, List<String>> predecessors = new HashMap<>();
        Deque<String> byDistance = new ArrayDeque<>();
        Deque<String> queue = new ArrayDeque<>();
        distance.put(source, 0);
        paths.put(source, 1L);
        queue.add(source);
        while (!queue.isEmpty()) {
            String vertex = queue.poll();
            byDistance.push(vertex);
            for (E edge : graph.edgesOf(vertex)) {
                String next = Graphs.getOppositeVertex(graph, edge, vertex);
                if (!distance.containsKey(next)) {
                    distance.put(next, distance.get(vertex) + 1);
                    queue.add(next);
                }
                if (distance.get(next) == distance.get(vertex) + 1) {
                    paths.merge(next, paths.get(vertex), Long::sum);
                    predecessors.computeIfAbsent(next, key -> new ArrayList<>()).add(vertex);
                }
            }
        }
        Map<String, Double> dependency = new HashMap<>();
        while (!byDistance.isEmpty()) {
            String vertex = byDistance.pop();
            double beyond = dependency.getOrDefault(vertex, 0.0) + (targets.contains(vertex) ? 1 : 0);
            for (String predecessor : predecessors.getOrDefault(vertex, List.of())) {
                dependency.merge(predecessor, (double) paths.get(predecessor) / paths.get(vertex) * beyond, Double::sum);
            }
            if (!vertex.equals(source)) {
                through.merge(vertex, dependency.getOrDefault(vertex, 0.0), Double::sum);
            }
        }
    }
}

package org.convergence.graph;

import static java.util.Objects.requireNonNull;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Deque;
import java.util.EnumSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import org.convergence.ConvergenceException;
import org.convergence.ErrorCategory;
import org.convergence.graph.ExposurePath.Step;
import org.convergence.store.DatasetVersion;
import org.convergence.store.LatestVersionsCache;
import org.convergence.store.StatementStore;
import org.jgrapht.Graph;

/**
 * The exposure graph: who is tied to whom, by which relation, stated where. A projection in memory
 * (JGraphT) of the latest version of every dataset in the store: parties and events are its nodes,
 * relationship entities and the parties of events its relations, and Sanctions mark nodes as listed.
 * An event is one node tied to each of its parties, not a relation between every two of them: a
 * path then shows the event, with its sources, as the step between two parties, and an event of n
 * parties costs n relations rather than n².
 *
 * <p>Queries follow relations both ways (an asset reaches its owner, an owner its asset) and breadth
 * first, so the paths they find are the shortest. Each query is bounded ({@link Bounds}): in hops, in
 * paths, in relations followed from one node (a hub of 100,000 relations is not followed whole) and in
 * relations read in all; a query that reaches a bound says so. A node is visited once, so a cycle of
 * ownership ends the walk rather than repeating it; a relation of an entity to itself was left out when
 * the graph was built ({@link Summary#selfRelationsSkipped()}).
 *
 * <p>Immutable once built; safe to query from many threads.
 */
public final class ExposureGraph {

    /**
     * How far a query goes.
     *
     * @param maxHops relations from the start to a target, 1 to {@value #MAX_HOPS}
     * @param maxPaths paths returned; the query stops at the last
     * @param maxRelationsPerNode relations followed from one node; a hub's others are not followed
     * @param maxRelationsScanned relations read in all; the query stops there
     */
    public record Bounds(int maxHops, int maxPaths, int maxRelationsPerNode, int maxRelationsScanned) {
        public static final int MAX_HOPS = 6;
        /**
         * Three hops, ten paths, 5,000 relations followed from one node and 100,000 read in all: on a
         * graph of a million relations a query that finds nothing, and so reads the most, then stays
         * within a few tens of milliseconds (docs/BENCHMARKS.md).
         */
        public static final Bounds DEFAULT = new Bounds(3, 10, 5_000, 100_000);

        /** @throws ConvergenceException INVALID_INPUT when a bound is out of its range */
        public Bounds {
            if (maxHops < 1 || maxHops > MAX_HOPS) {
                throw new ConvergenceException(ErrorCategory.INVALID_INPUT, "hops: expected 1 to " + MAX_HOPS + ", got " + maxHops
                        + "; beyond a few hops nearly every party reaches every other through a state or a ministry");
            }
            if (maxPaths < 1 || maxRelationsPerNode < 1 || maxRelationsScanned < 1) {
                throw new ConvergenceException(ErrorCategory.INVALID_INPUT, "paths, relations per node and relations scanned must be at least 1, got "
                        + maxPaths + ", " + maxRelationsPerNode + ", " + maxRelationsScanned);
            }
        }

        public Bounds withMaxHops(int hops) {
            return new Bounds(hops, maxPaths, maxRelationsPerNode, maxRelationsScanned);
        }
    }

    /** A bound a query reached: what it returns is then not all there is. */
    public enum Bound {
        /** It found maxPaths paths and looked no further. */
        PATHS,
        /** A node had more relations than maxRelationsPerNode; the others were not followed. */
        RELATIONS_PER_NODE,
        /** It read maxRelationsScanned relations and stopped. */
        RELATIONS_SCANNED
    }

    /**
     * The shortest paths from a node to nodes of a target set, shortest first.
     *
     * @param start the node the paths start from
     * @param paths one path per target reached; a path of no hop when the start is itself a target
     * @param reached the bounds the query reached (none: every target within the hops was found)
     */
    public record Paths(GraphNode start, List<ExposurePath> paths, Set<Bound> reached) {
        public Paths {
            paths = List.copyOf(paths);
            reached = Collections.unmodifiableSet(reached.isEmpty() ? EnumSet.noneOf(Bound.class) : EnumSet.copyOf(reached));
        }
    }

    /**
     * The nodes within some hops of a node, and the relations between them that the walk followed.
     *
     * @param centre the node
     * @param nodes the centre first, then the others nearest first
     * @param relations the relations followed, each once
     * @param reached the bounds the walk reached
     */
    public record Neighbourhood(GraphNode centre, List<GraphNode> nodes, List<Relation> relations, Set<Bound> reached) {
        public Neighbourhood {
            nodes = List.copyOf(nodes);
            relations = List.copyOf(relations);
            reached = Collections.unmodifiableSet(reached.isEmpty() ? EnumSet.noneOf(Bound.class) : EnumSet.copyOf(reached));
        }
    }

    /**
     * What the graph holds, and what it left out.
     *
     * @param nodes parties, events and the other ends of relationship entities
     * @param relations relations between two nodes
     * @param listed nodes an official or research-security list names ({@link Targets#listed()})
     * @param nexus parties of the China–Russia defence nexus
     * @param selfRelationsSkipped relations of an entity to itself, left out
     * @param relationsOutOfStore relations to an entity in no latest version of the store, left out
     */
    public record Summary(int nodes, int relations, long listed, long nexus, int selfRelationsSkipped, int relationsOutOfStore) {}

    private final GraphNode[] nodes;
    /**
     * Each node's relations in the JGraphT graph, by node index: the graph's own edge sets, looked up
     * once here rather than by boxing and hashing the node on every step of a walk.
     */
    private final List<Set<Link>> outgoing;
    private final List<Set<Link>> incoming;
    private final Map<String, Integer> indexes;
    private final List<DatasetVersion> versions;
    private final Summary summary;
    /**
     * Each thread's marks of the nodes a walk has reached, as arrays the size of the graph, so that a
     * walk of 100,000 relations neither hashes nor allocates per node. A thread's arrays go with the
     * graph once it is replaced and no longer queried.
     */
    private final ThreadLocal<Marks> marks;

    ExposureGraph(Graph<Integer, Link> graph, List<GraphNode> nodes, Map<String, Integer> indexes, List<DatasetVersion> versions,
            Summary summary) {
        this.nodes = nodes.toArray(GraphNode[]::new);
        this.outgoing = new ArrayList<>(this.nodes.length);
        this.incoming = new ArrayList<>(this.nodes.length);
        for (int node = 0; node < this.nodes.length; node++) {
            outgoing.add(graph.outgoingEdgesOf(node));
            incoming.add(graph.incomingEdgesOf(node));
        }
        this.indexes = indexes;
        this.versions = List.copyOf(versions);
        this.summary = summary;
        this.marks = ThreadLocal.withInitial(() -> new Marks(this.nodes.length));
    }

    /** Builds the graph of the latest version of every dataset in the store. */
    public static ExposureGraph build(StatementStore store) {
        List<DatasetVersion> versions = store.latestVersions();
        GraphBuilder builder = new GraphBuilder();
        for (DatasetVersion version : versions) {
            store.forEachEntity(version, entity -> builder.add(entity, version));
        }
        return builder.build(versions);
    }

    /** The graph of the store, rebuilt when a dataset gets a new version (see {@link LatestVersionsCache}). */
    public static LatestVersionsCache<ExposureGraph> following(StatementStore store) {
        return new LatestVersionsCache<>(store, ExposureGraph::build);
    }

    public Optional<GraphNode> node(String id) {
        Integer index = indexes.get(id);
        return index == null ? Optional.empty() : Optional.of(nodes[index]);
    }

    /** The dataset versions the graph was built from. */
    public List<DatasetVersion> versions() {
        return versions;
    }

    public Summary summary() {
        return summary;
    }

    /**
     * The shortest paths, within the bounds, from a node to nodes that {@code targets} accepts. A
     * path ends at the first target it meets: it does not go on through one target to another.
     *
     * @throws ConvergenceException NOT_FOUND when the graph has no node of that id
     */
    public Paths paths(String fromId, Predicate<GraphNode> targets, Bounds bounds) {
        int start = require(fromId);
        requireNonNull(targets, "targets is null");
        Walk walk = new Walk(bounds);
        List<ExposurePath> found = new ArrayList<>();
        if (targets.test(nodes[start])) {
            found.add(new ExposurePath(List.of(new Step(nodes[start], null, false))));
            if (found.size() == bounds.maxPaths()) {
                walk.reached.add(Bound.PATHS);
                return new Paths(nodes[start], found, walk.reached);
            }
        }
        Marks marked = marks.get().reset(start);
        IntList layer = IntList.of(start);
        for (int hop = 1; hop <= bounds.maxHops() && layer.size() > 0; hop++) {
            IntList next = new IntList();
            for (int i = 0; i < layer.size(); i++) {
                int from = layer.get(i);
                int allowed = walk.allowance(from);
                int followed = 0;
                for (int direction = 0; direction < 2; direction++) {
                    for (Link link : direction == 0 ? outgoing.get(from) : incoming.get(from)) {
                        if (followed++ >= allowed) {
                            break;
                        }
                        int other = link.other(from);
                        if (!marked.mark(other, from, link)) {
                            continue;
                        }
                        if (!targets.test(nodes[other])) {
                            next.add(other);
                        } else if (found.add(path(other, marked)) && found.size() == bounds.maxPaths()) {
                            walk.reached.add(Bound.PATHS);
                            return new Paths(nodes[start], found, walk.reached);
                        }
                    }
                }
                if (walk.exhausted()) {
                    return new Paths(nodes[start], found, walk.reached);
                }
            }
            layer = next;
        }
        return new Paths(nodes[start], found, walk.reached);
    }

    /**
     * The nodes within {@code hops} (1 or 2) of a node and the relations followed to them, within the
     * bounds' relations per node and relations scanned.
     *
     * @throws ConvergenceException NOT_FOUND when the graph has no node of that id; INVALID_INPUT for other hops
     */
    public Neighbourhood neighbourhood(String id, int hops, Bounds bounds) {
        int centre = require(id);
        if (hops < 1 || hops > 2) {
            throw new ConvergenceException(ErrorCategory.INVALID_INPUT, "neighbourhood hops: expected 1 or 2, got " + hops
                    + "; for farther nodes ask for paths to a target set");
        }
        Walk walk = new Walk(bounds);
        Marks marked = marks.get().reset(centre);
        List<GraphNode> found = new ArrayList<>(List.of(nodes[centre]));
        Set<Link> followed = Collections.newSetFromMap(new IdentityHashMap<>());
        List<Relation> relations = new ArrayList<>();
        IntList layer = IntList.of(centre);
        for (int hop = 1; hop <= hops && layer.size() > 0 && !walk.exhausted(); hop++) {
            IntList next = new IntList();
            for (int i = 0; i < layer.size(); i++) {
                int from = layer.get(i);
                int allowed = walk.allowance(from);
                int taken = 0;
                for (int direction = 0; direction < 2; direction++) {
                    for (Link link : direction == 0 ? outgoing.get(from) : incoming.get(from)) {
                        if (taken++ >= allowed) {
                            break;
                        }
                        if (followed.add(link)) {
                            relations.add(link.relation());
                        }
                        int other = link.other(from);
                        if (marked.mark(other, from, link)) {
                            found.add(nodes[other]);
                            next.add(other);
                        }
                    }
                }
            }
            layer = next;
        }
        return new Neighbourhood(nodes[centre], found, relations, walk.reached);
    }

    private int require(String id) {
        Integer index = indexes.get(id);
        if (index == null) {
            throw new ConvergenceException(ErrorCategory.NOT_FOUND, "no entity '" + id + "' in the exposure graph: it is in no latest "
                    + "dataset version, or it is neither a party, an event nor the end of a relation (a Sanction or an address is no node)");
        }
        return index;
    }

    /** The path from the walk's start to {@code target}, read back along the marks. */
    private ExposurePath path(int target, Marks marked) {
        Deque<Step> steps = new ArrayDeque<>();
        steps.push(new Step(nodes[target], null, false));
        for (int node = target; marked.via(node) != null; node = marked.from(node)) {
            Link link = marked.via(node);
            int from = marked.from(node);
            steps.push(new Step(nodes[from], link.relation(), link.source() == from));
        }
        return new ExposurePath(List.copyOf(steps));
    }

    /** The relations a walk may still follow, counted against its bounds, and the bounds it reached. Not thread-safe: one per query. */
    private final class Walk {
        private final Bounds bounds;
        private final Set<Bound> reached = EnumSet.noneOf(Bound.class);
        private int scanned;

        Walk(Bounds bounds) {
            this.bounds = requireNonNull(bounds, "bounds is null");
        }

        /** How many of the node's relations, outgoing first, the walk follows; they count as read. */
        int allowance(int node) {
            int total = outgoing.get(node).size() + incoming.get(node).size();
            int remaining = bounds.maxRelationsScanned() - scanned;
            if (total > bounds.maxRelationsPerNode()) {
                reached.add(Bound.RELATIONS_PER_NODE);
            }
            if (Math.min(total, bounds.maxRelationsPerNode()) > remaining) {
                reached.add(Bound.RELATIONS_SCANNED);
            }
            int allowed = Math.min(total, Math.min(bounds.maxRelationsPerNode(), remaining));
            scanned += allowed;
            return allowed;
        }

        /** True once the walk has read as many relations as it may; it says so in the bounds reached. */
        boolean exhausted() {
            if (scanned < bounds.maxRelationsScanned()) {
                return false;
            }
            reached.add(Bound.RELATIONS_SCANNED);
            return true;
        }
    }

    /**
     * The nodes one walk has reached, and how: a generation number per node rather than a set, so
     * that starting a walk costs nothing however large the graph.
     */
    private static final class Marks {
        private final int[] generation;
        private final int[] from;
        private final Link[] via;
        private int current;

        Marks(int size) {
            generation = new int[size];
            from = new int[size];
            via = new Link[size];
        }

        /** Starts a walk from {@code start}: every node unreached but the start. */
        Marks reset(int start) {
            if (++current == Integer.MAX_VALUE) {
                Arrays.fill(generation, 0);
                current = 1;
            }
            generation[start] = current;
            via[start] = null;
            return this;
        }

        /** Marks {@code node} as reached from {@code previous} by {@code link}; false when it was reached already. */
        boolean mark(int node, int previous, Link link) {
            if (generation[node] == current) {
                return false;
            }
            generation[node] = current;
            from[node] = previous;
            via[node] = link;
            return true;
        }

        int from(int node) {
            return from[node];
        }

        Link via(int node) {
            return via[node];
        }
    }

    /** A growable list of ints, for the layers of a walk without boxing. */
    private static final class IntList {
        private int[] values = new int[16];
        private int size;

        static IntList of(int value) {
            IntList list = new IntList();
            list.add(value);
            return list;
        }

        void add(int value) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = value;
        }

        int get(int index) {
            return values[index];
        }

        int size() {
            return size;
        }
    }
}

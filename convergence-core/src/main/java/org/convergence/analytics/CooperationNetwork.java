package org.convergence.analytics;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.jgrapht.Graph;
import org.jgrapht.Graphs;
import org.jgrapht.alg.clustering.LabelPropagationClustering;
import org.jgrapht.alg.clustering.UndirectedModularityMeasurer;
import org.jgrapht.alg.scoring.BetweennessCentrality;
import org.jgrapht.graph.SimpleGraph;

/**
 * The co-operation network of a set of curated events: the parties that take part in them are its
 * nodes, and two parties that take part in the same events are tied once, the tie weighing as many
 * events as they share and naming them. An event's authorities, and the governments that designate
 * or assess, observe and take no part ({@link org.convergence.graph.CooperationEventParties}, the
 * rule the China–Russia nexus follows too). SIPRI's transfers are left out: they tie only SIPRI's own
 * entity of the Russian (or Soviet) state to its entity of the Chinese, an island of two nodes apart
 * from the evidence base's parties, which would broker nothing.
 *
 * <p>Brokers and communities are computed once, when the network is built. Both read the network
 * unweighted, a tie as one step whatever its weight: a weight counts the events the curators recorded
 * for a pair, which says more about how much was written about the pair than about how close it is.
 * Immutable; thread-safe.
 */
public final class CooperationNetwork {
    /** The seed of the community detection's random order of visits: the same network gives the same communities. */
    private static final long COMMUNITY_SEED = 13;

    /** Which side of the co-operation a party is on, by the countries its entity states. */
    public enum Side {
        CHINA, RUSSIA, OTHER;

        /**
         * Hong Kong and Macao count as China: the designations of the evidence base name firms of
         * Hong Kong among China's suppliers of Russia, as the lists that designate them do.
         */
        private static final Set<String> CHINESE = Set.of("cn", "hk", "mo");
        /** FtM's code of the Soviet Union, "suhh", counts as Russia, as SIPRI's Soviet Union does. */
        private static final Set<String> RUSSIAN = Set.of("ru", "suhh");

        /** The side of a party of these countries; a party of both, or of neither, is on neither side. */
        static Side of(Collection<String> countries) {
            boolean chinese = countries.stream().anyMatch(CHINESE::contains);
            boolean russian = countries.stream().anyMatch(RUSSIAN::contains);
            return chinese == russian ? OTHER : chinese ? CHINA : RUSSIA;
        }
    }

    /**
     * A node: a party of the evidence base.
     *
     * @param id the entity id
     * @param name its caption
     * @param schema its FtM schema (Organization, Company, PublicBody, Person ...)
     * @param side China, Russia or neither, by its country or jurisdiction
     */
    public record Party(String id, String name, String schema, Side side) {
        public Party {
            requireNonNull(id, "id is null");
            requireNonNull(name, "name is null");
            requireNonNull(schema, "schema is null");
            requireNonNull(side, "side is null");
        }
    }

    /**
     * A tie between two parties: the events both take part in.
     *
     * @param one the party whose id sorts first
     * @param other the other party
     * @param events the ids of the events they share, sorted: where a reader checks the tie's sources
     */
    public record Tie(String one, String other, List<String> events) {
        public Tie {
            if (one.compareTo(other) >= 0) {
                throw new IllegalArgumentException("a tie's ends must be two parties, the first sorting first; got '" + one + "' and '" + other + "'");
            }
            events = List.copyOf(events);
        }

        /** The number of events the two share. */
        public int weight() {
            return events.size();
        }
    }

    /**
     * A party as a broker of the network.
     *
     * @param party the party
     * @param chinaRussiaBetweenness the share of the pairs of a Chinese and a Russian party (other than
     *     itself) whose shortest paths run through it: how much it brokers between the two sides
     * @param betweenness the share of all pairs of other parties whose shortest paths run through it
     *     (JGraphT's betweenness centrality, Brandes' algorithm, over the pairs)
     * @param degree the parties it is tied to
     * @param chineseNeighbours of these, the Chinese parties
     * @param russianNeighbours of these, the Russian parties
     */
    public record Broker(Party party, double chinaRussiaBetweenness, double betweenness, int degree, int chineseNeighbours, int russianNeighbours) {}

    /**
     * A community of the network: parties more tied to each other than to the rest.
     *
     * @param number its rank, from 1, largest first
     * @param members its parties, those with the most ties first
     */
    public record Community(int number, List<Party> members) {
        public Community {
            members = List.copyOf(members);
        }

        public int size() {
            return members.size();
        }

        public long count(Side side) {
            return members.stream().filter(member -> member.side() == side).count();
        }

        /** The share of its members on this side, 0 to 1. */
        public double share(Side side) {
            return (double) count(side) / members.size();
        }

        /** Its first {@code limit} members, those with the most ties. */
        public List<Party> largest(int limit) {
            return members.subList(0, Math.min(limit, members.size()));
        }
    }

    /** The parties that take part in one event, as the network is built from them. */
    record Participation(String eventId, List<String> partyIds) {
        Participation {
            requireNonNull(eventId, "eventId is null");
            partyIds = List.copyOf(partyIds);
        }
    }

    private final List<String> events;
    private final SortedMap<String, Party> parties;
    private final List<Tie> ties;
    private final List<Broker> brokers;
    private final List<Community> communities;
    private final double modularity;

    private CooperationNetwork(List<String> events, SortedMap<String, Party> parties, Graph<String, Tie> graph) {
        this.events = List.copyOf(events);
        this.parties = parties;
        this.ties = List.copyOf(graph.edgeSet());
        this.brokers = brokers(graph);
        this.communities = communities(graph);
        this.modularity = ties.isEmpty() ? 0 : new UndirectedModularityMeasurer<>(graph)
                .modularity(communities.stream().map(community -> community.members().stream().map(Party::id).collect(Collectors.toSet())).toList());
    }

    /**
     * The network of these events. A party named twice in one event, or in two of its roles, takes
     * part once: no party is tied to itself. A party the directory lacks keeps its id as its name.
     */
    static CooperationNetwork of(List<Participation> participations, Map<String, Party> directory) {
        SortedMap<String, Party> parties = new TreeMap<>();
        SortedMap<String, SortedMap<String, SortedSet<String>>> shared = new TreeMap<>();
        for (Participation participation : participations) {
            List<String> ids = List.copyOf(new LinkedHashSet<>(participation.partyIds()));
            for (String id : ids) {
                // An id missing from the store's evidence is a party of unknown kind: FtM's most general one.
                parties.computeIfAbsent(id, key -> directory.getOrDefault(key, new Party(key, key, "LegalEntity", Side.OTHER)));
            }
            for (int i = 0; i < ids.size(); i++) {
                for (int j = i + 1; j < ids.size(); j++) {
                    String one = ids.get(i).compareTo(ids.get(j)) < 0 ? ids.get(i) : ids.get(j);
                    String other = one.equals(ids.get(i)) ? ids.get(j) : ids.get(i);
                    shared.computeIfAbsent(one, key -> new TreeMap<>()).computeIfAbsent(other, key -> new TreeSet<>()).add(participation.eventId());
                }
            }
        }
        // Vertices and edges go in sorted, so that JGraphT's iteration, and with it every result, is the same on every run.
        Graph<String, Tie> graph = new SimpleGraph<>(null, null, false);
        parties.keySet().forEach(graph::addVertex);
        shared.forEach((one, others) -> others.forEach((other, events) -> graph.addEdge(one, other, new Tie(one, other, List.copyOf(events)))));
        return new CooperationNetwork(participations.stream().map(Participation::eventId).toList(), parties, graph);
    }

    /** The ids of the events it was built from, each counted whether or not it ties two parties. */
    public List<String> events() {
        return events;
    }

    /** Its parties, by id. */
    public List<Party> parties() {
        return List.copyOf(parties.values());
    }

    /** Its ties, by the ids of their ends. */
    public List<Tie> ties() {
        return ties;
    }

    /**
     * Every party as a broker: those that broker most between China and Russia first, then by their
     * betweenness over all pairs, then by name.
     */
    public List<Broker> brokers() {
        return brokers;
    }

    /** Its communities, largest first; each party is in exactly one. */
    public List<Community> communities() {
        return communities;
    }

    /**
     * Newman's modularity of the communities, -0.5 to 1: the share of ties within communities less the
     * share expected if the same parties were tied at random (Newman and Girvan, 2004, found 0.3 to 0.7
     * in networks with a clear community structure); 0 for a network without ties.
     */
    public double modularity() {
        return modularity;
    }

    /**
     * Betweenness over all pairs (JGraphT) and over the pairs of a Chinese and a Russian party. The
     * second is the one brokers are ranked by: the question is who stands between the two sides, and
     * betweenness over all pairs also rewards a party that stands between two Russian firms, or
     * between two Western governments.
     */
    private List<Broker> brokers(Graph<String, Tie> graph) {
        int n = graph.vertexSet().size();
        double pairs = (double) (n - 1) * (n - 2) / 2;
        Map<String, Double> betweenness = new BetweennessCentrality<>(graph, false).getScores();
        Set<String> chinese = side(Side.CHINA);
        Set<String> russian = side(Side.RUSSIA);
        Map<String, Double> chinaRussia = ChinaRussiaBetweenness.of(graph, chinese, russian);
        List<Broker> ranked = new ArrayList<>();
        for (Party party : parties.values()) {
            List<String> neighbours = Graphs.neighborListOf(graph, party.id());
            ranked.add(new Broker(party, chinaRussia.get(party.id()), pairs > 0 ? betweenness.get(party.id()) / pairs : 0, neighbours.size(),
                    (int) neighbours.stream().filter(chinese::contains).count(), (int) neighbours.stream().filter(russian::contains).count()));
        }
        ranked.sort(Comparator.comparingDouble(Broker::chinaRussiaBetweenness).reversed()
                .thenComparing(Comparator.comparingDouble(Broker::betweenness).reversed())
                .thenComparing(broker -> broker.party().name()).thenComparing(broker -> broker.party().id()));
        return List.copyOf(ranked);
    }

    private Set<String> side(Side side) {
        return parties.values().stream().filter(party -> party.side() == side).map(Party::id).collect(Collectors.toUnmodifiableSet());
    }

    /**
     * Communities by label propagation (Raghavan, Albert and Kumara, 2007, as JGraphT implements it:
     * each party takes the label most of its neighbours carry, until none changes; near-linear time),
     * with a fixed seed for its random order of visits.
     */
    private List<Community> communities(Graph<String, Tie> graph) {
        List<List<Party>> found = new ArrayList<>();
        for (Set<String> cluster : new LabelPropagationClustering<>(graph, new Random(COMMUNITY_SEED)).getClustering()) {
            found.add(cluster.stream().map(parties::get)
                    .sorted(Comparator.comparingInt((Party party) -> graph.degreeOf(party.id())).reversed().thenComparing(Party::name).thenComparing(Party::id))
                    .toList());
        }
        found.sort(Comparator.comparingInt((List<Party> members) -> members.size()).reversed().thenComparing(members -> members.get(0).id()));
        List<Community> numbered = new ArrayList<>();
        for (List<Party> members : found) {
            numbered.add(new Community(numbered.size() + 1, members));
        }
        return List.copyOf(numbered);
    }
}

package org.convergence.exposure;

import static java.util.Objects.requireNonNull;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.convergence.ConvergenceException;
import org.convergence.ErrorCategory;
import org.convergence.graph.ExposureGraph;
import org.convergence.graph.ExposurePath;
import org.convergence.graph.GraphNode;
import org.convergence.graph.Relation;
import org.convergence.graph.Targets;
import org.convergence.model.ConvergenceModel;
import org.convergence.screening.Scope;
import org.convergence.screening.Screener;
import org.convergence.screening.ScreeningIndex;
import org.convergence.screening.Thresholds;
import org.convergence.screening.audit.AuditedResult;
import org.convergence.screening.audit.AuditedScreener;
import org.convergence.screening.audit.Requester;

/**
 * The exposure check of one partner: its affiliation read into units, each unit that can name an
 * organisation screened through the audit log, and from every match the paths of the exposure graph,
 * within a few hops, to a listed party or a party of the China–Russia defence nexus. A listed party a
 * path reaches is also looked up on the other lists by its names, and an entry that writes one of them
 * alike is taken for the same party (ASPI's Harbin Engineering University is the Named Research
 * Organization of that name), so that a lab's path ends at the list that names its parent. Thread-safe.
 */
public final class ExposureCheck {
    /** Results per screened unit: the best few, for a unit may name a lab and its parent alike. */
    private static final int RESULTS_PER_UNIT = 3;
    /** Matched parties followed per partner, best first. */
    private static final int MAX_MATCHES = 5;
    /** Names of a listed party sent to look it up on the other lists. */
    private static final int SAME_PARTY_NAMES = 4;
    /** Results of that lookup: the party's own entry and its entries in unlisted data come first. */
    private static final int SAME_PARTY_RESULTS = 10;

    private final Screener screener;
    private final AuditedScreener audited;
    private final Supplier<ExposureGraph> graph;
    private final ResearchAreas areas;
    /** The same party on other lists, by node, for the graph it was found in: a listed party is reached by many partners. */
    private final AtomicReference<SameParties> sameParties = new AtomicReference<>(new SameParties(null, new ConcurrentHashMap<>()));

    /**
     * How to check.
     *
     * @param scope the lists screened against
     * @param thresholds the match threshold and cutoff of screening
     * @param requester who checks, and in which workspace, for the audit log
     * @param hops the most relations a path follows (1 to {@link ExposureGraph.Bounds#MAX_HOPS})
     * @param paths the most paths per matched party
     */
    public record Settings(Scope.Spec scope, Thresholds thresholds, Requester requester, int hops, int paths) {
        public static final int DEFAULT_HOPS = 3;
        public static final int DEFAULT_PATHS = 5;

        public Settings {
            requireNonNull(scope, "scope is null");
            requireNonNull(thresholds, "thresholds is null");
            requireNonNull(requester, "requester is null");
            if (hops < 1 || hops > ExposureGraph.Bounds.MAX_HOPS) {
                throw new ConvergenceException(ErrorCategory.INVALID_INPUT, "hops: expected 1 to " + ExposureGraph.Bounds.MAX_HOPS + ", got " + hops);
            }
            if (paths < 1 || paths > 50) {
                throw new ConvergenceException(ErrorCategory.INVALID_INPUT, "paths per match: expected 1 to 50, got " + paths);
            }
        }

        ExposureGraph.Bounds bounds() {
            return new ExposureGraph.Bounds(hops, paths, ExposureGraph.Bounds.DEFAULT.maxRelationsPerNode(),
                    ExposureGraph.Bounds.DEFAULT.maxRelationsScanned());
        }
    }

    private record SameParty(GraphNode node, double score, String names) {}

    /** What {@link #sameParty} found for one graph; a new graph starts afresh. */
    private record SameParties(ExposureGraph graph, Map<String, List<SameParty>> byNode) {}

    private record Match(Screener.Result result, String unit, Affiliation.Kind kind) {}

    public ExposureCheck(Screener screener, AuditedScreener audited, Supplier<ExposureGraph> graph, ConvergenceModel model) {
        this.screener = requireNonNull(screener, "screener is null");
        this.audited = requireNonNull(audited, "audited is null");
        this.graph = requireNonNull(graph, "graph is null");
        this.areas = ResearchAreas.standard();
    }

    /**
     * Checks one partner.
     *
     * @param row the input row, 1 for the first
     * @param location where it is, for the audit log: "partners.csv row 17"
     * @param query the partner: its name or affiliation in {@code name}, optionally {@code country}; a
     *     Person is screened by its name whole, anything else read as an affiliation
     * @return the finding; a query that cannot be screened (no name) is a finding with its error
     */
    public Exposure check(long row, String location, Screener.Query query, Settings settings) {
        List<String> names = query.properties().getOrDefault("name", List.of()).stream().filter(name -> name != null && !name.isBlank()).toList();
        String input = String.join("; ", names);
        if (names.isEmpty()) {
            return Exposure.notChecked(row, input, "the row has no name or affiliation to check: map the partner's column with --column name=COLUMN");
        }
        boolean person = query.schema() != null && query.schema().equals("Person");
        List<Affiliation.Unit> units = new ArrayList<>();
        List<Match> matches = new ArrayList<>();
        List<Long> requests = new ArrayList<>();
        for (String name : names) {
            Affiliation affiliation = person ? new Affiliation(name, List.of(new Affiliation.Unit(name, Affiliation.Kind.OTHER)), null)
                    : Affiliation.parse(name);
            units.addAll(affiliation.units());
            String country = affiliation.country() != null ? affiliation.country() : first(query, "country");
            for (Affiliation.Unit unit : person ? affiliation.units() : affiliation.screenedUnits()) {
                Map<String, List<String>> properties = new LinkedHashMap<>();
                properties.put("name", List.of(unit.text()));
                if (country != null) {
                    properties.put(person ? "nationality" : "country", List.of(country));
                }
                Screener.Query unitQuery = new Screener.Query(query.id(), person ? "Person" : "Organization", properties);
                try {
                    AuditedScreener.Screening screening = audited.screen(unitQuery, settings.scope(), RESULTS_PER_UNIT, settings.thresholds(),
                            settings.requester(), location + " unit '" + unit.text() + "' (" + unit.kind().name().toLowerCase(Locale.ROOT) + ")");
                    requests.add(screening.requestId());
                    screening.raised().stream().map(AuditedResult::result).filter(result -> result.score().match())
                            .forEach(result -> matches.add(new Match(result, unit.text(), unit.kind())));
                } catch (ConvergenceException e) {
                    if (e.category() != ErrorCategory.INVALID_INPUT) {
                        throw e;
                    }
                    // a unit that is no name at all (punctuation, a lone number) is not screened; the others still are
                }
            }
        }
        return assess(row, input, best(matches), units, requests, settings);
    }

    /** The best match of each matched party, best first, at most {@link #MAX_MATCHES}. */
    private static List<Match> best(List<Match> matches) {
        Map<String, Match> byId = new LinkedHashMap<>();
        for (Match match : matches) {
            byId.merge(match.result().entity().screened().id(), match,
                    (a, b) -> a.result().score().score() >= b.result().score().score() ? a : b);
        }
        return byId.values().stream().sorted(Comparator.comparingDouble((Match match) -> match.result().score().score()).reversed())
                .limit(MAX_MATCHES).toList();
    }

    private Exposure assess(long row, String input, List<Match> matches, List<Affiliation.Unit> units, List<Long> requests, Settings settings) {
        ExposureGraph current = graph.get();
        Predicate<GraphNode> listed = Targets.listed();
        Exposure.Tier tier = Exposure.Tier.CLEAR;
        List<String> reasons = new ArrayList<>();
        List<Exposure.Path> paths = new ArrayList<>();
        Set<String> reached = new LinkedHashSet<>();
        Set<String> matchedIds = new HashSet<>();
        matches.forEach(match -> matchedIds.add(match.result().entity().screened().id()));
        for (Match match : matches) {
            String id = match.result().entity().screened().id();
            GraphNode node = current.node(id).orElse(null);
            String matched = "'%s' matches %s (%s, score %.2f)".formatted(match.unit(), match.result().entity().screened().caption(),
                    match.result().entity().version().dataset(), match.result().score().score());
            if (node == null) {
                reasons.add(matched + ", which the graph does not hold yet (it is rebuilt after an import)");
                continue;
            }
            reached.add(id);
            if (listed.test(node)) {
                tier = Exposure.Tier.LISTED;
                reasons.add(matched + ", listed by " + listings(node) + ".");
                List<Exposure.Step> steps = new ArrayList<>();
                steps.add(step(node, match, null, false));
                paths.add(withSameParty(current, steps, node, reached, matchedIds));
                continue;
            }
            // a party of the nexus is its own path: the walk would only look past it for more of the nexus
            ExposureGraph.Paths found = node.nexus() ? new ExposureGraph.Paths(node, List.of(new ExposurePath(List.of(new ExposurePath.Step(node,
                    null, false)))), Set.of()) : current.paths(id, Targets.listedOrNexus(), settings.bounds());
            if (found.paths().isEmpty()) {
                reasons.add(matched + ", with no path within " + settings.hops() + " hops to a listed party or the China–Russia defence nexus.");
                continue;
            }
            if (tier == Exposure.Tier.CLEAR) {
                tier = Exposure.Tier.LINKED;
            }
            for (ExposurePath path : found.paths()) {
                List<Exposure.Step> steps = new ArrayList<>();
                for (int i = 0; i < path.steps().size(); i++) {
                    ExposurePath.Step step = path.steps().get(i);
                    steps.add(step(step.node(), i == 0 ? match : null, step.relation(), step.outgoing()));
                    reached.add(step.node().id());
                }
                GraphNode target = path.target();
                reasons.add(matched + ", " + (path.hops() == 0 ? "itself" : describe(path)) + ": "
                        + (listed.test(target) ? "listed by " + listings(target) : "a party of the China–Russia defence nexus") + ".");
                paths.add(listed.test(target) ? withSameParty(current, steps, target, reached, matchedIds) : new Exposure.Path(steps));
            }
        }
        if (matches.isEmpty()) {
            reasons.add("No unit of the input matches a party of the lists screened.");
        }
        paths.sort(Comparator.comparingInt(path -> path.steps().size()));
        return new Exposure(row, input, tier, reasons, paths, List.copyOf(areas(reached)), units, requests, null);
    }

    /** The path, extended by the same party on other lists where its last step is listed. */
    private Exposure.Path withSameParty(ExposureGraph current, List<Exposure.Step> steps, GraphNode listedNode, Set<String> reached,
            Set<String> matchedIds) {
        // a party the partner matched itself has a path of its own
        List<SameParty> same = sameParty(current, listedNode).stream().filter(other -> !matchedIds.contains(other.node().id())).toList();
        if (same.isEmpty()) {
            return new Exposure.Path(steps);
        }
        List<Exposure.Step> extended = new ArrayList<>(steps.subList(0, steps.size() - 1));
        Exposure.Step last = steps.getLast();
        SameParty first = same.getFirst();
        extended.add(new Exposure.Step(last.id(), last.caption(), last.names(), last.schema(), last.dataset(), last.listed(), last.nexus(), last.score(),
                last.matched(), new Exposure.Link("the same party on another list (the same name, score %.2f)".formatted(first.score()),
                        Exposure.Link.SAME_PARTY, false, List.of(), List.of(), List.of(first.names()), null, null)));
        extended.add(step(first.node(), null, null, false));
        reached.add(first.node().id());
        return new Exposure.Path(extended);
    }

    /** The party's entries on the other lists, found by its names, best first. */
    private List<SameParty> sameParty(ExposureGraph current, GraphNode node) {
        SameParties cache = sameParties.updateAndGet(kept -> kept.graph() == current ? kept : new SameParties(current, new ConcurrentHashMap<>()));
        return cache.byNode().computeIfAbsent(node.id(), id -> {
            List<String> names = node.names().stream().limit(SAME_PARTY_NAMES).toList();
            if (names.isEmpty()) {
                return List.of();
            }
            Screener.Query query = new Screener.Query(id, node.schema(), Map.of("name", names));
            List<SameParty> found = new ArrayList<>();
            try {
                for (Screener.Result result : screener.match(query, screener.scope(Scope.Spec.of(Scope.ALL)), SAME_PARTY_RESULTS, screener.thresholds())) {
                    ScreeningIndex.Indexed entity = result.entity();
                    if (!result.score().match() || entity.version().dataset().equals(node.version().dataset())) {
                        continue;
                    }
                    // one party on two lists only where a name is written alike: a close score alone joins Harbin Institute of
                    // Technology to Harbin University of Science and Technology
                    String same = sharedName(node.names(), current.node(entity.screened().id()).map(GraphNode::names).orElse(List.of()));
                    if (same != null) {
                        current.node(entity.screened().id()).filter(Targets.listed()).ifPresent(other -> found.add(new SameParty(other,
                                result.score().score(), "'%s' on both lists".formatted(same))));
                    }
                }
            } catch (ConvergenceException e) {
                return List.of(); // a node the screener cannot read as a query (no usable name): no same party
            }
            return List.copyOf(found);
        });
    }

    /** A name both lists write alike (letters and digits, case aside), or null. */
    private static String sharedName(List<String> names, List<String> others) {
        Set<String> keys = new HashSet<>();
        others.forEach(other -> keys.add(nameKey(other)));
        return names.stream().filter(name -> !nameKey(name).isEmpty() && keys.contains(nameKey(name))).findFirst().orElse(null);
    }

    /** A name as compared across lists: its letters and digits, lower case, in NFKC form. */
    static String nameKey(String name) {
        return Normalizer.normalize(name, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", "");
    }

    private Set<String> areas(Set<String> ids) {
        ScreeningIndex index = screener.current();
        List<String> topics = new ArrayList<>();
        for (String id : ids) {
            index.get(id).ifPresent(entity -> topics.addAll(entity.properties().getOrDefault("keywords", List.of())));
        }
        return areas.of(topics);
    }

    private static Exposure.Step step(GraphNode node, Match match, Relation relation, boolean outgoing) {
        Exposure.Link link = relation == null ? null : new Exposure.Link(relation.label(), relation.schema(), outgoing, relation.sources().urls(),
                relation.sources().publishers(), relation.sources().records(), relation.startDate(), relation.endDate());
        return new Exposure.Step(node.id(), node.caption(), node.names(), node.schema(), node.version().dataset(), Targets.listed().test(node),
                node.nexus(), match == null ? null : match.result().score().score(), match == null ? null : match.unit(), link);
    }

    /** "belongs to (major defence laboratory) Harbin Institute of Technology (aspi-unitracker)". */
    private static String describe(ExposurePath path) {
        List<String> parts = new ArrayList<>();
        for (int i = 0; i + 1 < path.steps().size(); i++) {
            ExposurePath.Step step = path.steps().get(i);
            GraphNode next = path.steps().get(i + 1).node();
            String other = next.caption() + " (" + next.version().dataset() + ")";
            parts.add(step.outgoing() || !step.relation().directed() ? step.relation().label() + " " + other
                    : "is tied to " + other + " as the other end of '" + step.relation().label() + "'");
        }
        return "which " + String.join(", which ", parts);
    }

    private static String listings(GraphNode node) {
        return node.listings().stream().map(listing -> listing.authorities().isEmpty() ? listing.dataset()
                : String.join(", ", listing.authorities()) + " (" + listing.dataset() + ")").distinct().reduce((a, b) -> a + "; " + b).orElse("a list");
    }

    private static String first(Screener.Query query, String property) {
        List<String> values = query.properties().getOrDefault(property, List.of());
        return values.isEmpty() ? null : values.getFirst();
    }
}

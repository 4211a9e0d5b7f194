package org.convergence.analytics;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import org.convergence.graph.CooperationEventParties;
import org.convergence.model.Datasets;
import org.convergence.model.Entity;
import org.convergence.store.StatementStore;
import org.convergence.trade.SipriTradeRegisterReader;

/**
 * Convergence analytics over the curated events and the SIPRI transfers between Russia (or the USSR)
 * and China: the domain × year matrix, the direction of flows per period, breadth (domains active
 * per year), the parties present in the most domains, and the co-operation network of the curated
 * events ({@link CooperationNetwork}: brokers by betweenness, communities), whole or by period.
 * Immutable; thread-safe.
 */
public final class ConvergenceAnalytics {

    /**
     * The periods the workbench and {@code analytics flows} show by default: from the end of the Soviet
     * Union, from 2000 (Putin's first term; the Treaty of Good-Neighbourliness followed in 2001), from 2014
     * (Crimea, and the first Western sanctions) and from 2022 (the full-scale invasion of Ukraine).
     */
    public static final List<Integer> PERIOD_STARTS = List.of(1991, 2000, 2014, 2022);

    /** A curated event: its flow, and the parties that take part in it (its authorities and observers left out). */
    private record CuratedEvent(Flow flow, List<String> partyIds) {}

    private final List<Flow> flows;
    private final List<CuratedEvent> curated;
    private final Map<String, CooperationNetwork.Party> parties;

    private ConvergenceAnalytics(List<Flow> flows, List<CuratedEvent> curated, Map<String, CooperationNetwork.Party> parties) {
        this.flows = List.copyOf(flows);
        this.curated = List.copyOf(curated);
        this.parties = Map.copyOf(parties);
    }

    /**
     * Reads the latest versions of the 'evidence' and 'sipri' datasets (either may be absent). When
     * the SIPRI register is loaded, curated events whose only source is SIPRI's database are left out
     * of the flows, since the register counts those deals already; the co-operation network, which
     * leaves the register out, keeps them.
     */
    public static ConvergenceAnalytics fromStore(StatementStore store) {
        List<Flow> flows = new ArrayList<>();
        List<CuratedEvent> curated = new ArrayList<>();
        Map<String, CooperationNetwork.Party> parties = new HashMap<>();
        boolean sipriLoaded = store.latestVersion(Datasets.SIPRI).isPresent();
        store.latestVersion(Datasets.EVIDENCE).ifPresent(version -> {
            List<Entity> events = new ArrayList<>();
            store.forEachEntity(version, entity -> {
                if (entity.schema().getName().equals("CooperationEvent")) {
                    events.add(entity);
                } else {
                    parties.put(entity.id(), party(entity));
                }
            });
            for (Entity event : events) {
                Integer year = year(event.first("date"));
                if (year == null) {
                    continue;
                }
                List<String> names = new ArrayList<>();
                // Every party named with an event, its authority too, as the brokers and the party filter have always read them.
                for (String property : List.of("supplier", "recipient", "involved", "authority")) {
                    event.values(property).forEach(id -> names.add(parties.containsKey(id) ? parties.get(id).name() : id));
                }
                Flow flow = new Flow("event", event.id(), year, event.first("technologyDomain"), event.first("eventType"), event.first("direction"),
                        names.stream().distinct().toList());
                curated.add(new CuratedEvent(flow, CooperationEventParties.of(event)));
                if (!sipriLoaded || !event.values("sourceUrl").stream().allMatch(SipriTradeRegisterReader.SOURCE_URL::equals)) {
                    flows.add(flow);
                }
            }
        });
        store.latestVersion(Datasets.SIPRI).ifPresent(version -> {
            Map<String, String> names = new HashMap<>();
            store.forEachEntity(version, entity -> {
                if (!entity.schema().getName().equals("Transfer")) {
                    names.put(entity.id(), entity.caption());
                    return;
                }
                String from = SipriTradeRegisterReader.chinaOrRussia(entity.first("supplier"));
                String to = SipriTradeRegisterReader.chinaOrRussia(entity.first("recipient"));
                Integer year = year(entity.first("orderDate") != null ? entity.first("orderDate") : entity.first("deliveryDate"));
                if (from == null || to == null || from.equals(to) || year == null) {
                    return;
                }
                flows.add(new Flow("transfer", entity.id(), year, entity.first("technologyDomain"), "arms-sale", from + "-to-" + to,
                        List.of(names.getOrDefault(entity.first("supplier"), entity.first("supplier")),
                                names.getOrDefault(entity.first("recipient"), entity.first("recipient")))));
            });
        });
        return new ConvergenceAnalytics(flows, curated, parties);
    }

    private static CooperationNetwork.Party party(Entity entity) {
        List<String> countries = new ArrayList<>(entity.values("country"));
        countries.addAll(entity.values("jurisdiction"));
        return new CooperationNetwork.Party(entity.id(), entity.caption(), entity.schema().getName(), CooperationNetwork.Side.of(countries));
    }

    private static Integer year(String date) {
        return date != null && date.length() >= 4 && date.substring(0, 4).chars().allMatch(Character::isDigit)
                ? Integer.valueOf(date.substring(0, 4)) : null;
    }

    public List<Flow> flows(FlowFilter filter) {
        return flows.stream().filter(filter::test).toList();
    }

    /** Counts of flows per domain and year. */
    public record Matrix(SortedSet<String> domains, SortedSet<Integer> years, Map<String, SortedMap<Integer, Integer>> counts) {
        public int count(String domain, int year) {
            return counts.getOrDefault(domain, new TreeMap<>()).getOrDefault(year, 0);
        }
    }

    public Matrix matrix(FlowFilter filter) {
        SortedSet<String> domains = new TreeSet<>();
        SortedSet<Integer> years = new TreeSet<>();
        Map<String, SortedMap<Integer, Integer>> counts = new TreeMap<>();
        for (Flow flow : flows(filter)) {
            domains.add(flow.domain());
            years.add(flow.year());
            counts.computeIfAbsent(flow.domain(), key -> new TreeMap<>()).merge(flow.year(), 1, Integer::sum);
        }
        return new Matrix(domains, years, counts);
    }

    /** Flows per period by direction. A period runs from its start year to the year before the next start. */
    public record PeriodFlows(String period, int ruToCn, int cnToRu, int joint) {}

    public List<PeriodFlows> flowsByPeriod(FlowFilter filter, List<Integer> periodStarts) {
        List<Flow> selected = flows(filter);
        List<PeriodFlows> result = new ArrayList<>();
        for (Span span : spans(periodStarts, selected.stream().mapToInt(Flow::year).max())) {
            int[] counts = new int[3];
            for (Flow flow : selected) {
                if (span.contains(flow.year())) {
                    switch (flow.direction() == null ? "" : flow.direction()) {
                        case "ru-to-cn" -> counts[0]++;
                        case "cn-to-ru" -> counts[1]++;
                        case "joint" -> counts[2]++;
                        default -> { }
                    }
                }
            }
            result.add(new PeriodFlows(span.label(), counts[0], counts[1], counts[2]));
        }
        return result;
    }

    /**
     * The co-operation network of the curated events the filter selects (every curated event, whether
     * or not the SIPRI register counts its deal too; no SIPRI transfer).
     */
    public CooperationNetwork network(FlowFilter filter) {
        return CooperationNetwork.of(selected(filter).stream().map(event -> new CooperationNetwork.Participation(event.flow().id(), event.partyIds())).toList(),
                parties);
    }

    /** The co-operation network of a period's events: brokers and communities as they were then. */
    public record PeriodNetwork(String period, int fromYear, int toYear, CooperationNetwork network) {}

    /** The network of each period, periods as {@link #flowsByPeriod} reads them: events before the first start are in none. */
    public List<PeriodNetwork> networkByPeriod(FlowFilter filter, List<Integer> periodStarts) {
        List<CuratedEvent> selected = selected(filter);
        List<PeriodNetwork> result = new ArrayList<>();
        for (Span span : spans(periodStarts, selected.stream().mapToInt(event -> event.flow().year()).max())) {
            List<CooperationNetwork.Participation> participations = selected.stream().filter(event -> span.contains(event.flow().year()))
                    .map(event -> new CooperationNetwork.Participation(event.flow().id(), event.partyIds())).toList();
            result.add(new PeriodNetwork(span.label(), span.from(), span.to(), CooperationNetwork.of(participations, parties)));
        }
        return result;
    }

    private List<CuratedEvent> selected(FlowFilter filter) {
        return curated.stream().filter(event -> filter.test(event.flow())).toList();
    }

    /** Years from and to, inclusive. */
    private record Span(int from, int to) {
        boolean contains(int year) {
            return year >= from && year <= to;
        }

        String label() {
            return from + "–" + to;
        }
    }

    /** A period runs from its start to the year before the next start; the last to the last year seen (or its start). */
    private static List<Span> spans(List<Integer> periodStarts, OptionalInt lastYearSeen) {
        List<Integer> starts = periodStarts.stream().sorted().toList();
        int lastYear = lastYearSeen.orElse(starts.isEmpty() ? 0 : starts.getLast());
        List<Span> spans = new ArrayList<>();
        for (int i = 0; i < starts.size(); i++) {
            int from = starts.get(i);
            spans.add(new Span(from, i + 1 < starts.size() ? starts.get(i + 1) - 1 : Math.max(lastYear, from)));
        }
        return spans;
    }

    /** How many domains are active in a year, and which. */
    public record YearBreadth(int year, int domainCount, Set<String> domains) {}

    public List<YearBreadth> breadth(FlowFilter filter) {
        SortedMap<Integer, SortedSet<String>> byYear = new TreeMap<>();
        for (Flow flow : flows(filter)) {
            byYear.computeIfAbsent(flow.year(), key -> new TreeSet<>()).add(flow.domain());
        }
        return byYear.entrySet().stream().map(e -> new YearBreadth(e.getKey(), e.getValue().size(), e.getValue())).toList();
    }

    /** A party and the domains it appears in. */
    public record Broker(String party, int domainCount, int flowCount, Set<String> domains) {}

    /** Parties ranked by the number of domains they appear in, then by flows; the first {@code limit}. */
    public List<Broker> brokers(FlowFilter filter, int limit) {
        Map<String, SortedSet<String>> domains = new HashMap<>();
        Map<String, Integer> counts = new HashMap<>();
        for (Flow flow : flows(filter)) {
            for (String party : flow.parties()) {
                domains.computeIfAbsent(party, key -> new TreeSet<>()).add(flow.domain());
                counts.merge(party, 1, Integer::sum);
            }
        }
        return domains.entrySet().stream()
                .map(e -> new Broker(e.getKey(), e.getValue().size(), counts.get(e.getKey()), e.getValue()))
                .sorted((a, b) -> a.domainCount() != b.domainCount() ? b.domainCount() - a.domainCount()
                        : a.flowCount() != b.flowCount() ? b.flowCount() - a.flowCount() : a.party().compareTo(b.party()))
                .limit(limit)
                .toList();
    }
}

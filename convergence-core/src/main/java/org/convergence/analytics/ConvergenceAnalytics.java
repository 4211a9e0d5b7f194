package org.convergence.analytics;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import org.convergence.model.Entity;
import org.convergence.store.StatementStore;
import org.convergence.trade.SipriTradeRegisterReader;

/**
 * Convergence analytics over the curated events and the SIPRI transfers between Russia (or the USSR)
 * and China: the domain × year matrix, the direction of flows per period, breadth (domains active
 * per year) and brokers (the parties present in the most domains). Immutable; thread-safe.
 */
public final class ConvergenceAnalytics {
    /** Dataset names the store analytics read. */
    public static final String EVIDENCE_DATASET = "evidence";
    public static final String SIPRI_DATASET = "sipri";

    private final List<Flow> flows;

    public ConvergenceAnalytics(List<Flow> flows) {
        this.flows = List.copyOf(flows);
    }

    /**
     * Reads the latest versions of the 'evidence' and 'sipri' datasets (either may be absent). When
     * the SIPRI register is loaded, curated events whose only source is SIPRI's database are left out,
     * since the register counts those deals already.
     */
    public static ConvergenceAnalytics fromStore(StatementStore store) {
        List<Flow> flows = new ArrayList<>();
        boolean sipriLoaded = store.latestVersion(SIPRI_DATASET).isPresent();
        store.latestVersion(EVIDENCE_DATASET).ifPresent(version -> {
            Map<String, String> names = new HashMap<>();
            List<Entity> events = new ArrayList<>();
            store.forEachEntity(version, entity -> {
                if (entity.schema().getName().equals("CooperationEvent")) {
                    events.add(entity);
                } else {
                    names.put(entity.id(), entity.caption());
                }
            });
            for (Entity event : events) {
                if (sipriLoaded && event.values("sourceUrl").stream().allMatch(SipriTradeRegisterReader.SOURCE_URL::equals)) {
                    continue;
                }
                List<String> parties = new ArrayList<>();
                // Every party named with an event, its authority too, as the brokers and the party filter have always read them.
                for (String property : List.of("supplier", "recipient", "involved", "authority")) {
                    event.values(property).forEach(id -> parties.add(names.getOrDefault(id, id)));
                }
                Integer year = year(event.first("date"));
                if (year != null) {
                    flows.add(new Flow("event", event.id(), year, event.first("technologyDomain"), event.first("eventType"),
                            event.first("direction"), parties.stream().distinct().toList()));
                }
            }
        });
        store.latestVersion(SIPRI_DATASET).ifPresent(version -> {
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
        return new ConvergenceAnalytics(flows);
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
        List<Integer> starts = periodStarts.stream().sorted().toList();
        List<PeriodFlows> result = new ArrayList<>();
        List<Flow> selected = flows(filter);
        int lastYear = selected.stream().mapToInt(Flow::year).max().orElse(starts.isEmpty() ? 0 : starts.getLast());
        for (int i = 0; i < starts.size(); i++) {
            int from = starts.get(i);
            int to = i + 1 < starts.size() ? starts.get(i + 1) - 1 : Math.max(lastYear, from);
            int[] counts = new int[3];
            for (Flow flow : selected) {
                if (flow.year() >= from && flow.year() <= to) {
                    switch (flow.direction() == null ? "" : flow.direction()) {
                        case "ru-to-cn" -> counts[0]++;
                        case "cn-to-ru" -> counts[1]++;
                        case "joint" -> counts[2]++;
                        default -> { }
                    }
                }
            }
            result.add(new PeriodFlows(from + "–" + to, counts[0], counts[1], counts[2]));
        }
        return result;
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

package org.convergence.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.convergence.analytics.ConvergenceAnalytics.PeriodNetwork;
import org.convergence.analytics.CooperationNetwork.Broker;
import org.convergence.analytics.CooperationNetwork.Party;
import org.convergence.analytics.CooperationNetwork.Tie;
import org.convergence.model.ConvergenceModel;
import org.convergence.store.H2StatementStore;
import org.convergence.store.StatementStore;
import org.convergence.testing.Fixtures;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The co-operation network of the repository's own evidence base, checked against ties worked out from
 * the YAML files directly (a plain YAML tree, not the evidence reader): two parties are tied by each
 * event in which both take part, an event's authorities never, and the participants of a designation
 * or an assessment (the governments that designate or assess) neither.
 */
class RepositoryNetworkTest {
    private static final Path EVIDENCE = Path.of(System.getProperty("convergence.repository.root", "..")).resolve("evidence");
    private static final Set<String> OBSERVED = Set.of("designation", "assessment");

    @TempDir
    static Path folder;

    private static StatementStore store;
    private static ConvergenceAnalytics analytics;

    @BeforeAll
    static void load() {
        assumeTrue(Files.isDirectory(EVIDENCE), "the repository's evidence folder not found: " + EVIDENCE.toAbsolutePath());
        ConvergenceModel model = ConvergenceModel.standard();
        store = new H2StatementStore(folder.resolve("store"), model);
        Fixtures.importEvidence(store, EVIDENCE, model);
        analytics = ConvergenceAnalytics.fromStore(store);
    }

    @AfterAll
    static void close() {
        if (store != null) {
            store.close();
        }
    }

    private static List<JsonNode> rawEvents() throws IOException {
        List<JsonNode> events = new ArrayList<>();
        try (Stream<Path> files = Files.list(EVIDENCE.resolve("events"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
                new YAMLMapper().readTree(file.toFile()).forEach(events::add);
            }
        }
        return events;
    }

    /** Every pair of parties (entity ids, the first sorting first) and the events they share, from the files. */
    private static SortedMap<List<String>, Set<String>> tiesFromTheFiles() throws IOException {
        SortedMap<List<String>, Set<String>> ties = new TreeMap<>(Comparator.comparing((List<String> pair) -> pair.get(0)).thenComparing(pair -> pair.get(1)));
        for (JsonNode event : rawEvents()) {
            Set<String> taking = new LinkedHashSet<>();
            JsonNode roles = event.get("parties");
            for (String role : List.of("supplier", "recipient", "participants")) {
                if (role.equals("participants") && OBSERVED.contains(event.get("type").asText()) || roles.get(role) == null) {
                    continue;
                }
                roles.get(role).forEach(party -> taking.add("cvg-party-" + party.asText()));
            }
            List<String> ids = List.copyOf(taking);
            for (int i = 0; i < ids.size(); i++) {
                for (int j = i + 1; j < ids.size(); j++) {
                    List<String> pair = ids.get(i).compareTo(ids.get(j)) < 0 ? List.of(ids.get(i), ids.get(j)) : List.of(ids.get(j), ids.get(i));
                    ties.computeIfAbsent(pair, key -> new TreeSet<>()).add("cvg-event-" + event.get("id").asText());
                }
            }
        }
        return ties;
    }

    @Test
    void tiesAreThePairsOfPartiesThatShareAnEventInTheFiles() throws IOException {
        SortedMap<List<String>, Set<String>> expected = tiesFromTheFiles();
        CooperationNetwork network = analytics.network(FlowFilter.ALL);
        Map<List<String>, Set<String>> actual = new TreeMap<>(expected.comparator());
        for (Tie tie : network.ties()) {
            actual.put(List.of(tie.one(), tie.other()), new TreeSet<>(tie.events()));
        }
        assertThat(expected).hasSizeGreaterThan(200);
        assertThat(actual).isEqualTo(expected);
        assertThat(network.ties()).noneMatch(tie -> tie.one().equals(tie.other()));
        assertThat(network.events()).hasSize(rawEvents().size());
    }

    @Test
    void authoritiesAndDesignatingGovernmentsAreNoParties() {
        List<String> parties = analytics.network(FlowFilter.ALL).parties().stream().map(Party::id).toList();
        assertThat(parties).contains("cvg-party-rosoboronexport", "cvg-party-china", "cvg-party-russia")
                .doesNotContain("cvg-party-ofac", "cvg-party-michael-mccaul", "cvg-party-european-union");
    }

    @Test
    void rosoboronexportBrokersBetweenChineseAndRussianParties() {
        List<Broker> brokers = analytics.network(FlowFilter.ALL).brokers();
        Broker rosoboronexport = brokers.stream().filter(broker -> broker.party().name().equals("Rosoboronexport")).findFirst().orElseThrow();
        assertThat(rosoboronexport.party().side()).isEqualTo(CooperationNetwork.Side.RUSSIA);
        assertThat(rosoboronexport.chinaRussiaBetweenness()).isPositive();
        assertThat(rosoboronexport.betweenness()).isPositive();
        assertThat(rosoboronexport.chineseNeighbours()).isPositive();
        assertThat(rosoboronexport.russianNeighbours()).isPositive();
        assertThat(brokers.subList(0, 10)).contains(rosoboronexport);
        assertThat(brokers).isSortedAccordingTo((a, b) -> Double.compare(b.chinaRussiaBetweenness(), a.chinaRussiaBetweenness()));

        PeriodNetwork arms = analytics.networkByPeriod(FlowFilter.ALL, ConvergenceAnalytics.PERIOD_STARTS).get(1);
        assertThat(arms.period()).isEqualTo("2000–2013");
        assertThat(arms.network().brokers().subList(0, 3)).extracting(broker -> broker.party().name())
                .as("the state arms exporter, in the years of the big Russian sales").contains("Rosoboronexport");
    }

    @Test
    void periodsPartitionTheEventsAndCommunitiesHoldEachPartyOnce() throws IOException {
        List<PeriodNetwork> periods = analytics.networkByPeriod(FlowFilter.ALL, ConvergenceAnalytics.PERIOD_STARTS);
        assertThat(periods).extracting(PeriodNetwork::period).hasSize(4).startsWith("1991–1999", "2000–2013", "2014–2021");
        List<String> events = periods.stream().flatMap(period -> period.network().events().stream()).toList();
        assertThat(events).doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(rawEvents().stream().map(event -> "cvg-event-" + event.get("id").asText()).toList());
        Set<String> partiesOfPeriods = new HashSet<>();
        for (PeriodNetwork period : periods) {
            CooperationNetwork network = period.network();
            List<String> members = network.communities().stream().flatMap(community -> community.members().stream()).map(Party::id).toList();
            assertThat(members).as(period.period()).doesNotHaveDuplicates()
                    .containsExactlyInAnyOrderElementsOf(network.parties().stream().map(Party::id).toList());
            assertThat(network.communities()).as(period.period()).isSortedAccordingTo((a, b) -> b.size() - a.size());
            network.parties().forEach(party -> partiesOfPeriods.add(party.id()));
        }
        assertThat(partiesOfPeriods).containsExactlyInAnyOrderElementsOf(analytics.network(FlowFilter.ALL).parties().stream().map(Party::id).toList());
    }

    @Test
    void theSameEvidenceGivesTheSameBrokersAndCommunitiesOnEveryRead() {
        ConvergenceAnalytics again = ConvergenceAnalytics.fromStore(store);
        assertThat(again.network(FlowFilter.ALL).brokers()).isEqualTo(analytics.network(FlowFilter.ALL).brokers());
        assertThat(again.network(FlowFilter.ALL).communities()).isEqualTo(analytics.network(FlowFilter.ALL).communities());
        List<PeriodNetwork> first = analytics.networkByPeriod(FlowFilter.ALL, ConvergenceAnalytics.PERIOD_STARTS);
        List<PeriodNetwork> second = again.networkByPeriod(FlowFilter.ALL, ConvergenceAnalytics.PERIOD_STARTS);
        for (int i = 0; i < first.size(); i++) {
            assertThat(second.get(i).network().communities()).isEqualTo(first.get(i).network().communities());
            assertThat(second.get(i).network().brokers()).isEqualTo(first.get(i).network().brokers());
        }
    }
}

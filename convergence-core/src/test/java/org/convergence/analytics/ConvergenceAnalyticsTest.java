package org.convergence.analytics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.convergence.ingest.ImportProgress;
import org.convergence.ingest.Ingestor;
import org.convergence.model.ConvergenceModel;
import org.convergence.store.H2StatementStore;
import org.convergence.store.ImportRequest;
import org.convergence.store.StatementStore;
import org.convergence.testing.Fixtures;
import org.convergence.testing.SharedData;
import org.convergence.trade.SipriDomains;
import org.convergence.trade.SipriTradeRegisterReader;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Analytics over the evidence fixture and the real SIPRI register, checked against counts taken
 * directly from the SIPRI Russia/USSR–China subset file and the fixture (two events: a 2015
 * Russia-to-China combat-aircraft sale and a 2018 joint exercise).
 */
class ConvergenceAnalyticsTest {
    @TempDir
    static Path folder;

    private static StatementStore store;
    private static ConvergenceAnalytics analytics;
    private static List<String[]> subset;

    @BeforeAll
    static void load() throws Exception {
        Path register = SharedData.require("trade/sipri/sipri_trade-register_all_2025-03-13.csv");
        subset = Files.readAllLines(SharedData.require("trade/sipri/sipri_russia-ussr_china_subset_utf8.csv"), StandardCharsets.UTF_8)
                .stream().skip(1).map(line -> line.split(",", -1)).toList();
        ConvergenceModel model = ConvergenceModel.standard();
        store = new H2StatementStore(folder.resolve("store"), model);
        Fixtures.importEvidence(store, Fixtures.evidence(), model);
        try (SipriTradeRegisterReader reader = new SipriTradeRegisterReader(register, "sipri", model)) {
            new Ingestor(store).run(new ImportRequest("sipri", register.toString(), "c2", null), reader, false, ImportProgress.NONE);
        }
        analytics = ConvergenceAnalytics.fromStore(store);
    }

    @AfterAll
    static void close() {
        if (store != null) { // not opened when the shared data is missing and the tests are skipped
            store.close();
        }
    }

    /** Subset rows (Recipient, Supplier, Year of order, ..., Weapon description at 7) matching a test. */
    private static long subsetCount(String supplier, String recipient, int from, int to, String domain) {
        return subset.stream().filter(row -> row[1].equals(supplier) && row[0].equals(recipient))
                .filter(row -> !row[2].isEmpty() && Integer.parseInt(row[2]) >= from && Integer.parseInt(row[2]) <= to)
                .filter(row -> domain == null || SipriDomains.domainOf(row[7]).equals(domain))
                .count();
    }

    private static long ruToCn(int from, int to, String domain) {
        return subsetCount("Russia", "China", from, to, domain) + subsetCount("Soviet Union", "China", from, to, domain);
    }

    @Test
    void matrixCountsEventsAndTransfersPerDomainAndYear() {
        ConvergenceAnalytics.Matrix matrix = analytics.matrix(FlowFilter.ALL);
        assertEquals(ruToCn(2015, 2015, "combat-aircraft") + 1, matrix.count("combat-aircraft", 2015));
        assertEquals(ruToCn(2015, 2015, "air-defence"), matrix.count("air-defence", 2015));
        assertEquals(1, matrix.count("exercises", 2018));
        long total = matrix.counts().values().stream().flatMap(years -> years.values().stream()).mapToLong(Integer::longValue).sum();
        assertEquals(subset.size() + 2, total, "every subset deal with a year of order, and both fixture events");
    }

    @Test
    void flowsShowTheDirectionPerPeriod() {
        List<ConvergenceAnalytics.PeriodFlows> periods = analytics.flowsByPeriod(FlowFilter.ALL, List.of(1991, 2014, 2022));
        assertEquals(new ConvergenceAnalytics.PeriodFlows("1991–2013", (int) ruToCn(1991, 2013, null), 0, 0), periods.get(0));
        assertEquals(new ConvergenceAnalytics.PeriodFlows("2014–2021", (int) ruToCn(2014, 2021, null) + 1,
                (int) subsetCount("China", "Russia", 2014, 2021, null), 1), periods.get(1));
        assertEquals((int) subsetCount("China", "Russia", 2022, 2030, null), periods.get(2).cnToRu());
    }

    @Test
    void filtersSelectByPeriodDomainTypeAndParty() {
        assertEquals(1, analytics.flows(new FlowFilter(2018, 2018, Set.of("exercises"), Set.of(), null)).size());
        assertEquals(1, analytics.flows(new FlowFilter(null, null, Set.of(), Set.of("exercise"), null)).size());
        assertEquals(2, analytics.flows(new FlowFilter(null, null, Set.of(), Set.of(), "rosoboronexport")).size());
        assertEquals(ruToCn(1900, 2100, "naval") + subsetCount("China", "Russia", 1900, 2100, "naval"), analytics.flows(new FlowFilter(null, null, Set.of("naval"), Set.of(), "soviet union")).size()
                + analytics.flows(new FlowFilter(null, null, Set.of("naval"), Set.of(), "russia")).size());
    }

    @Test
    void breadthAndBrokers() {
        var breadth2015 = analytics.breadth(FlowFilter.ALL).stream().filter(b -> b.year() == 2015).findFirst().orElseThrow();
        assertTrue(breadth2015.domains().containsAll(Set.of("combat-aircraft", "air-defence")));
        var brokers = analytics.brokers(FlowFilter.ALL, 3);
        assertEquals("China", brokers.get(0).party(), "China takes part in every flow");
        assertTrue(brokers.stream().anyMatch(b -> b.party().equals("Rosoboronexport") && b.domainCount() == 2) || brokers.size() == 3);
    }

    @Test
    void theNetworkTiesTheCuratedPartiesAndLeavesSipriTransfersOut() {
        CooperationNetwork network = analytics.network(FlowFilter.ALL);
        assertEquals(List.of("People's Liberation Army Air Force", "Rosoboronexport"),
                network.parties().stream().map(CooperationNetwork.Party::name).toList(), "the fixture's two parties, by id, and no state of SIPRI's");
        assertEquals(List.of(new CooperationNetwork.Tie("cvg-party-pla-air-force", "cvg-party-rosoboronexport",
                List.of("cvg-event-2015-su-35-contract", "cvg-event-2018-vostok"))), network.ties());
        List<ConvergenceAnalytics.PeriodNetwork> periods = analytics.networkByPeriod(FlowFilter.ALL, List.of(1991, 2014, 2018));
        assertEquals(List.of(0, 1, 1), periods.stream().map(period -> period.network().events().size()).toList());
    }
}

package org.convergence.graph;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.convergence.graph.ExposureGraph.Bounds;
import org.convergence.graph.ExposureGraph.Paths;
import org.convergence.graph.ExposurePath.Step;
import org.convergence.ingest.Checksums;
import org.convergence.ingest.ImportProgress;
import org.convergence.ingest.Ingestor;
import org.convergence.lists.ListSource;
import org.convergence.model.ConvergenceModel;
import org.convergence.store.H2StatementStore;
import org.convergence.store.ImportRequest;
import org.convergence.store.StatementStore;
import org.convergence.testing.Fixtures;
import org.convergence.testing.SharedData;
import org.convergence.testing.TestStores;
import org.convergence.trade.SipriTradeRegisterReader;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The exposure graph of real data in one store: ASPI's tracker, the Named Research Organizations,
 * OFAC's SDN set, the UN list, the yente ZALA fixture (FtM ownership, directorship and family), the
 * SIPRI register and the repository's evidence base.
 */
class ExposureGraphTest {
    private static final String HIT = "aspi-unitracker-7e1827c7-cc6b-4b73-a557-8bd2b9a7f65d";
    private static final String PEKING_UNIVERSITY = "aspi-unitracker-67135b43-bc3c-4343-abc1-a6ff2a5e0c13";
    private static final String TRANSKOMPLEKTHOLDING = "NK-DSxJ9ZzHxBBMyEMnnTBhai";
    private static final String AEROSCAN = "NK-iE6m5ryPeTAMZozfECVSL7";

    @TempDir
    static Path folder;

    private static StatementStore store;
    private static ExposureGraph graph;

    @BeforeAll
    static void importEverySource() {
        ConvergenceModel model = ConvergenceModel.standard();
        store = new H2StatementStore(folder, model);
        ListSource.ASPI_UNITRACKER.importInto(store, SharedData.require("research-security/aspi-unitracker/misp_china-defence-universities.json"),
                model, false, ImportProgress.NONE);
        ListSource.CA_NRO.importInto(store, SharedData.require("research-security/ca-nro/named-research-organizations_2024-04-18.html"), model,
                false, ImportProgress.NONE);
        ListSource.US_OFAC_SDN.importInto(store, SharedData.require("lists/ofac/sdn_2021-07"), model, false, ImportProgress.NONE);
        ListSource.UN_SC.importInto(store, SharedData.require("lists/un-sc/un_consolidated_2026-02-27.xml"), model, false, ImportProgress.NONE);
        TestStores.importFtm(store, SharedData.require("ftm/yente_zala_entities.ftm.json"), "zala", false);
        Path sipri = SharedData.require("trade/sipri/sipri_trade-register_all_2025-03-13.csv");
        try (SipriTradeRegisterReader reader = new SipriTradeRegisterReader(sipri, "sipri", model)) {
            new Ingestor(store).run(new ImportRequest("sipri", sipri.toString(), Checksums.sha256(sipri), null), reader, false, ImportProgress.NONE);
        }
        Fixtures.importEvidence(store, Path.of(System.getProperty("convergence.repository.root", "..")).resolve("evidence"), model);
        graph = ExposureGraph.build(store);
    }

    @AfterAll
    static void close() {
        if (store != null) {
            store.close();
        }
    }

    private static Predicate<GraphNode> is(String id) {
        return node -> node.id().equals(id);
    }

    @Test
    void laboratoryNamedByAspiIsItsOwnNodeOneHopFromItsListedInstitution() {
        GraphNode welding = graph.node(only("State Key Laboratory of Advanced Welding and Joining")).orElseThrow();
        assertThat(welding.names()).containsExactly("State Key Laboratory of Advanced Welding and Joining", "先进焊接与连接国家重点实验室",
                "现代焊接生产技术国家重点实验室");
        assertThat(welding.listings()).isEmpty();

        Paths paths = graph.paths(welding.id(), Targets.listed(), Bounds.DEFAULT);

        assertThat(paths.reached()).isEmpty();
        ExposurePath toHit = paths.paths().getFirst();
        assertThat(toHit.hops()).isEqualTo(1);
        assertThat(toHit.target().id()).isEqualTo(HIT);
        assertThat(toHit.target().names()).containsExactly("Harbin Institute of Technology", "哈尔滨工业大学");
        assertThat(toHit.target().version().dataset()).isEqualTo("aspi-unitracker");
        Step first = toHit.steps().getFirst();
        assertThat(first.outgoing()).as("the laboratory is the member").isTrue();
        assertThat(first.relation().schema()).isEqualTo("Membership");
        assertThat(first.relation().label()).isEqualTo("belongs to (major defence laboratory)");
        assertThat(first.relation().sources().urls()).containsExactly("https://unitracker.aspi.org.au/universities/harbin-institute-of-technology");
        assertThat(first.relation().sources().publishers()).containsExactly("Australian Strategic Policy Institute");
        assertThat(first.relation().sources().records()).singleElement().asString()
                .startsWith("misp_china-defence-universities.json record ").endsWith("field 'major defence laboratories'");
    }

    @Test
    void agencySupervisingManyInstitutionsIsOneNodeTiedToEach() {
        String sastind = graph.paths(PEKING_UNIVERSITY, node -> node.names().contains(
                "State Administration for Science, Technology and Industry for National Defense"), Bounds.DEFAULT).paths().getFirst().target().id();

        ExposureGraph.Neighbourhood neighbourhood = graph.neighbourhood(sastind, 1, Bounds.DEFAULT);

        assertThat(neighbourhood.centre().schema()).isEqualTo("PublicBody");
        assertThat(neighbourhood.relations()).hasSize(62).allSatisfy(relation -> {
            assertThat(relation.label()).isEqualTo("supervising agency of");
            assertThat(relation.sourceId()).isEqualTo(sastind);
            assertThat(relation.directed()).as("FtM reads an UnknownLink both ways").isFalse();
        });
        assertThat(neighbourhood.nodes()).hasSize(63).extracting(GraphNode::id).contains(PEKING_UNIVERSITY);
    }

    @Test
    void ofacLinkedToTiesTwoListedParties() {
        GraphNode nasrallah = graph.node("us-ofac-sdn-2686").orElseThrow();

        Paths paths = graph.paths(nasrallah.id(), is("us-ofac-sdn-4697"), Bounds.DEFAULT);

        assertThat(nasrallah.listings()).extracting(GraphNode.Listing::dataset).containsExactly("us-ofac-sdn");
        assertThat(paths.paths()).singleElement().satisfies(path -> {
            assertThat(path.hops()).isEqualTo(1);
            assertThat(path.target().caption()).isEqualTo("HIZBALLAH");
            Relation linkedTo = path.steps().getFirst().relation();
            assertThat(linkedTo.label()).isEqualTo("Linked To");
            assertThat(linkedTo.entityId()).isEqualTo("us-ofac-sdn-link-2686-4697");
            assertThat(linkedTo.sources().publishers()).containsExactly("Office of Foreign Assets Control");
        });
        assertThat(graph.paths(nasrallah.id(), Targets.listed(), Bounds.DEFAULT).paths().getFirst().hops())
                .as("a listed party is its own first target").isZero();
    }

    @Test
    void unListingThatNamesAnotherListedPartyIsARelation() {
        Paths paths = graph.paths("un-sc-6908482", is("un-sc-2881836"), Bounds.DEFAULT);

        assertThat(paths.paths()).singleElement().satisfies(path -> {
            assertThat(path.steps().getFirst().relation().label()).isEqualTo("UN listing refers to");
            assertThat(path.target().caption()).isEqualTo("AL-QAIDA IN THE ARABIAN PENINSULA (AQAP)");
        });
    }

    @Test
    void zalaOwnershipChainGivesAPathOfThreeHopsWithTheValidityOfEachShare() {
        Paths paths = graph.paths(TRANSKOMPLEKTHOLDING, is(AEROSCAN), Bounds.DEFAULT);

        ExposurePath path = paths.paths().getFirst();
        assertThat(path.steps()).extracting(step -> step.node().caption()).containsExactly("Акціонерне товариство \"ТрансКомплектХолдинг\"",
                "LLC CST", "Alexander Vyacheslavovich ZAKHAROV", "Limited Liability Company Aeroscan");
        assertThat(path.steps()).extracting(Step::outgoing).containsExactly(true, false, true, false);
        Relation first = path.steps().get(0).relation();
        assertThat(first.label()).isEqualTo("owns (2)");
        assertThat(first.startDate()).isEqualTo("2019-05-24");
        assertThat(first.endDate()).isEqualTo("2023-12-21");
        assertThat(first.version().dataset()).isEqualTo("zala");
        assertThat(path.steps().get(2).relation().label()).isEqualTo("owns (100)");
        assertThat(graph.paths(TRANSKOMPLEKTHOLDING, is(AEROSCAN), Bounds.DEFAULT.withMaxHops(2)).paths())
                .as("three hops away, not two").isEmpty();
    }

    @Test
    void nexusHoldsTheTwoSidesOfCooperationAndTheDefenceInstitutionsButNoAuthority() {
        assertThat(graph.node("cvg-party-rosoboronexport").orElseThrow().nexus()).isTrue();
        assertThat(graph.node("sipri-state-china").orElseThrow().nexus()).isTrue();
        assertThat(graph.node("sipri-state-soviet-union").orElseThrow().nexus()).isTrue();
        assertThat(graph.node("sipri-state-india").orElseThrow().nexus()).as("a buyer of Russian arms, not of China's").isFalse();
        assertThat(graph.node(HIT).orElseThrow().nexus()).as("one of the Seven Sons of National Defence").isTrue();
        assertThat(graph.node(PEKING_UNIVERSITY).orElseThrow().nexus()).as("a civilian university of the tracker").isFalse();
        assertThat(graph.node("cvg-party-ofac").orElseThrow().nexus()).as("designates; takes no part").isFalse();
        assertThat(graph.node("cvg-party-michael-mccaul").orElseThrow().nexus()).as("an event's authority").isFalse();
        assertThat(Stream.of(PEKING_UNIVERSITY, "cvg-party-rosoboronexport", "cvg-party-michael-mccaul").map(id -> graph.node(id).orElseThrow())
                .map(Targets.listedOrNexus()::test)).as("listed by ASPI, in the nexus, neither").containsExactly(true, true, false);
    }

    @Test
    void pathThroughACooperationEventShowsTheEventAndItsSources() {
        Paths paths = graph.paths("cvg-party-michael-mccaul", Targets.chinaRussiaNexus(), Bounds.DEFAULT);

        ExposurePath path = paths.paths().getFirst();
        assertThat(path.hops()).isEqualTo(2);
        Step event = path.steps().get(1);
        assertThat(event.node().schema()).isEqualTo("CooperationEvent");
        assertThat(path.steps().getFirst().relation().label()).isEqualTo("authority");
        assertThat(event.relation().label()).isIn("supplier", "recipient");
        assertThat(event.relation().sources().urls()).isNotEmpty().allSatisfy(url -> assertThat(url).startsWith("http"));
        assertThat(event.relation().startDate()).startsWith("2023");
    }

    @Test
    void graphHoldsEveryRelationOfTheSourcesAndLeavesNoneOutSilently() {
        ExposureGraph.Summary summary = graph.summary();

        assertThat(graph.versions()).extracting(version -> version.dataset())
                .containsExactlyInAnyOrder("aspi-unitracker", "ca-nro", "us-ofac-sdn", "un-sc", "zala", "sipri", "evidence");
        assertThat(summary.selfRelationsSkipped()).isZero();
        assertThat(summary.relationsOutOfStore()).isZero();
        assertThat(summary.relations()).isGreaterThan(3_399 + 512 + 689 + 20);
        assertThat(summary.listed()).isGreaterThan(8_976 + 1_003);
        assertThat(summary.nexus()).isGreaterThan(100);
    }

    @Test
    void sameFilesInAnotherStoreGiveTheSameGraph() {
        ConvergenceModel model = ConvergenceModel.standard();
        try (StatementStore other = new H2StatementStore(folder.resolve("again"), model)) {
            ListSource.ASPI_UNITRACKER.importInto(other, SharedData.require("research-security/aspi-unitracker/misp_china-defence-universities.json"),
                    model, false, ImportProgress.NONE);
            ExposureGraph again = ExposureGraph.build(other);
            String lab = only("State Key Laboratory of Advanced Welding and Joining");

            assertThat(again.node(lab)).isPresent();
            assertThat(again.neighbourhood(HIT, 1, Bounds.DEFAULT).relations()).extracting(Relation::entityId)
                    .containsExactlyElementsOf(graph.neighbourhood(HIT, 1, Bounds.DEFAULT).relations().stream()
                            .filter(relation -> relation.version().dataset().equals("aspi-unitracker")).map(Relation::entityId).toList());
        }
    }

    /** The id of the one node with this name within three hops of Harbin Institute of Technology. */
    private static String only(String name) {
        List<String> ids = graph.paths(HIT, node -> node.names().contains(name), Bounds.DEFAULT).paths().stream()
                .map(path -> path.target().id()).toList();
        assertThat(ids).hasSize(1);
        return ids.getFirst();
    }
}

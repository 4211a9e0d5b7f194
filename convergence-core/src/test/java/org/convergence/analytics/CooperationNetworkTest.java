package org.convergence.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.convergence.analytics.CooperationNetwork.Broker;
import org.convergence.analytics.CooperationNetwork.Participation;
import org.convergence.analytics.CooperationNetwork.Party;
import org.convergence.analytics.CooperationNetwork.Side;
import org.convergence.analytics.CooperationNetwork.Tie;
import org.junit.jupiter.api.Test;

/** The co-operation network on small hand-made sets of events, whose brokers and communities can be worked out by hand. */
class CooperationNetworkTest {
    private static final Map<String, Party> DIRECTORY = Stream.of(
            party("cn1", Side.CHINA), party("cn2", Side.CHINA), party("cn3", Side.CHINA), party("cn4", Side.CHINA),
            party("ru1", Side.RUSSIA), party("ru2", Side.RUSSIA), party("ru3", Side.RUSSIA), party("ru4", Side.RUSSIA), party("ru5", Side.RUSSIA),
            party("ru6", Side.RUSSIA), party("x", Side.OTHER), party("y", Side.OTHER), party("hub", Side.OTHER))
            .collect(Collectors.toMap(Party::id, Function.identity()));

    private static Party party(String id, Side side) {
        return new Party(id, "Party " + id, "Organization", side);
    }

    private static Participation event(String id, String... parties) {
        return new Participation(id, Arrays.asList(parties));
    }

    private static CooperationNetwork network(Participation... events) {
        return CooperationNetwork.of(List.of(events), DIRECTORY);
    }

    private static Broker broker(CooperationNetwork network, String id) {
        return network.brokers().stream().filter(broker -> broker.party().id().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void noEventsMakeAnEmptyNetwork() {
        CooperationNetwork empty = network();
        assertThat(empty.parties()).isEmpty();
        assertThat(empty.ties()).isEmpty();
        assertThat(empty.brokers()).isEmpty();
        assertThat(empty.communities()).isEmpty();
        assertThat(empty.modularity()).isZero();
    }

    @Test
    void oneEventTiesEachPairOfItsPartiesOnceAndNobodyStandsBetweenThem() {
        CooperationNetwork network = network(event("e1", "ru1", "cn1", "x"));
        assertThat(network.ties()).containsExactly(new Tie("cn1", "ru1", List.of("e1")), new Tie("cn1", "x", List.of("e1")),
                new Tie("ru1", "x", List.of("e1")));
        assertThat(network.brokers()).allSatisfy(broker -> {
            assertThat(broker.betweenness()).isZero();
            assertThat(broker.chinaRussiaBetweenness()).isZero();
            assertThat(broker.degree()).isEqualTo(2);
        });
        assertThat(network.communities()).hasSize(1);
        assertThat(network.communities().getFirst().members()).extracting(Party::id).containsExactlyInAnyOrder("cn1", "ru1", "x");
    }

    @Test
    void aPartyNamedTwiceInOneEventIsNotTiedToItself() {
        CooperationNetwork network = network(event("e1", "cn1", "cn1", "ru1"), event("e2", "ru2", "ru2"));
        assertThat(network.ties()).containsExactly(new Tie("cn1", "ru1", List.of("e1")));
        assertThat(network.parties()).extracting(Party::id).containsExactly("cn1", "ru1", "ru2");
        assertThat(broker(network, "ru2").degree()).isZero();
        assertThat(network.events()).containsExactly("e1", "e2");
    }

    @Test
    void aTieWeighsTheEventsItsPartiesShare() {
        CooperationNetwork network = network(event("e2", "ru1", "cn1"), event("e1", "cn1", "ru1", "x"));
        Tie tie = network.ties().stream().filter(t -> t.one().equals("cn1") && t.other().equals("ru1")).findFirst().orElseThrow();
        assertThat(tie.weight()).isEqualTo(2);
        assertThat(tie.events()).containsExactly("e1", "e2");
    }

    @Test
    void aPartyMissingFromTheDirectoryKeepsItsIdAsItsName() {
        Party unknown = network(event("e1", "cn1", "nobody")).parties().getLast();
        assertThat(unknown).isEqualTo(new Party("nobody", "nobody", "LegalEntity", Side.OTHER));
    }

    /**
     * cn1 – x – ru1, and apart from them a hub tied to five Russian parties. The hub stands between
     * more pairs (ten, against x's one) but between no Chinese and Russian party; x stands between
     * cn1 and ru1, one of the six pairs of a Chinese and a Russian party, so it ranks first.
     */
    @Test
    void aBrokerBetweenChinaAndRussiaRanksAboveAHubBetweenRussians() {
        CooperationNetwork network = network(event("e1", "cn1", "x"), event("e2", "x", "ru1"),
                event("e3", "hub", "ru2"), event("e4", "hub", "ru3"), event("e5", "hub", "ru4"), event("e6", "hub", "ru5"), event("e7", "hub", "ru6"));
        Broker x = network.brokers().getFirst();
        assertThat(x.party().id()).isEqualTo("x");
        assertThat(x.chinaRussiaBetweenness()).isCloseTo(1.0 / 6, within(1e-12));
        assertThat(x.betweenness()).as("one of the 28 pairs of the other 8 parties").isCloseTo(1.0 / 28, within(1e-12));
        assertThat(x.degree()).isEqualTo(2);
        assertThat(x.chineseNeighbours()).isEqualTo(1);
        assertThat(x.russianNeighbours()).isEqualTo(1);
        Broker hub = network.brokers().get(1);
        assertThat(hub.party().id()).isEqualTo("hub");
        assertThat(hub.chinaRussiaBetweenness()).isZero();
        assertThat(hub.betweenness()).isCloseTo(10.0 / 28, within(1e-12));
    }

    @Test
    void twoShortestPathsShareThePairBetweenTheirBrokers() {
        CooperationNetwork network = network(event("e1", "cn1", "x"), event("e2", "x", "ru1"), event("e3", "cn1", "y"), event("e4", "y", "ru1"));
        assertThat(broker(network, "x").chinaRussiaBetweenness()).isCloseTo(0.5, within(1e-12));
        assertThat(broker(network, "y").chinaRussiaBetweenness()).isCloseTo(0.5, within(1e-12));
        assertThat(broker(network, "cn1").chinaRussiaBetweenness()).as("an end of the only pair").isZero();
    }

    @Test
    void twoGroupsJoinedByOneTieAreTwoCommunitiesOnEveryBuild() {
        Participation[] events = {event("a", "cn1", "cn2", "cn3", "cn4"), event("b", "ru1", "ru2", "ru3", "ru4"), event("c", "cn1", "ru1")};
        CooperationNetwork network = network(events);
        assertThat(network.communities()).hasSize(2);
        assertThat(network.communities()).flatExtracting(CooperationNetwork.Community::members).extracting(Party::id)
                .containsExactlyInAnyOrder("cn1", "cn2", "cn3", "cn4", "ru1", "ru2", "ru3", "ru4");
        assertThat(network.communities()).allSatisfy(community -> assertThat(Math.max(community.share(Side.CHINA), community.share(Side.RUSSIA)))
                .isEqualTo(1.0));
        assertThat(network.modularity()).isGreaterThan(0.3);
        CooperationNetwork again = network(events);
        assertThat(again.communities()).isEqualTo(network.communities());
        assertThat(again.brokers()).isEqualTo(network.brokers());
    }

    @Test
    void hongKongCountsAsChinaAndTheSovietUnionAsRussia() {
        assertThat(Side.of(List.of("hk"))).isEqualTo(Side.CHINA);
        assertThat(Side.of(List.of("suhh"))).isEqualTo(Side.RUSSIA);
        assertThat(Side.of(List.of("cn", "ru"))).as("a party of both sides").isEqualTo(Side.OTHER);
        assertThat(Side.of(List.of("kz"))).isEqualTo(Side.OTHER);
        assertThat(Side.of(List.of())).isEqualTo(Side.OTHER);
    }
}

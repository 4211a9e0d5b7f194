package org.convergence.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.convergence.analytics.ConvergenceAnalytics.PeriodNetwork;
import org.convergence.analytics.CooperationNetwork;
import org.convergence.analytics.CooperationNetwork.Side;

/**
 * The overview's tables of the co-operation network, per period: its size, its first brokers and its
 * largest communities.
 */
public record NetworkTables(List<PeriodRow> periods, List<BrokerRow> brokers, List<CommunityRow> communities) {
    /** Brokers shown per period. */
    static final int BROKERS = 5;
    /** Communities shown per period, and members shown per community. */
    static final int COMMUNITIES = 4;
    static final int MEMBERS = 4;

    public NetworkTables {
        periods = List.copyOf(periods);
        brokers = List.copyOf(brokers);
        communities = List.copyOf(communities);
    }

    public record PeriodRow(String period, int events, int parties, int ties, int communities, String modularity) {}

    public record BrokerRow(String period, String id, String name, String side, String chinaRussiaBetweenness, String betweenness, int degree,
            int chineseNeighbours, int russianNeighbours) {}

    public record CommunityRow(String period, int number, int size, long chinese, long russian, List<CooperationNetwork.Party> largest) {
        public CommunityRow {
            largest = List.copyOf(largest);
        }
    }

    static NetworkTables of(List<PeriodNetwork> networks) {
        List<PeriodRow> periods = new ArrayList<>();
        List<BrokerRow> brokers = new ArrayList<>();
        List<CommunityRow> communities = new ArrayList<>();
        for (PeriodNetwork period : networks) {
            CooperationNetwork network = period.network();
            periods.add(new PeriodRow(period.period(), network.events().size(), network.parties().size(), network.ties().size(),
                    network.communities().size(), share(network.modularity())));
            network.brokers().stream().limit(BROKERS).forEach(broker -> brokers.add(row(period.period(), broker)));
            network.communities().stream().limit(COMMUNITIES).forEach(community -> communities.add(new CommunityRow(period.period(),
                    community.number(), community.size(), community.count(Side.CHINA), community.count(Side.RUSSIA), community.largest(MEMBERS))));
        }
        return new NetworkTables(periods, brokers, communities);
    }

    static BrokerRow row(String period, CooperationNetwork.Broker broker) {
        CooperationNetwork.Party party = broker.party();
        return new BrokerRow(period, party.id(), party.name(), side(party.side()), share(broker.chinaRussiaBetweenness()), share(broker.betweenness()),
                broker.degree(), broker.chineseNeighbours(), broker.russianNeighbours());
    }

    static String side(Side side) {
        return switch (side) {
            case CHINA -> "China";
            case RUSSIA -> "Russia";
            case OTHER -> "other";
        };
    }

    /** A share of 0 to 1 with four decimals, as `analytics network-brokers` prints it. */
    static String share(double value) {
        return String.format(Locale.ROOT, "%.4f", value);
    }
}

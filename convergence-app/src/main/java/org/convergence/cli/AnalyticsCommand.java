package org.convergence.cli;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.convergence.ConvergenceException;
import org.convergence.ErrorCategory;
import org.convergence.analytics.ConvergenceAnalytics;
import org.convergence.analytics.CooperationNetwork;
import org.convergence.analytics.CooperationNetwork.Side;
import org.convergence.analytics.FlowFilter;
import org.convergence.store.StatementStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code convergence analytics matrix|flows|breadth|brokers}: trends over the evidence and SIPRI transfers;
 * {@code network-brokers|communities|ties}: the co-operation network of the curated events, per period.
 */
@Command(name = "analytics", mixinStandardHelpOptions = true,
        description = "Trends over the loaded evidence base (dataset 'evidence') and SIPRI transfers between Russia/USSR and China (dataset 'sipri').",
        subcommands = {AnalyticsCommand.MatrixCommand.class, AnalyticsCommand.FlowsCommand.class, AnalyticsCommand.BreadthCommand.class,
                AnalyticsCommand.BrokersCommand.class, AnalyticsCommand.NetworkBrokersCommand.class, AnalyticsCommand.CommunitiesCommand.class,
                AnalyticsCommand.TiesCommand.class})
final class AnalyticsCommand {
    @ParentCommand
    ConvergenceCommand root;

    /** The filter and output options every analytics command takes. */
    static final class Options {
        @Option(names = "--from", paramLabel = "YEAR", description = "First year (inclusive).")
        Integer from;

        @Option(names = "--to", paramLabel = "YEAR", description = "Last year (inclusive).")
        Integer to;

        @Option(names = "--domain", paramLabel = "ID", split = ",", description = "Only these domains (repeat or comma-separate).")
        Set<String> domains;

        @Option(names = "--type", paramLabel = "TYPE", split = ",", description = "Only these event types (transfers are arms-sale).")
        Set<String> types;

        @Option(names = "--party", paramLabel = "TEXT", description = "Only flows with a party whose name contains TEXT.")
        String party;

        @Option(names = "--format", defaultValue = "table", description = "table, csv or json (default: ${DEFAULT-VALUE}).")
        Table.Format format;

        FlowFilter filter() {
            return new FlowFilter(from, to, domains, types, party);
        }
    }

    /** The periods a by-period analysis shows. */
    static final class PeriodsOption {
        @Option(names = "--periods", split = ",", paramLabel = "YEAR",
                description = "Start years of the periods (default: 1991,2000,2014,2022, as the workbench shows them).")
        List<Integer> periods;

        List<Integer> starts() {
            return periods == null ? ConvergenceAnalytics.PERIOD_STARTS : periods;
        }
    }

    /** How many rows per period. */
    static final class LimitOption {
        @Option(names = "--limit", defaultValue = "10", description = "How many per period (default: ${DEFAULT-VALUE}).")
        int limit;

        int limit() {
            if (limit < 1) {
                throw new ConvergenceException(ErrorCategory.INVALID_INPUT, "--limit must be at least 1; got " + limit);
            }
            return limit;
        }
    }

    abstract static class Analysis implements Callable<Integer> {
        @ParentCommand
        AnalyticsCommand parent;

        @Spec
        CommandSpec spec;

        @Mixin
        Options options;

        @Override
        public Integer call() {
            try (StatementStore store = parent.root.openStore()) {
                ConvergenceAnalytics analytics = ConvergenceAnalytics.fromStore(store);
                if (analytics.flows(FlowFilter.ALL).isEmpty()) {
                    spec.commandLine().getErr().println("no co-operation data in the store: run `convergence evidence load` "
                            + "and `convergence import sipri FILE` first");
                }
                table(analytics, options.filter()).print(spec.commandLine().getOut(), options.format);
            }
            return 0;
        }

        abstract Table table(ConvergenceAnalytics analytics, FlowFilter filter);
    }

    @Command(name = "matrix", mixinStandardHelpOptions = true, description = "Events and transfers per domain and year.")
    static final class MatrixCommand extends Analysis {
        @Override
        Table table(ConvergenceAnalytics analytics, FlowFilter filter) {
            ConvergenceAnalytics.Matrix matrix = analytics.matrix(filter);
            List<String> header = new ArrayList<>(List.of("domain"));
            matrix.years().forEach(year -> header.add(String.valueOf(year)));
            header.add("total");
            Table table = new Table(header.toArray(String[]::new));
            for (String domain : matrix.domains()) {
                List<Object> row = new ArrayList<>(List.of(domain));
                int total = 0;
                for (int year : matrix.years()) {
                    int count = matrix.count(domain, year);
                    row.add(count);
                    total += count;
                }
                row.add(total);
                table.row(row.toArray());
            }
            return table;
        }
    }

    @Command(name = "flows", mixinStandardHelpOptions = true,
            description = "Direction of flows (Russia to China, China to Russia, joint) per period.")
    static final class FlowsCommand extends Analysis {
        @Mixin
        PeriodsOption periods;

        @Override
        Table table(ConvergenceAnalytics analytics, FlowFilter filter) {
            Table table = new Table("period", "ru_to_cn", "cn_to_ru", "joint");
            analytics.flowsByPeriod(filter, periods.starts()).forEach(p -> table.row(p.period(), p.ruToCn(), p.cnToRu(), p.joint()));
            return table;
        }
    }

    @Command(name = "breadth", mixinStandardHelpOptions = true, description = "How many domains are active each year.")
    static final class BreadthCommand extends Analysis {
        @Override
        Table table(ConvergenceAnalytics analytics, FlowFilter filter) {
            Table table = new Table("year", "domains", "active");
            analytics.breadth(filter).forEach(b -> table.row(b.year(), b.domainCount(), String.join(" ", b.domains())));
            return table;
        }
    }

    @Command(name = "brokers", mixinStandardHelpOptions = true, description = "The parties that appear across the most domains.")
    static final class BrokersCommand extends Analysis {
        @Option(names = "--limit", defaultValue = "20", description = "How many (default: ${DEFAULT-VALUE}).")
        int limit;

        @Override
        Table table(ConvergenceAnalytics analytics, FlowFilter filter) {
            Table table = new Table("party", "domains", "flows", "domain_list");
            analytics.brokers(filter, limit).forEach(b -> table.row(b.party(), b.domainCount(), b.flowCount(), String.join(" ", b.domains())));
            return table;
        }
    }

    @Command(name = "network-brokers", mixinStandardHelpOptions = true,
            description = {"Brokers of the co-operation network of the curated events, per period: the parties on the most shortest paths "
                    + "between a Chinese and a Russian party (cn_ru_betweenness), then between any two parties (betweenness), each as a share of the pairs.",
                    "Two parties are tied when they take part in the same event; authorities and designating governments take no part."})
    static final class NetworkBrokersCommand extends Analysis {
        @Mixin
        PeriodsOption periods;

        @Mixin
        LimitOption rows;

        @Override
        Table table(ConvergenceAnalytics analytics, FlowFilter filter) {
            Table table = new Table("period", "rank", "party", "side", "schema", "cn_ru_betweenness", "betweenness", "degree", "chinese_ties", "russian_ties",
                    "id");
            int limit = rows.limit();
            for (ConvergenceAnalytics.PeriodNetwork period : analytics.networkByPeriod(filter, periods.starts())) {
                int rank = 0;
                for (CooperationNetwork.Broker broker : period.network().brokers().stream().limit(limit).toList()) {
                    CooperationNetwork.Party party = broker.party();
                    table.row(period.period(), ++rank, party.name(), side(party), party.schema(), share(broker.chinaRussiaBetweenness()),
                            share(broker.betweenness()), broker.degree(), broker.chineseNeighbours(), broker.russianNeighbours(), party.id());
                }
            }
            return table;
        }
    }

    @Command(name = "communities", mixinStandardHelpOptions = true,
            description = "Communities of the co-operation network of the curated events, per period (label propagation, seeded: the same data "
                    + "gives the same communities), largest first, with their Chinese and Russian members and their largest members (most ties first).")
    static final class CommunitiesCommand extends Analysis {
        @Mixin
        PeriodsOption periods;

        @Mixin
        LimitOption rows;

        @Option(names = "--members", defaultValue = "5", description = "Members listed per community, most ties first (default: ${DEFAULT-VALUE}).")
        int members;

        @Override
        Table table(ConvergenceAnalytics analytics, FlowFilter filter) {
            Table table = new Table("period", "community", "size", "chinese", "russian", "other", "modularity", "largest_members");
            int limit = rows.limit();
            if (members < 1) {
                throw new ConvergenceException(ErrorCategory.INVALID_INPUT, "--members must be at least 1; got " + members);
            }
            for (ConvergenceAnalytics.PeriodNetwork period : analytics.networkByPeriod(filter, periods.starts())) {
                String modularity = share(period.network().modularity());
                for (CooperationNetwork.Community community : period.network().communities().stream().limit(limit).toList()) {
                    table.row(period.period(), community.number(), community.size(), community.count(Side.CHINA), community.count(Side.RUSSIA),
                            community.count(Side.OTHER), modularity,
                            String.join("; ", community.largest(members).stream().map(CooperationNetwork.Party::name).toList()));
                }
            }
            return table;
        }
    }

    @Command(name = "ties", mixinStandardHelpOptions = true,
            description = "Ties of the co-operation network of the curated events, per period, those of the most shared events first, "
                    + "with the ids of the events they share (the workbench's page of an event, /workbench/entities/ID, shows its sources).")
    static final class TiesCommand extends Analysis {
        @Mixin
        PeriodsOption periods;

        @Mixin
        LimitOption rows;

        @Override
        Table table(ConvergenceAnalytics analytics, FlowFilter filter) {
            Table table = new Table("period", "party", "other_party", "events", "event_ids");
            int limit = rows.limit();
            for (ConvergenceAnalytics.PeriodNetwork period : analytics.networkByPeriod(filter, periods.starts())) {
                Map<String, String> names = period.network().parties().stream()
                        .collect(Collectors.toMap(CooperationNetwork.Party::id, CooperationNetwork.Party::name));
                period.network().ties().stream().sorted(Comparator.comparingInt(CooperationNetwork.Tie::weight).reversed()).limit(limit)
                        .forEach(tie -> table.row(period.period(), names.get(tie.one()), names.get(tie.other()), tie.weight(), String.join(" ", tie.events())));
            }
            return table;
        }
    }

    private static String side(CooperationNetwork.Party party) {
        return party.side().name().toLowerCase(Locale.ROOT);
    }

    /** A share of 0 to 1 with four decimals. */
    private static String share(double value) {
        return String.format(Locale.ROOT, "%.4f", value);
    }
}

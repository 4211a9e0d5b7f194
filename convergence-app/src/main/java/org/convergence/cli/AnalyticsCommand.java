package org.convergence.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import org.convergence.analytics.ConvergenceAnalytics;
import org.convergence.analytics.FlowFilter;
import org.convergence.store.StatementStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code convergence analytics matrix|flows|breadth|brokers}: trends over the evidence and SIPRI transfers. */
@Command(name = "analytics", mixinStandardHelpOptions = true,
        description = "Trends over the loaded evidence base (dataset 'evidence') and SIPRI transfers between Russia/USSR and China (dataset 'sipri').",
        subcommands = {AnalyticsCommand.MatrixCommand.class, AnalyticsCommand.FlowsCommand.class, AnalyticsCommand.BreadthCommand.class,
                AnalyticsCommand.BrokersCommand.class})
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
        @Option(names = "--periods", split = ",", paramLabel = "YEAR",
                defaultValue = "1991,2000,2014,2022", description = "Start years of the periods (default: ${DEFAULT-VALUE}).")
        List<Integer> periods;

        @Override
        Table table(ConvergenceAnalytics analytics, FlowFilter filter) {
            Table table = new Table("period", "ru_to_cn", "cn_to_ru", "joint");
            analytics.flowsByPeriod(filter, periods).forEach(p -> table.row(p.period(), p.ruToCn(), p.cnToRu(), p.joint()));
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
}

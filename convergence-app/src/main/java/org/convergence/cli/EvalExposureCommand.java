package org.convergence.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.convergence.ConvergenceException;
import org.convergence.ErrorCategory;
import org.convergence.exposure.Exposure;
import org.convergence.exposure.ExposureCheck;
import org.convergence.exposure.PartnerSet;
import org.convergence.graph.ExposureGraph;
import org.convergence.model.ConvergenceModel;
import org.convergence.screening.Scope;
import org.convergence.screening.Screener;
import org.convergence.screening.audit.AuditLog;
import org.convergence.screening.audit.AuditedScreener;
import org.convergence.screening.audit.Requester;
import org.convergence.store.StatementStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code convergence eval exposure}: the exposure check on the partner development set, by kind of row and by half. */
@Command(name = "exposure", mixinStandardHelpOptions = true,
        description = {"Check the exposure development set (Named Research Organizations written as affiliations, the labs and subsidiaries",
                "ASPI's tracker ties to them named alone, institutions on no list) against the store, and print the share answered right",
                "by kind of row, for the half looked at during development and the half only reported. Import the lists first."})
final class EvalExposureCommand implements Callable<Integer> {
    @ParentCommand
    EvalCommand parent;

    @Spec
    CommandSpec spec;

    @Option(names = "--show-failures", defaultValue = "0", paramLabel = "N", description = "Print up to N rows answered wrong, per kind.")
    int showFailures;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        ConvergenceModel model = ConvergenceModel.standard();
        try (StatementStore store = parent.root.openStore(); Screener screener = Screener.open(store)) {
            ExposureGraph graph = ExposureGraph.build(store);
            List<PartnerSet.Row> rows = PartnerSet.build(graph, screener.current());
            if (rows.stream().noneMatch(row -> row.kind() != PartnerSet.Kind.UNLISTED)) {
                throw new ConvergenceException(ErrorCategory.NOT_FOUND, "the store holds neither the Named Research Organizations nor ASPI's tracker: "
                        + "import them first, e.g. scripts/import-shared-lists");
            }
            ExposureCheck check = new ExposureCheck(screener, new AuditedScreener(screener, AuditLog.of(store)), () -> graph, model);
            ExposureCheck.Settings settings = new ExposureCheck.Settings(Scope.Spec.of(Scope.ALL), screener.thresholds(), Requester.outsideWorkspaces("eval"),
                    ExposureCheck.Settings.DEFAULT_HOPS, ExposureCheck.Settings.DEFAULT_PATHS);
            Map<PartnerSet.Kind, int[]> counts = new EnumMap<>(PartnerSet.Kind.class);
            Map<PartnerSet.Kind, List<String>> failures = new EnumMap<>(PartnerSet.Kind.class);
            long started = System.nanoTime();
            int n = 0;
            for (PartnerSet.Row row : rows) {
                Exposure exposure = check.check(++n, "exposure development set row " + n,
                        new Screener.Query("partner", "Organization", Map.of("name", List.of(row.input()))), settings);
                boolean right = PartnerSet.right(row, exposure);
                int[] count = counts.computeIfAbsent(row.kind(), kind -> new int[4]);
                int half = row.report() ? 2 : 0;
                count[half]++;
                count[half + 1] += right ? 1 : 0;
                if (!right) {
                    failures.computeIfAbsent(row.kind(), kind -> new ArrayList<>()).add((row.report() ? "report" : "fit") + " · " + row.input() + " → "
                            + exposure.tier().label() + (exposure.reasons().isEmpty() ? "" : ": " + exposure.reasons().getFirst()));
                }
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            out.printf("exposure development set: %,d rows checked in %.1f s against %s%n", rows.size(), seconds,
                    screener.current().versions().stream().map(version -> version.label()).sorted().toList());
            Table table = new Table("kind", "fit_rows", "fit_right", "report_rows", "report_right", "target");
            for (PartnerSet.Kind kind : PartnerSet.Kind.values()) {
                int[] count = counts.getOrDefault(kind, new int[4]);
                table.row(kind.name().toLowerCase(java.util.Locale.ROOT), String.valueOf(count[0]), share(count[1], count[0]), String.valueOf(count[2]),
                        share(count[3], count[2]), switch (kind) {
                            case LISTED -> "flagged with a path to the listed organisation >= 95%";
                            case LAB_OR_SUBSIDIARY -> "flagged with a path to the NRO parent >= 80%";
                            case UNLISTED -> "flagged <= 5% (right = not flagged >= 95%)";
                        });
            }
            table.print(out, Table.Format.table);
            failures.forEach((kind, list) -> list.stream().limit(showFailures).forEach(line -> out.println(kind.name().toLowerCase(java.util.Locale.ROOT)
                    + " wrong: " + line)));
        }
        return 0;
    }

    private static String share(int right, int rows) {
        return rows == 0 ? "-" : String.format(java.util.Locale.ROOT, "%.1f%%", 100.0 * right / rows);
    }
}

package org.convergence.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Function;
import org.convergence.ConvergenceException;
import org.convergence.ErrorCategory;
import org.convergence.screening.ScoringModel;
import org.convergence.screening.Screener;
import org.convergence.screening.eval.DevelopmentSet;
import org.convergence.screening.eval.Evaluation;
import org.convergence.screening.eval.Evaluation.Outcome;
import org.convergence.screening.eval.LabelledCase;
import org.convergence.screening.eval.LabelledSets;
import org.convergence.screening.eval.LeaveOneSetOut;
import org.convergence.screening.eval.Metrics;
import org.convergence.store.DatasetVersion;
import org.convergence.store.StatementStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code convergence eval}: screening quality on the labelled development set, against the lists in the store. */
@Command(name = "eval", mixinStandardHelpOptions = true, subcommands = EvalExposureCommand.class,
        description = {"Run the labelled development set (the public sets of ../shared/data/name-matching, the pairs the lists give",
                "themselves, generated variants and hard negatives) against the lists in the store. Prints leave-one-set-out precision,",
                "recall and F1 (each set judged by a model fitted on the others), the same by script and by kind of party, the calibration",
                "of held-out scores, and each set's share answered right by the committed model. Import the lists first."})
final class EvalCommand implements Callable<Integer> {
    @ParentCommand
    ConvergenceCommand root;

    @Spec
    CommandSpec spec;

    @Option(names = "--name-matching", defaultValue = "../shared/data/name-matching",
            description = "The folder of labelled sets (default: ${DEFAULT-VALUE}).")
    Path nameMatching;

    @Option(names = "--negatives-every", defaultValue = "1",
            description = "Screen one negative row in this many (1 = all 50,000; default: ${DEFAULT-VALUE}).")
    int negativesEvery;

    @Option(names = "--show-failures", defaultValue = "0", paramLabel = "N",
            description = "Also list up to N wrong cases per set, scored by the model fitted without the set (default: ${DEFAULT-VALUE}).")
    int showFailures;

    @Option(names = "--fit", paramLabel = "MODEL.yaml",
            description = "Write the model fitted on every set, with the threshold chosen on held-out figures, to this file.")
    Path fitOutput;

    @Override
    public Integer call() throws IOException {
        if (!Files.isDirectory(nameMatching)) {
            throw new ConvergenceException(ErrorCategory.NOT_FOUND, nameMatching + ": no such folder; give the labelled sets with --name-matching");
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try (StatementStore store = root.openStore(); Screener screener = Screener.open(store)) {
            List<String> datasets = screener.current().versions().stream().map(DatasetVersion::dataset).sorted().toList();
            err.printf("index: %,d entities from %s%n", screener.current().size(), datasets);
            DevelopmentSet development = DevelopmentSet.standard();
            List<LabelledSets.Loaded> sets = new DevelopmentSet(negativesEvery, development.aliasesPerList(), development.variantsPerList())
                    .load(nameMatching, screener, err::println);
            List<LabelledCase> cases = new ArrayList<>();
            for (LabelledSets.Loaded set : sets) {
                cases.addAll(set.cases());
                if (set.leftOut() > 0) {
                    err.printf("%s: %d rows left out (%s)%n", set.set(), set.leftOut(), set.leftOutReason());
                }
            }
            long started = System.nanoTime();
            List<Outcome> outcomes = new Evaluation(screener).run(cases);
            err.printf("screened %,d cases of %d sets in %.1f s%n", cases.size(), sets.size(), (System.nanoTime() - started) / 1e9);
            ScoringModel committed = screener.scorer().model();
            LeaveOneSetOut.Report report = LeaveOneSetOut.run(outcomes, committed, "fitted by `convergence eval --fit` on the development set ("
                    + sets.size() + " sets, " + cases.size() + " cases; each set and each class counting alike) against " + datasets
                    + "; threshold chosen on leave-one-set-out figures");
            leaveOneSetOut(report, out);
            if (fitOutput != null) {
                report.model().write(fitOutput);
                err.printf("model fitted on every set written to %s (threshold %.2f)%n", fitOutput, report.model().threshold());
            }
            committed(outcomes, committed, out);
            if (showFailures > 0) {
                failures(report.heldOut(), report.model().threshold(), out);
            }
        }
        return 0;
    }

    private static void leaveOneSetOut(LeaveOneSetOut.Report report, PrintWriter out) {
        double threshold = report.model().threshold();
        out.printf("Leave one set out, at the threshold %.2f chosen on the held-out figures (in-sample: the model fitted on every set;%n"
                + "held-out: the model fitted on every set but this one):%n", threshold);
        Table table = new Table("set", "cases", "positives", "in_precision", "in_recall", "in_f1", "out_precision", "out_recall", "out_f1",
                "recall_gap");
        for (LeaveOneSetOut.SetFigures set : report.sets()) {
            table.row(set.set(), set.cases(), set.positives(), ratio(set.inSample().precision()), ratio(set.inSample().recall()),
                    ratio(set.inSample().f1()), ratio(set.heldOut().precision()), ratio(set.heldOut().recall()), ratio(set.heldOut().f1()),
                    String.format("%+.1f", set.recallGap()));
        }
        table.print(out, Table.Format.table);
        Metrics.AtThreshold all = Metrics.balancedAt(bySet(report.heldOut(), outcome -> outcome.kase().set()), threshold);
        out.printf("all sets, held-out, each set counting alike: precision %s, recall %s, F1 %s%n", ratio(all.precision()),
                ratio(all.recall()), ratio(all.f1()));
        groups("Held-out, by the script of the query", report.heldOut(), Outcome::script, threshold, out);
        groups("Held-out, by the kind of party", report.heldOut(), Outcome::kind, threshold, out);
        List<Metrics.Bin> bins = Metrics.calibration(report.heldOutPairs(), 10);
        out.printf("%nCalibration of held-out scores (each set, and matches and non-matches within it, counting alike;%n"
                + "a well-calibrated score equals the observed share):%n");
        Table calibration = new Table("scores", "weight", "mean_score", "observed_match_share");
        bins.forEach(bin -> calibration.row(String.format("%.1f-%.1f", bin.from(), bin.to()), String.format("%.2f", bin.count()),
                String.format("%.3f", bin.meanScore()), bin.count() == 0 ? "-" : String.format("%.3f", bin.observed())));
        calibration.print(out, Table.Format.table);
        out.printf("expected calibration error: %.4f%n", Metrics.expectedCalibrationError(bins));
    }

    /** Held-out figures of the cases grouped by a property of the query (script, kind), every set counting alike within a group. */
    private static void groups(String title, List<Outcome> outcomes, Function<Outcome, String> group, double threshold, PrintWriter out) {
        out.printf("%n%s:%n", title);
        Table table = new Table("group", "cases", "precision", "recall", "f1");
        bySet(outcomes, group).forEach((name, members) -> {
            Metrics.AtThreshold at = Metrics.balancedAt(bySet(members, outcome -> outcome.kase().set()), threshold);
            table.row(name, members.size(), ratio(at.precision()), ratio(at.recall()), ratio(at.f1()));
        });
        table.print(out, Table.Format.table);
    }

    private static Map<String, List<Outcome>> bySet(List<Outcome> outcomes, Function<Outcome, String> key) {
        Map<String, List<Outcome>> grouped = new LinkedHashMap<>();
        outcomes.forEach(outcome -> grouped.computeIfAbsent(key.apply(outcome), k -> new ArrayList<>()).add(outcome));
        return grouped;
    }

    /** Each set's share answered right by the committed model, at its threshold: what screening answers today. */
    private static void committed(List<Outcome> outcomes, ScoringModel model, PrintWriter out) {
        double threshold = model.threshold();
        out.printf("%nThe committed model (scoring-model.yaml), at its threshold %.2f: the share of each set's cases answered right:%n", threshold);
        Table table = new Table("set", "cases", "right", "right_share", "non_latin_cases", "non_latin_right_share", "errors");
        bySet(outcomes, outcome -> outcome.kase().set()).forEach((set, of) -> {
            List<Outcome> nonLatin = of.stream().filter(Outcome::nonLatin).toList();
            table.row(set, of.size(), of.stream().filter(o -> o.right(threshold)).count(), percent(Metrics.rightShare(of, threshold)),
                    nonLatin.size(), nonLatin.isEmpty() ? "-" : percent(Metrics.rightShare(nonLatin, threshold)),
                    of.stream().filter(o -> o.error() != null).count());
        });
        table.print(out, Table.Format.table);
        out.flush();
    }

    private void failures(List<Outcome> outcomes, double threshold, PrintWriter out) {
        out.printf("%nWrong cases, scored by the model fitted without their set (up to %d per set):%n", showFailures);
        Table table = new Table("set", "row", "query", "expected", "first_result", "first_score");
        bySet(outcomes, outcome -> outcome.kase().set()).forEach((set, of) -> of.stream().filter(o -> !o.right(threshold)).limit(showFailures)
                .forEach(o -> table.row(set, o.kase().row(), String.join(" | ", o.kase().query().properties().getOrDefault("name", List.of())),
                        expected(o.kase().expectation()), o.results().isEmpty() ? "-" : o.results().getFirst().entityId(),
                        o.results().isEmpty() ? "-" : String.format("%.3f", o.results().getFirst().score()))));
        table.print(out, Table.Format.table);
    }

    private static String expected(LabelledCase.Expectation expectation) {
        String text = switch (expectation) {
            case LabelledCase.Pair pair -> (pair.match() ? "same as " : "not ") + String.join(" | ", pair.listed().getOrDefault("name", List.of()));
            case LabelledCase.Finds finds -> (finds.first() ? "first: " : "finds ") + finds.entityId();
            default -> expectation.toString();
        };
        return text.length() > 90 ? text.substring(0, 89) + "…" : text;
    }

    private static String ratio(double value) {
        return String.format("%.3f", value);
    }

    private static String percent(double share) {
        return String.format("%.2f%%", 100 * share);
    }
}

package org.convergence.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.Predicate;
import org.convergence.ConvergenceException;
import org.convergence.ErrorCategory;
import org.convergence.model.ConvergenceModel;
import org.convergence.screening.Scorer;
import org.convergence.screening.ScoringModel;
import org.convergence.screening.Screener;
import org.convergence.screening.eval.Evaluation;
import org.convergence.screening.eval.Evaluation.Outcome;
import org.convergence.screening.eval.LabelledCase;
import org.convergence.screening.eval.LabelledSets;
import org.convergence.screening.eval.LogisticFit;
import org.convergence.screening.eval.Metrics;
import org.convergence.store.DatasetVersion;
import org.convergence.store.StatementStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code convergence eval}: screening quality on the labelled name-matching sets, against the lists in the store. */
@Command(name = "eval", mixinStandardHelpOptions = true,
        description = {"Run the labelled name-matching sets against the lists in the store and print, per set, the share",
                "answered right, then precision, recall and F1 at several thresholds and the calibration of scores, overall",
                "and for queries in non-Latin scripts. Import the lists first (un-sc, ca-nro, aspi-unitracker and the others)."})
final class EvalCommand implements Callable<Integer> {
    private static final double[] THRESHOLDS = {0.3, 0.5, 0.6, 0.7, 0.8, 0.9, 0.95};

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
            description = "Also list up to N wrong cases per set, with what came first (default: ${DEFAULT-VALUE}).")
    int showFailures;

    @Option(names = "--fit", paramLabel = "MODEL.yaml",
            description = "Refit the scoring model on the training rows (even rows of the UN positives, also with middle names left out and with the name "
                    + "alone; one negative in ten, chosen by a hash of the row, also with the name alone) and "
                    + "write it here; the report then shows the refitted model on the rows it was not fitted on.")
    Path fitOutput;

    @Override
    public Integer call() throws IOException {
        if (!Files.isDirectory(nameMatching)) {
            throw new ConvergenceException(ErrorCategory.NOT_FOUND, nameMatching + ": no such folder; give the labelled sets with --name-matching");
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        ConvergenceModel model = ConvergenceModel.standard();
        try (StatementStore store = root.openStore()) {
            Set<String> datasets = Set.copyOf(store.latestVersions().stream().map(DatasetVersion::dataset).toList());
            ScoringModel scoring = ScoringModel.standard();
            List<LabelledCase> cases;
            List<Outcome> outcomes;
            try (Screener screener = new Screener(store, model, new Scorer(scoring))) {
                err.printf("index: %,d entities from %s%n", screener.current().size(), datasets);
                cases = cases(new LabelledSets(nameMatching, screener.current()), datasets, err);
                long started = System.nanoTime();
                outcomes = new Evaluation(screener).run(cases);
                err.printf("screened %,d cases in %.1f s%n", cases.size(), (System.nanoTime() - started) / 1e9);
            }
            if (fitOutput != null) {
                List<Outcome> training = outcomes.stream().filter(EvalCommand::isTraining).toList();
                ScoringModel fitted = LogisticFit.fit(Metrics.labelledPairs(training), scoring,
                        "fitted by `convergence eval --fit` on " + training.size() + " training cases (even rows of the yente UN positives, untreated, treated, "
                                + "treated with the name alone, and with middle names left out; one row in ten of cgb_negatives_global by a hash of "
                                + "the row, with its date and nationality and with the name alone) against " + datasets);
                fitted.write(fitOutput);
                err.printf("refitted model written to %s; scoring again with it%n", fitOutput);
                try (Screener screener = new Screener(store, model, new Scorer(fitted))) {
                    outcomes = new Evaluation(screener).run(cases).stream().filter(o -> !isTraining(o)).toList();
                }
                scoring = fitted;
                out.println("(held-out rows only: the rows the model was not fitted on)");
            }
            report(outcomes, scoring.threshold(), out);
            if (showFailures > 0) {
                failures(outcomes, scoring.threshold(), out);
            }
        }
        return 0;
    }

    /** The rows a refit learns from; the rest are held out for the report. */
    private static boolean isTraining(Outcome outcome) {
        String set = outcome.kase().set();
        int row = outcome.kase().row();
        // A multiplicative hash of the row, so the choice does not depend on --negatives-every.
        return (set.equals(LabelledSets.UN_UNTREATED) || set.equals(LabelledSets.UN_TREATED) || set.equals(LabelledSets.UN_SHORTENED)
                || set.equals(LabelledSets.UN_TREATED + LabelledSets.NAME_ONLY)) && row % 2 == 0
                || (set.equals(LabelledSets.NEGATIVES) || set.equals(LabelledSets.NEGATIVES + LabelledSets.NAME_ONLY))
                && Math.floorMod((row * 0x9E3779B97F4A7C15L) >>> 33, 10) == 0;
    }

    private List<LabelledCase> cases(LabelledSets sets, Set<String> datasets, PrintWriter err) {
        List<LabelledSets.Loaded> loaded = new ArrayList<>();
        if (datasets.contains("un-sc")) {
            loaded.add(sets.unPositives(LabelledSets.UN_UNTREATED));
            loaded.add(sets.unPositives(LabelledSets.UN_TREATED));
            loaded.add(sets.nameOnly(sets.unPositives(LabelledSets.UN_TREATED)));
            loaded.add(sets.unShortened());
        } else {
            err.println("skipped the UN positives: import un-sc first (convergence lists import un-sc FILE)");
        }
        loaded.add(sets.negatives(LabelledSets.NEGATIVES, negativesEvery));
        loaded.add(sets.nameOnly(sets.negatives(LabelledSets.NEGATIVES, negativesEvery)));
        loaded.add(sets.crossScriptPairs());
        loaded.add(sets.ofacCases());
        if (datasets.contains("ca-nro") && datasets.contains("aspi-unitracker")) {
            loaded.add(sets.nroByChineseName());
        } else {
            err.println("skipped the Chinese cross-script set: import ca-nro and aspi-unitracker first");
        }
        List<LabelledCase> cases = new ArrayList<>();
        for (LabelledSets.Loaded set : loaded) {
            cases.addAll(set.cases());
            if (set.leftOut() > 0) {
                err.printf("%s: %d rows left out (%s)%n", set.set(), set.leftOut(), set.leftOutReason());
            }
        }
        return cases;
    }

    private static void report(List<Outcome> outcomes, double threshold, PrintWriter out) {
        out.printf("%nPer set, at the model's match threshold %.2f:%n", threshold);
        Table sets = new Table("set", "cases", "right", "right_share", "non_latin_cases", "non_latin_right_share", "errors");
        outcomes.stream().map(o -> o.kase().set()).distinct().forEach(set -> {
            List<Outcome> of = outcomes.stream().filter(o -> o.kase().set().equals(set)).toList();
            List<Outcome> nonLatin = of.stream().filter(Outcome::nonLatin).toList();
            sets.row(set, String.valueOf(of.size()), String.valueOf(of.stream().filter(o -> o.right(threshold)).count()),
                    percent(Metrics.rightShare(of, threshold)), String.valueOf(nonLatin.size()),
                    nonLatin.isEmpty() ? "-" : percent(Metrics.rightShare(nonLatin, threshold)),
                    String.valueOf(of.stream().filter(o -> o.error() != null).count()));
        });
        sets.print(out, Table.Format.table);
        thresholds("All cases", outcomes, out, o -> true);
        thresholds("Queries in non-Latin scripts", outcomes, out, Outcome::nonLatin);
        List<Metrics.Bin> bins = Metrics.calibration(Metrics.labelledPairs(outcomes), 10);
        out.printf("%nCalibration (scored pairs whose truth is known; a well-calibrated score equals the observed share):%n");
        Table calibration = new Table("scores", "pairs", "mean_score", "observed_match_share");
        bins.forEach(bin -> calibration.row(String.format("%.1f-%.1f", bin.from(), bin.to()), String.valueOf(bin.count()),
                String.format("%.3f", bin.meanScore()), bin.count() == 0 ? "-" : String.format("%.3f", bin.observed())));
        calibration.print(out, Table.Format.table);
        out.printf("expected calibration error: %.4f%n", Metrics.expectedCalibrationError(bins));
        out.flush();
    }

    private static void thresholds(String title, List<Outcome> outcomes, PrintWriter out, Predicate<Outcome> filter) {
        List<Outcome> selected = outcomes.stream().filter(filter).toList();
        out.printf("%n%s (%d cases):%n", title, selected.size());
        Table table = new Table("threshold", "true_pos", "false_pos", "false_neg", "precision", "recall", "f1");
        for (double t : THRESHOLDS) {
            Metrics.AtThreshold at = Metrics.at(selected, t);
            table.row(String.format("%.2f", t), String.valueOf(at.truePositives()), String.valueOf(at.falsePositives()),
                    String.valueOf(at.falseNegatives()), String.format("%.4f", at.precision()), String.format("%.4f", at.recall()),
                    String.format("%.4f", at.f1()));
        }
        table.print(out, Table.Format.table);
    }

    private void failures(List<Outcome> outcomes, double threshold, PrintWriter out) {
        out.printf("%nWrong cases (up to %d per set):%n", showFailures);
        Table table = new Table("set", "row", "query", "expected", "first_result", "first_score");
        outcomes.stream().map(o -> o.kase().set()).distinct().forEach(set -> outcomes.stream()
                .filter(o -> o.kase().set().equals(set) && !o.right(threshold)).limit(showFailures).forEach(o -> table.row(set,
                        String.valueOf(o.kase().row()), String.join(" | ", o.kase().query().properties().getOrDefault("name", List.of())),
                        o.kase().expectation().toString(), o.results().isEmpty() ? "-" : o.results().getFirst().entityId(),
                        o.results().isEmpty() ? "-" : String.format("%.3f", o.results().getFirst().score()))));
        table.print(out, Table.Format.table);
    }

    private static String percent(double share) {
        return String.format("%.2f%%", 100 * share);
    }
}

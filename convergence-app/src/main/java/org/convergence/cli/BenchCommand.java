package org.convergence.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.convergence.ftm.FtmJsonReader;
import org.convergence.ingest.Checksums;
import org.convergence.ingest.ImportProgress;
import org.convergence.ingest.ImportRequest;
import org.convergence.ingest.ImportResult;
import org.convergence.ingest.Ingestor;
import org.convergence.lists.ListSource;
import org.convergence.model.ConvergenceModel;
import org.convergence.store.StatementStore;
import org.convergence.store.StoreConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code convergence bench}: benchmark commands whose figures go into docs/BENCHMARKS.md. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Benchmarks (figures for docs/BENCHMARKS.md).",
        subcommands = {BenchCommand.Import.class, BenchCommand.Lists.class, BenchMatchCommand.class})
final class BenchCommand {
    @ParentCommand
    ConvergenceCommand root;

    @Command(name = "import", mixinStandardHelpOptions = true,
            description = "Generate a synthetic FtM JSON lines file and time its import into a fresh store "
                    + "(a temporary H2 folder, or the PostgreSQL store given by --db-url).")
    static final class Import implements Callable<Integer> {
        @ParentCommand
        BenchCommand parent;

        @Spec
        CommandSpec spec;

        @Option(names = "--entities", defaultValue = "200000", description = "Entities to generate (default: ${DEFAULT-VALUE}).")
        int entities;

        @Option(names = "--runs", defaultValue = "3", description = "Timed runs after one warm-up (default: ${DEFAULT-VALUE}).")
        int runs;

        @Override
        public Integer call() throws IOException {
            var out = spec.commandLine().getOut();
            Path work = Files.createTempDirectory("convergence-bench");
            try {
                Path file = work.resolve("synthetic.ftm.json");
                SyntheticFtmFile.write(file, entities, 42);
                out.printf("generated %,d entities (%,d bytes) in %s%n", entities, Files.size(file), file);
                String checksum = Checksums.sha256(file);
                for (int run = 0; run <= runs; run++) {
                    StoreConfig config = parent.root.dbUrl != null || System.getenv("CONVERGENCE_DB_URL") != null
                            ? StoreConfig.fromEnvironment(System.getenv(), null, parent.root.dbUrl)
                            : StoreConfig.embedded(work.resolve("store-" + run));
                    try (StatementStore store = config.open(ConvergenceModel.standard());
                            FtmJsonReader source = new FtmJsonReader(file, "bench-" + run, ConvergenceModel.standard())) {
                        ImportResult result = new Ingestor(store).run(new ImportRequest("bench-" + run, file.toString(), checksum, null),
                                source, false, ImportProgress.NONE);
                        out.printf("%s %s: %,d entities, %,d statements in %.2f s = %,.0f entities/s%n",
                                run == 0 ? "warm-up" : "run " + run, store.location(), result.entities(), result.statements(),
                                result.elapsed().toNanos() / 1e9, result.entitiesPerSecond());
                    }
                }
            } finally {
                try (Stream<Path> paths = Files.walk(work)) {
                    paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
                }
            }
            return 0;
        }
    }

    @Command(name = "lists", mixinStandardHelpOptions = true,
            description = "Time the import of every official list snapshot in a warm JVM: warm-up imports first, then timed "
                    + "imports, each into a fresh embedded store.")
    static final class Lists implements Callable<Integer> {
        /** The snapshots in the shared data folder, by source: a file, or the folder of a file set. */
        private static final List<Map.Entry<ListSource, String>> SNAPSHOTS = List.of(
                Map.entry(ListSource.CA_SEMA, "lists/ca-sema/sema-lmes_2025-09-22.xml"),
                Map.entry(ListSource.CA_SEMA, "lists/ca-sema/sema-lmes_2020-04-15.xml"));

        @Spec
        CommandSpec spec;

        @Option(names = "--shared-data", defaultValue = "../shared/data", description = "The folder of snapshots (default: ${DEFAULT-VALUE}).")
        Path sharedData;

        @Option(names = "--warmup", defaultValue = "3", description = "Untimed imports of each snapshot first (default: ${DEFAULT-VALUE}).")
        int warmup;

        @Option(names = "--runs", defaultValue = "5", description = "Timed imports of each snapshot (default: ${DEFAULT-VALUE}).")
        int runs;

        @Override
        public Integer call() throws IOException {
            Table table = new Table("source", "snapshot", "entities", "best_s", "median_s", "entities_per_s");
            Path work = Files.createTempDirectory("convergence-bench-lists");
            try {
                int store = 0;
                for (var snapshot : SNAPSHOTS) {
                    Path file = sharedData.resolve(snapshot.getValue());
                    if (!Files.exists(file)) {
                        spec.commandLine().getErr().println("skipped (absent): " + file);
                        continue;
                    }
                    List<ImportResult> timed = new ArrayList<>();
                    for (int run = 0; run < warmup + runs; run++) {
                        try (StatementStore fresh = StoreConfig.embedded(work.resolve("store-" + store++)).open(ConvergenceModel.standard())) {
                            ImportResult result = snapshot.getKey().importInto(fresh, file, ConvergenceModel.standard(), false, ImportProgress.NONE);
                            if (run >= warmup) {
                                timed.add(result);
                            }
                        }
                    }
                    List<Double> seconds = timed.stream().map(r -> r.elapsed().toNanos() / 1e9).sorted().toList();
                    double median = seconds.get(seconds.size() / 2);
                    long entities = timed.getFirst().entities();
                    table.row(snapshot.getKey().id(), file.getFileName().toString(), String.valueOf(entities), String.format("%.3f", seconds.getFirst()),
                            String.format("%.3f", median), String.format("%.0f", entities / median));
                }
            } finally {
                try (Stream<Path> paths = Files.walk(work)) {
                    paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
                }
            }
            table.print(spec.commandLine().getOut(), Table.Format.table);
            return 0;
        }
    }
}

package org.convergence.cli;

import java.io.IOException;
import java.io.Writer;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.nio.charset.StandardCharsets;
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
import org.convergence.ingest.ImportResult;
import org.convergence.ingest.Ingestor;
import org.convergence.lists.ListSource;
import org.convergence.model.ConvergenceModel;
import org.convergence.screening.Scope;
import org.convergence.screening.Screener;
import org.convergence.screening.ScreeningIndex;
import org.convergence.screening.Thresholds;
import org.convergence.screening.audit.AuditLog;
import org.convergence.screening.audit.Requester;
import org.convergence.screening.batch.BatchInput;
import org.convergence.screening.batch.BatchScreening;
import org.convergence.screening.batch.BatchSummary;
import org.convergence.screening.batch.CsvResultWriter;
import org.convergence.store.ImportRequest;
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
        subcommands = {BenchCommand.Import.class, BenchCommand.Lists.class, BenchCommand.Index.class, BenchCommand.Screen.class, BenchMatchCommand.class, BenchLoadCommand.class,
                BenchOverviewCommand.class})
final class BenchCommand {
    @ParentCommand
    ConvergenceCommand root;

    /** Removes a benchmark's temporary folder and everything in it. */
    private static void deleteTree(Path folder) throws IOException {
        try (Stream<Path> paths = Files.walk(folder)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }

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
                deleteTree(work);
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
                Map.entry(ListSource.CA_SEMA, "lists/ca-sema/sema-lmes_2020-04-15.xml"),
                Map.entry(ListSource.UN_SC, "lists/un-sc/un_consolidated_2026-02-27.xml"),
                Map.entry(ListSource.US_OFAC_SDN, "lists/ofac/sdn_2021-07"),
                Map.entry(ListSource.US_OFAC_CONS, "lists/ofac/cons_2025-12"),
                Map.entry(ListSource.US_OFAC_CONS, "lists/ofac/ofac_consolidated_nonsdn_2025-06-30.xml"),
                Map.entry(ListSource.GB_FCDO, "lists/uk-ofsi/UK_Sanctions_List_summary_2025-08-11.csv"),
                Map.entry(ListSource.GB_FCDO, "lists/uk-ofsi/UK_Sanctions_List_summary_2025-08-11.ods"),
                Map.entry(ListSource.US_CSL, "lists/us-trade-csl/csl_sample_2019-12.csv"),
                Map.entry(ListSource.US_BIS_DPL, "lists/us-trade-csl/dpl_2022-09.txt"),
                Map.entry(ListSource.CA_NRO, "research-security/ca-nro/named-research-organizations_2024-04-18.html"),
                Map.entry(ListSource.ASPI_UNITRACKER, "research-security/aspi-unitracker/misp_china-defence-universities.json"));

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
                deleteTree(work);
            }
            table.print(spec.commandLine().getOut(), Table.Format.table);
            return 0;
        }
    }

    @Command(name = "index", mixinStandardHelpOptions = true,
            description = {"Generate synthetic listed parties (people and companies, Latin, Cyrillic and Chinese names) into a fresh",
                    "embedded store, build the screening index from it, and time screening queries against it (one client, in process):",
                    "build time, heap held by the index, latency percentiles and queries per second. Half the queries carry a typo."})
    static final class Index implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--entities", defaultValue = "1000000", description = "Parties to generate (default: ${DEFAULT-VALUE}).")
        int entities;

        @Option(names = "--queries", defaultValue = "2000", description = "Timed queries, after as many warm-up queries (default: ${DEFAULT-VALUE}).")
        int queries;

        @Option(names = "--seed", defaultValue = "7", description = "Seed of the generator (default: ${DEFAULT-VALUE}).")
        long seed;

        @Override
        public Integer call() throws IOException {
            var out = spec.commandLine().getOut();
            ConvergenceModel model = ConvergenceModel.standard();
            Path work = Files.createTempDirectory("convergence-bench-index");
            try (StatementStore store = StoreConfig.embedded(work).open(model)) {
                ImportResult imported = new Ingestor(store).run(new ImportRequest("synthetic", "synthetic:" + entities,
                        "synthetic-" + entities + "-" + seed, null), new SyntheticParties(entities, seed, "synthetic"), false, ImportProgress.NONE);
                out.printf("generated and imported %,d parties (%,d statements) in %.1f s%n", imported.entities(), imported.statements(),
                        imported.elapsed().toNanos() / 1e9);
                long heapBefore = usedHeap();
                long started = System.nanoTime();
                try (Screener screener = Screener.open(store)) {
                    double buildSeconds = (System.nanoTime() - started) / 1e9;
                    long heapAfter = usedHeap();
                    out.printf("index built: %,d entities in %.1f s; heap held by the index about %,d MB (max heap %,d MB)%n",
                            screener.current().size(), buildSeconds, (heapAfter - heapBefore) >> 20, Runtime.getRuntime().maxMemory() >> 20);
                    List<Screener.Query> sample = sample(screener);
                    Scope everything = screener.scope(Scope.Spec.of(Scope.ALL));
                    Thresholds lookup = screener.thresholds().withCutoff(0);
                    for (Screener.Query query : sample) {
                        screener.match(query, everything, 10, lookup);
                    }
                    long[] nanos = new long[sample.size()];
                    long all = System.nanoTime();
                    for (int i = 0; i < sample.size(); i++) {
                        long t = System.nanoTime();
                        screener.match(sample.get(i), everything, 10, lookup);
                        nanos[i] = System.nanoTime() - t;
                    }
                    double seconds = (System.nanoTime() - all) / 1e9;
                    java.util.Arrays.sort(nanos);
                    out.printf("%,d queries in %.2f s (%.0f queries/s, one thread): p50 %.2f ms, p95 %.2f ms, p99 %.2f ms, max %.2f ms%n",
                            nanos.length, seconds, nanos.length / seconds, percentile(nanos, 50), percentile(nanos, 95), percentile(nanos, 99),
                            nanos[nanos.length - 1] / 1e6);
                }
            } finally {
                deleteTree(work);
            }
            return 0;
        }

        /** Names of indexed parties, half of them with one typo (a letter dropped or two swapped). */
        private List<Screener.Query> sample(Screener screener) {
            java.util.Random random = new java.util.Random(seed + 1);
            List<ScreeningIndex.Indexed> all = screener.current().entitiesOf("synthetic");
            List<Screener.Query> sample = new ArrayList<>(queries);
            for (int i = 0; i < queries; i++) {
                ScreeningIndex.Indexed entity = all.get(random.nextInt(all.size()));
                String name = entity.properties().get("name").getFirst();
                if (i % 2 == 1 && name.length() > 4) {
                    int at = 1 + random.nextInt(name.length() - 3);
                    name = random.nextBoolean() ? name.substring(0, at) + name.substring(at + 1)
                            : name.substring(0, at) + name.charAt(at + 1) + name.charAt(at) + name.substring(at + 2);
                }
                sample.add(new Screener.Query(null, entity.screened().schema().getName(), Map.of("name", List.of(name))));
            }
            return sample;
        }

        private static double percentile(long[] sorted, int percent) {
            return sorted[Math.min(sorted.length - 1, (int) Math.ceil(percent / 100.0 * sorted.length) - 1)] / 1e6;
        }

        private static long usedHeap() {
            Runtime runtime = Runtime.getRuntime();
            for (int i = 0; i < 3; i++) {
                System.gc();
            }
            return runtime.totalMemory() - runtime.freeMemory();
        }
    }

    @Command(name = "screen", mixinStandardHelpOptions = true,
            description = {"Time batch screening and watch its memory: imports the SEMA, NRO and ASPI snapshots into a fresh embedded "
                    + "store, then screens a generated customer file (or --file) through the audit log into a CSV, reporting rows/s and "
                    + "the live heap (after a full GC) at each quarter of the rows.",
                    "Run it with a small heap to show that memory stays flat: CONVERGENCE_JAVA_OPTS=-Xmx256m."})
    static final class Screen implements Callable<Integer> {
        /** The lists screened against, by source, in the shared data folder. */
        private static final List<Map.Entry<ListSource, String>> LISTS = List.of(
                Map.entry(ListSource.CA_SEMA, "lists/ca-sema/sema-lmes_2025-09-22.xml"),
                Map.entry(ListSource.CA_NRO, "research-security/ca-nro/named-research-organizations_2024-04-18.html"),
                Map.entry(ListSource.ASPI_UNITRACKER, "research-security/aspi-unitracker/misp_china-defence-universities.json"));

        @Spec
        CommandSpec spec;

        @Option(names = "--rows", defaultValue = "200000", description = "Rows to generate (default: ${DEFAULT-VALUE}).")
        int rows;

        @Option(names = "--file", paramLabel = "FILE", description = "Screen this CSV or JSON lines file instead of a generated one.")
        Path file;

        @Option(names = "--shared-data", defaultValue = "../shared/data", description = "The folder of snapshots (default: ${DEFAULT-VALUE}).")
        Path sharedData;

        @Option(names = "--threads", paramLabel = "N", description = "Rows screened at once (default: the number of processors).")
        Integer threads;

        @Override
        public Integer call() throws IOException {
            var out = spec.commandLine().getOut();
            Path work = Files.createTempDirectory("convergence-bench-screen");
            ConvergenceModel model = ConvergenceModel.standard();
            try (StatementStore store = StoreConfig.embedded(work.resolve("store")).open(model)) {
                for (var list : LISTS) {
                    Path snapshot = sharedData.resolve(list.getValue());
                    if (Files.exists(snapshot)) {
                        ImportResult imported = list.getKey().importInto(store, snapshot, model, false, ImportProgress.NONE);
                        out.printf("imported %s: %,d entities%n", imported.version().label(), imported.entities());
                    } else {
                        spec.commandLine().getErr().println("skipped (absent): " + snapshot);
                    }
                }
                Path input = file;
                if (input == null) {
                    input = work.resolve("customers.csv");
                    SyntheticPartiesFile.write(input, rows, 42);
                    out.printf("generated %,d rows (%,d bytes) in %s%n", rows, Files.size(input), input);
                }
                long lines = countLines(input);
                HeapCheckpoints heap = new HeapCheckpoints(lines);
                try (Screener screener = Screener.open(store);
                        BatchInput batch = BatchInput.open(input, BatchInput.Format.of(input), List.of(), null, false, model);
                        Writer results = Files.newBufferedWriter(work.resolve("results.csv"), StandardCharsets.UTF_8)) {
                    BatchScreening.Settings settings = new BatchScreening.Settings(Scope.Spec.of(Scope.ALL), 5, screener.thresholds(), Requester.outsideWorkspaces("bench"),
                            threads != null ? threads : Runtime.getRuntime().availableProcessors());
                    BatchSummary summary = new BatchScreening(screener, AuditLog.of(store)).run(batch, input.getFileName().toString(), settings,
                            List.of(new CsvResultWriter(results)), heap);
                    heap.record(summary.rows());
                    out.println(ScreenCommand.describe(summary));
                    out.printf("threads %d; max heap %,d MB; live heap after full GC: %s%n", settings.threads(),
                            Runtime.getRuntime().maxMemory() >> 20, heap);
                }
            } finally {
                deleteTree(work);
            }
            return 0;
        }

        private static long countLines(Path input) throws IOException {
            try (Stream<String> lines = Files.lines(input, StandardCharsets.UTF_8)) {
                return lines.count();
            }
        }

        /** Progress that forces a full GC at each quarter of the rows and keeps the heap still in use: the run's live memory. */
        private static final class HeapCheckpoints implements ImportProgress {
            private final long expected;
            private final List<String> taken = new ArrayList<>();
            private int next = 1;

            HeapCheckpoints(long expected) {
                this.expected = Math.max(1, expected);
            }

            @Override
            public void update(long records, long position, long size) {
                if (next <= 3 && records >= expected * next / 4) {
                    record(records);
                }
            }

            void record(long records) {
                System.gc();
                MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
                taken.add(String.format("%,d rows %,d MB", records, heap.getUsed() >> 20));
                next++;
            }

            @Override
            public String toString() {
                return String.join(", ", taken);
            }
        }
    }
}

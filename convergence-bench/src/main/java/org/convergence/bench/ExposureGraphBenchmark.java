package org.convergence.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.convergence.graph.ExposureGraph;
import org.convergence.graph.ExposureGraph.Bound;
import org.convergence.graph.ExposureGraph.Bounds;
import org.convergence.graph.GraphNode;
import org.convergence.ingest.ImportProgress;
import org.convergence.ingest.Ingestor;
import org.convergence.model.ConvergenceModel;
import org.convergence.store.H2StatementStore;
import org.convergence.store.ImportRequest;
import org.convergence.store.StatementStore;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * A path query of the exposure graph on a synthetic network ({@link SyntheticNetwork}) of a million
 * relations: the shortest paths, within three hops, from a party to parties with a Sanction, as a
 * research-security officer asks of a partner; and the same walk with no target at all, which goes
 * until a bound stops it. The network is imported into an embedded store and
 * the graph built from it, as the application does when a dataset version lands; the setup prints
 * the import and build times and the heap the graph holds. Starts are parties drawn uniformly, so
 * most have a few relations and some reach the hubs.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 10)
@Fork(value = 1, jvmArgs = {"-Xmx8g", "-XX:+UseParallelGC"})
public class ExposureGraphBenchmark {
    private static final long SEED = 20_260_413L;
    private static final int STARTS = 10_000;
    private static final Predicate<GraphNode> SANCTIONED = node -> !node.listings().isEmpty();
    private static final Predicate<GraphNode> NOTHING = node -> false;

    @Param("1000000")
    int relations;

    private Path folder;
    private ExposureGraph graph;
    private String[] starts;
    private int next;

    @Setup(Level.Trial)
    public void build() throws IOException {
        folder = Files.createTempDirectory("exposure-bench");
        SyntheticNetwork network = new SyntheticNetwork(relations, SEED);
        long heapBefore;
        try (StatementStore store = new H2StatementStore(folder, ConvergenceModel.standard())) {
            long started = System.nanoTime();
            new Ingestor(store).run(new ImportRequest(SyntheticNetwork.DATASET, "synthetic", "seed-" + SEED + "-" + relations, null), network,
                    false, ImportProgress.NONE);
            double imported = seconds(started);
            heapBefore = usedHeap();
            started = System.nanoTime();
            graph = ExposureGraph.build(store);
            double built = seconds(started);
            long heap = usedHeap() - heapBefore;
            ExposureGraph.Summary summary = graph.summary();
            System.out.printf("%nnetwork: %,d relations, %,d nodes, %,d Sanctions; import %.1f s, graph build from the store %.1f s, "
                    + "graph heap %,d MB%n", summary.relations(), summary.nodes(), network.sanctions(), imported, built, heap >> 20);
        }
        Random random = new Random(SEED);
        starts = new String[STARTS];
        for (int i = 0; i < STARTS; i++) {
            starts[i] = SyntheticNetwork.party(network.parties(), random.nextInt(network.parties()));
        }
        describeAnswers();
    }

    /** What the queries find: how many paths, and how often a bound cuts them short. */
    private void describeAnswers() {
        for (Predicate<GraphNode> targets : List.of(SANCTIONED, NOTHING)) {
            long paths = 0;
            Map<Bound, Integer> reached = new EnumMap<>(Bound.class);
            for (String start : starts) {
                ExposureGraph.Paths found = graph.paths(start, targets, Bounds.DEFAULT);
                paths += found.paths().size();
                found.reached().forEach(bound -> reached.merge(bound, 1, Integer::sum));
            }
            System.out.printf("queries %s: %,d starts, %.1f paths each on average; bounds reached: %s%n",
                    targets == SANCTIONED ? "to sanctioned parties" : "to no target", STARTS, (double) paths / STARTS, reached);
        }
    }

    @Benchmark
    public ExposureGraph.Paths threeHopPathsToSanctionedParties() {
        return graph.paths(starts[next++ % STARTS], SANCTIONED, Bounds.DEFAULT);
    }

    /** The worst case: no target anywhere, so every query walks its three hops until a bound stops it, as for a partner with no tie to the list. */
    @Benchmark
    public ExposureGraph.Paths threeHopSearchThatFindsNothing() {
        return graph.paths(starts[next++ % STARTS], NOTHING, Bounds.DEFAULT);
    }

    @TearDown(Level.Trial)
    public void deleteStore() throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            files.sorted(Comparator.reverseOrder()).forEach(file -> {
                try {
                    Files.delete(file);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }

    private static double seconds(long started) {
        return (System.nanoTime() - started) / 1e9;
    }

    private static long usedHeap() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}

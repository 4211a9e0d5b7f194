package org.convergence.bench;

import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.convergence.model.ConvergenceModel;
import org.convergence.screening.ScoringModel;
import org.convergence.screening.Scorer;
import org.convergence.screening.ScreenedEntity;
import org.convergence.screening.compare.TokenWeights;
import org.convergence.screening.names.NameKind;
import org.convergence.screening.names.NameNormalizer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The cost of scoring one query against one candidate (both already normalised, as in screening:
 * candidates are normalised when the index is built, the query once per request), and of normalising
 * one name. Pairs mix Latin, Cyrillic, Chinese and Arabic names, persons and organisations, with and
 * without dates and countries, matching and not.
 */
@State(Scope.Thread)
@BenchmarkMode({Mode.AverageTime, Mode.SampleTime})
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class PairScoringBenchmark {
    private static final String[][] PAIRS = {
            {"Person", "Vladimir Vladimirovich Putin", "PUTIN, Vladimir"},
            {"Person", "Юрий Щукин", "Yuriy Shchukin"},
            {"Person", "Sergei Shoigu", "Sergey Kuzhugetovich SHOYGU"},
            {"Person", "John Smith", "Jonathan Smythe"},
            {"Person", "محمد علي", "Mohamed Ali"},
            {"Person", "习近平", "XI Jinping"},
            {"Person", "Abdul Hai Salek", "SALEK, ABDULHAI"},
            {"Person", "Maria Garcia Lopez", "Ivan Petrovich Sidorov"},
            {"Organization", "哈尔滨工业大学", "Harbin Institute of Technology"},
            {"Organization", "ООО «Ромашка»", "Romashka LLC"},
            {"Company", "Almaz-Antey Air and Space Defence Corporation", "JSC Concern VKO Almaz-Antey"},
            {"Company", "Rosoboronexport", "Rostec State Corporation"},
    };

    private final ConvergenceModel model = ConvergenceModel.standard();
    private final Scorer scorer = new Scorer(ScoringModel.standard());
    private final NameNormalizer normalizer = NameNormalizer.standard();
    private ScreenedEntity[] queries;
    private ScreenedEntity[] candidates;
    private int next;

    @Setup
    public void normalise() {
        queries = new ScreenedEntity[PAIRS.length];
        candidates = new ScreenedEntity[PAIRS.length];
        for (int i = 0; i < PAIRS.length; i++) {
            var schema = model.requireSchema(PAIRS[i][0]);
            Map<String, List<String>> facts = i % 2 == 0 ? Map.of("birthDate", List.of("1952-10-07"), "country", List.of("ru")) : Map.of();
            queries[i] = ScreenedEntity.of("q", "", schema, null, with(facts, PAIRS[i][1]), normalizer);
            candidates[i] = ScreenedEntity.of("c", "list", schema, null, with(facts, PAIRS[i][2]), normalizer);
        }
    }

    private static Map<String, List<String>> with(Map<String, List<String>> facts, String name) {
        var properties = new java.util.HashMap<>(facts);
        properties.put("name", List.of(name));
        return properties;
    }

    /** A pair scored with its explanation, as a returned result is. */
    @Benchmark
    public Scorer.Score scorePair() {
        int i = next++ % PAIRS.length;
        return scorer.score(queries[i], candidates[i], TokenWeights.UNIFORM, scorer.model().threshold());
    }

    /** A pair scored without its explanation, as every candidate is ranked. */
    @Benchmark
    public double rankPair() {
        int i = next++ % PAIRS.length;
        return scorer.probability(queries[i], candidates[i], TokenWeights.UNIFORM);
    }

    @Benchmark
    public Object normaliseName() {
        int i = next++ % PAIRS.length;
        return normalizer.normalize(PAIRS[i][2], NameKind.UNKNOWN);
    }
}

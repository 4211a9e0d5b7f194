package org.convergence.screening;

import org.convergence.screening.compare.TokenWeights;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.convergence.ConvergenceException;
import org.convergence.ErrorCategory;
import org.convergence.model.ConvergenceModel;
import org.convergence.screening.names.NameNormalizer;
import org.convergence.store.DatasetVersion;
import org.convergence.store.StatementStore;
import tech.followthemoney.model.Schema;

/**
 * Screening: is this party on a list? Finds candidates in the {@link ScreeningIndex}, scores each with
 * the {@link Scorer}, and answers best first. A scope small enough to score whole (a list of research
 * organisations, a test dataset) is scored whole, so that no listed party is missed for sharing no
 * search term with the query. The index follows the store: when a dataset gets a new version, the next
 * request after {@link #REFRESH_INTERVAL} rebuilds it, and requests go on against the old index until
 * the new one is ready.
 */
public final class Screener implements AutoCloseable {
    /** How often the store is asked whether a dataset has a new version. */
    public static final Duration REFRESH_INTERVAL = Duration.ofSeconds(5);
    /** Candidates scored per query: the scorer, not Lucene, decides among them. */
    private static final int CANDIDATES = 30;
    /** Scopes of at most this many entities are scored whole: a few milliseconds, and nothing missed. */
    private static final int SCORED_WHOLE = 500;

    private final StatementStore store;
    private final ConvergenceModel model;
    private final Scorer scorer;
    private final Supplier<Long> clock;
    private volatile ScreeningIndex index;
    private volatile long lastCheck;

    /** The screener of the store with the project's scoring model: what every command and server uses. */
    public static Screener open(StatementStore store) {
        return new Screener(store, ConvergenceModel.standard(), new Scorer(ScoringModel.standard()));
    }

    /** A screener with another scorer (a refitted model under evaluation). */
    public Screener(StatementStore store, ConvergenceModel model, Scorer scorer) {
        this(store, model, scorer, System::nanoTime);
    }

    Screener(StatementStore store, ConvergenceModel model, Scorer scorer, Supplier<Long> clock) {
        this.store = store;
        this.model = model;
        this.scorer = scorer;
        this.clock = clock;
        this.index = ScreeningIndex.build(store, NameNormalizer.standard());
        this.lastCheck = clock.get();
    }

    /** One result: the listed entity, its score and the features behind it. */
    public record Result(ScreeningIndex.Indexed entity, Scorer.Score score) {}

    /** A query as an FtM-style entity: a schema and properties (name, birthDate, nationality, idNumber ...). */
    public record Query(String id, String schema, Map<String, List<String>> properties) {}

    /** The model's threshold and the default cutoff. */
    public Thresholds thresholds() {
        return Thresholds.of(scorer.model());
    }

    /** A scope resolved against the datasets of the current index (see {@link Scope#resolve}). */
    public Scope scope(Scope.Spec spec) {
        return Scope.resolve(spec, current().versions());
    }

    /**
     * The best results for a query within a scope, at most {@code limit}, scored at least the cutoff and
     * flagged a match from the threshold.
     *
     * @throws ConvergenceException INVALID_INPUT for an unknown schema or a query without a name or identifier
     */
    public List<Result> match(Query query, Scope scope, int limit, Thresholds thresholds) {
        return match(current(), query, scope, limit, thresholds);
    }

    /**
     * As {@link #match(Query, Scope, int, Thresholds)}, against a given index: for callers that record
     * which list versions answered (the audit log), so that the versions they record are the ones used.
     */
    public List<Result> match(ScreeningIndex index, Query query, Scope scope, int limit, Thresholds thresholds) {
        ScreenedEntity screened = screen(query, index);
        Set<String> datasets = scope.narrowed() || !scope.name().equals(Scope.ALL) ? scope.datasets() : Set.of();
        TokenWeights weights = index.tokenWeights();
        List<ScreeningIndex.Indexed> candidates = index.size(datasets) <= SCORED_WHOLE ? index.all(screened, datasets)
                : index.candidates(screened, datasets, Math.max(CANDIDATES, limit));
        record Ranked(ScreeningIndex.Indexed candidate, double probability) {}
        List<Ranked> ranked = new ArrayList<>();
        for (ScreeningIndex.Indexed candidate : candidates) {
            double probability = scorer.probability(screened, candidate.screened(), weights);
            if (probability >= thresholds.cutoff()) {
                ranked.add(new Ranked(candidate, probability));
            }
        }
        ranked.sort(Comparator.comparingDouble(Ranked::probability).reversed());
        // Only the results returned are explained: building the explanation's text is most of a score's cost.
        List<Result> results = new ArrayList<>(Math.min(limit, ranked.size()));
        for (Ranked next : ranked.subList(0, Math.min(limit, ranked.size()))) {
            results.add(new Result(next.candidate(), scorer.score(screened, next.candidate().screened(), weights, thresholds.threshold())));
        }
        return results;
    }

    /** The screened form of a query, checked. */
    public ScreenedEntity screen(Query query, ScreeningIndex index) {
        Schema schema = model.schema(query.schema()).orElseThrow(() -> new ConvergenceException(ErrorCategory.INVALID_INPUT,
                "unknown schema '" + query.schema() + "': use an FtM schema such as Person, Organization, Company, LegalEntity or Vessel"));
        ScreenedEntity screened = ScreenedEntity.of(query.id() == null ? "query" : query.id(), "", schema, null, query.properties(),
                index.normalizer());
        if (screened.names().isEmpty() && screened.weakNames().isEmpty() && screened.identifiers().isEmpty()) {
            throw new ConvergenceException(ErrorCategory.INVALID_INPUT,
                    "the query has no name and no identifier to screen: give properties.name (or firstName/lastName) or an identifier");
        }
        return screened;
    }

    /** The index, rebuilt first if the store has changed since it was built (checked at most every few seconds). */
    public ScreeningIndex current() {
        long now = clock.get();
        if (now - lastCheck >= REFRESH_INTERVAL.toNanos()) {
            synchronized (this) {
                if (now - lastCheck >= REFRESH_INTERVAL.toNanos()) {
                    lastCheck = now;
                    List<Long> latest = store.latestVersions().stream().map(DatasetVersion::id).sorted().toList();
                    List<Long> built = index.versions().stream().map(DatasetVersion::id).sorted().toList();
                    if (!latest.equals(built)) {
                        // The old index is not closed: requests may still be reading it, and in memory
                        // it holds nothing the garbage collector cannot take back.
                        index = ScreeningIndex.build(store, NameNormalizer.standard());
                    }
                }
            }
        }
        return index;
    }

    public Scorer scorer() {
        return scorer;
    }

    @Override
    public void close() {
        index.close();
    }
}

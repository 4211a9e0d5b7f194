package org.convergence.api;

import static org.convergence.api.Parameters.invalid;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.convergence.ConvergenceException;
import org.convergence.ErrorCategory;
import org.convergence.screening.Screener;
import org.convergence.screening.ScreeningIndex;
import org.convergence.screening.audit.AuditedResult;
import org.convergence.screening.audit.AuditedScreener;
import org.convergence.store.DatasetVersion;

/**
 * Scopes and dataset filters over the {@link Screener}: which datasets a request screens against.
 * Screening requests (match, reconcile) go through the audit log, with known false positives left
 * out; lookups (search, suggest) do not. Thread-safe.
 */
final class Screening {
    static final String ALL = "all";

    private final Screener screener;
    private final AuditedScreener audited;

    Screening(Screener screener, AuditedScreener audited) {
        this.screener = screener;
        this.audited = audited;
    }

    Screener screener() {
        return screener;
    }

    /** The datasets of a scope ("all" or one dataset); an unknown scope is a 404 that lists the scopes. */
    static List<String> datasets(String scope, ScreeningIndex index) {
        List<String> all = index.versions().stream().map(DatasetVersion::dataset).sorted().toList();
        if (scope.equals(ALL)) {
            return all;
        }
        if (!all.contains(scope)) {
            throw new ConvergenceException(ErrorCategory.NOT_FOUND,
                    "no scope '%s': use '%s' or one of the datasets %s".formatted(Parameters.shorten(scope), ALL, all));
        }
        return List.of(scope);
    }

    /**
     * The datasets a request screens: its scope, kept to {@code include} when given, less {@code exclude}.
     * A dataset named in either that the store does not hold is a 400.
     */
    static Set<String> datasets(String scope, List<String> include, List<String> exclude, ScreeningIndex index) {
        List<String> inScope = datasets(scope, index);
        List<String> known = datasets(ALL, index);
        for (String name : concat(include, exclude)) {
            if (!known.contains(name)) {
                throw invalid("include_dataset/exclude_dataset name '%s', which the store does not hold; datasets are %s".formatted(
                        Parameters.shorten(name), known));
            }
        }
        Set<String> datasets = new LinkedHashSet<>(inScope);
        if (!include.isEmpty()) {
            datasets.retainAll(include);
        }
        exclude.forEach(datasets::remove);
        return datasets;
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    /**
     * The best results for a query within the datasets (a subset of the scope), at most {@code count},
     * scored at least {@code cutoff}; an error (a query without a name, say) names the query by its
     * {@code key} in the batch. The whole scope is one search; a narrowed one is searched dataset by
     * dataset and merged, so that excluded datasets do not crowd the others out.
     */
    List<Screener.Result> match(String key, Screener.Query query, String scope, Set<String> datasets, int count, double cutoff) {
        return within(key, scope, datasets, count, searched -> screener.match(query, searched, count, cutoff));
    }

    /**
     * As {@link #match}, recorded in the audit log as asked by {@code user} from {@code source}; results
     * the analysts marked false positives for this query, whose listed entity has not changed since,
     * are left out (the log keeps them, flagged).
     */
    List<Screener.Result> screen(String key, Screener.Query query, String scope, Set<String> datasets, int count, double cutoff, String user,
            String source) {
        return within(key, scope, datasets, count, searched -> audited.screen(query, searched, count, cutoff, user, source + " query " + key)
                .raised().stream().map(AuditedResult::result).toList());
    }

    /** Runs a search over the whole scope, or over each dataset kept of it, merging the best {@code count}. */
    private List<Screener.Result> within(String key, String scope, Set<String> datasets, int count,
            Function<String, List<Screener.Result>> search) {
        try {
            if (datasets.size() == datasets(scope, screener.current()).size()) {
                return search.apply(scope);
            }
            List<Screener.Result> merged = new ArrayList<>();
            for (String dataset : datasets) {
                merged.addAll(search.apply(dataset));
            }
            merged.sort(Comparator.comparingDouble((Screener.Result r) -> r.score().score()).reversed());
            return merged.size() > count ? List.copyOf(merged.subList(0, count)) : merged;
        } catch (ConvergenceException e) {
            throw new ConvergenceException(e.category(), "query '" + Parameters.shorten(key) + "': " + e.getMessage(), e);
        }
    }
}

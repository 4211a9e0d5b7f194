package org.convergence.api;

import static org.convergence.api.Parameters.invalid;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.convergence.ConvergenceException;
import org.convergence.ErrorCategory;
import org.convergence.screening.Screener;
import org.convergence.screening.ScreeningIndex;
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
        try {
            return matchWithin(query, scope, datasets, count, cutoff);
        } catch (ConvergenceException e) {
            throw new ConvergenceException(e.category(), "query '" + Parameters.shorten(key) + "': " + e.getMessage(), e);
        }
    }

    /**
     * As {@link #match}, recorded in the audit log as asked by {@code user} from {@code source}; results
     * the analysts marked false positives for this query, whose listed entity has not changed since,
     * are left out (the log keeps them, flagged).
     */
    List<Screener.Result> screen(String key, Screener.Query query, String scope, Set<String> datasets, int count, double cutoff, String user,
            String source) {
        try {
            List<String> searched = datasets.size() == datasets(scope, screener.current()).size() ? List.of(scope) : List.copyOf(datasets);
            List<Screener.Result> merged = new ArrayList<>();
            for (String within : searched) {
                audited.screen(query, within, count, cutoff, user, source + " query " + key).raised().forEach(result -> merged.add(result.result()));
            }
            merged.sort(Comparator.comparingDouble((Screener.Result r) -> r.score().score()).reversed());
            return merged.size() > count ? List.copyOf(merged.subList(0, count)) : merged;
        } catch (ConvergenceException e) {
            throw new ConvergenceException(e.category(), "query '" + Parameters.shorten(key) + "': " + e.getMessage(), e);
        }
    }

    private List<Screener.Result> matchWithin(Screener.Query query, String scope, Set<String> datasets, int count, double cutoff) {
        if (datasets.size() == datasets(scope, screener.current()).size()) {
            return screener.match(query, scope, count, cutoff);
        }
        List<Screener.Result> merged = new ArrayList<>();
        for (String dataset : datasets) {
            merged.addAll(screener.match(query, dataset, count, cutoff));
        }
        merged.sort(Comparator.comparingDouble((Screener.Result r) -> r.score().score()).reversed());
        return merged.size() > count ? List.copyOf(merged.subList(0, count)) : merged;
    }
}

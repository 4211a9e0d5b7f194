package org.convergence.web;

import java.util.List;
import org.convergence.analytics.ConvergenceAnalytics;
import org.convergence.analytics.FlowFilter;
import org.convergence.model.Datasets;
import org.convergence.store.DatasetVersion;
import org.convergence.store.StatementStore;

/**
 * The co-operation analytics, and the co-operation network of each of the overview's periods, read
 * again from the store only when the evidence or SIPRI dataset has a new version: reading them costs
 * seconds (tens of thousands of transfers), a page must not. Thread-safe; concurrent requests after a
 * change wait for one read rather than each making its own.
 */
final class AnalyticsCache {
    private final StatementStore store;
    private volatile Cached cached;

    private record Cached(List<Long> versions, ConvergenceAnalytics analytics, List<ConvergenceAnalytics.PeriodNetwork> networks) {}

    AnalyticsCache(StatementStore store) {
        this.store = store;
    }

    ConvergenceAnalytics current() {
        return cached().analytics();
    }

    /** The network of each period of {@link ConvergenceAnalytics#PERIOD_STARTS}, over every curated event. */
    List<ConvergenceAnalytics.PeriodNetwork> networkByPeriod() {
        return cached().networks();
    }

    private Cached cached() {
        List<Long> versions = versions();
        Cached seen = cached;
        if (seen != null && seen.versions().equals(versions)) {
            return seen;
        }
        synchronized (this) {
            seen = cached;
            if (seen == null || !seen.versions().equals(versions)) {
                ConvergenceAnalytics analytics = ConvergenceAnalytics.fromStore(store);
                seen = new Cached(versions, analytics, analytics.networkByPeriod(FlowFilter.ALL, ConvergenceAnalytics.PERIOD_STARTS));
                cached = seen;
            }
            return seen;
        }
    }

    private List<Long> versions() {
        return store.latestVersions().stream()
                .filter(v -> v.dataset().equals(Datasets.EVIDENCE) || v.dataset().equals(Datasets.SIPRI))
                .map(DatasetVersion::id).sorted().toList();
    }
}

package org.convergence.web;

import java.util.List;
import org.convergence.analytics.ConvergenceAnalytics;
import org.convergence.store.DatasetVersion;
import org.convergence.store.StatementStore;

/**
 * The co-operation analytics, read again from the store only when the evidence or SIPRI dataset has a
 * new version: reading them costs seconds (tens of thousands of transfers), a page must not. Thread-safe;
 * concurrent requests after a change wait for one read rather than each making its own.
 */
final class AnalyticsCache {
    private final StatementStore store;
    private volatile Cached cached;

    private record Cached(List<Long> versions, ConvergenceAnalytics analytics) {}

    AnalyticsCache(StatementStore store) {
        this.store = store;
    }

    ConvergenceAnalytics current() {
        List<Long> versions = versions();
        Cached seen = cached;
        if (seen != null && seen.versions().equals(versions)) {
            return seen.analytics();
        }
        synchronized (this) {
            seen = cached;
            if (seen == null || !seen.versions().equals(versions)) {
                seen = new Cached(versions, ConvergenceAnalytics.fromStore(store));
                cached = seen;
            }
            return seen.analytics();
        }
    }

    private List<Long> versions() {
        return store.latestVersions().stream()
                .filter(v -> v.dataset().equals(ConvergenceAnalytics.EVIDENCE_DATASET) || v.dataset().equals(ConvergenceAnalytics.SIPRI_DATASET))
                .map(DatasetVersion::id).sorted().toList();
    }
}

package org.convergence.store;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import java.util.function.LongSupplier;

/**
 * A value derived from the latest version of every dataset in a store (an index, a graph), rebuilt
 * when a dataset gets a new version. The store is asked at most every {@link #CHECK_INTERVAL}; the
 * caller that finds a change rebuilds the value, and other callers go on with the old one until the
 * new one is ready. Thread-safe.
 *
 * @param <T> the derived value; immutable, since callers keep using an old one while it is replaced
 */
public final class LatestVersionsCache<T> {
    /** How often the store is asked whether a dataset has a new version. */
    public static final Duration CHECK_INTERVAL = Duration.ofSeconds(5);

    private final StatementStore store;
    private final Function<StatementStore, T> build;
    private final LongSupplier clock;
    private volatile T value;
    private volatile List<Long> builtFrom;
    private volatile long lastCheck;

    /** Builds the value now, from the store as it is. */
    public LatestVersionsCache(StatementStore store, Function<StatementStore, T> build) {
        this(store, build, System::nanoTime);
    }

    LatestVersionsCache(StatementStore store, Function<StatementStore, T> build, LongSupplier clock) {
        this.store = requireNonNull(store, "store is null");
        this.build = requireNonNull(build, "build is null");
        this.clock = clock;
        this.builtFrom = versionIds();
        this.value = build.apply(store);
        this.lastCheck = clock.getAsLong();
    }

    /** The value, rebuilt first when a dataset has a new version since it was built (checked at most every few seconds). */
    public T current() {
        long now = clock.getAsLong();
        if (now - lastCheck >= CHECK_INTERVAL.toNanos()) {
            synchronized (this) {
                if (now - lastCheck >= CHECK_INTERVAL.toNanos()) {
                    lastCheck = now;
                    List<Long> latest = versionIds();
                    if (!latest.equals(builtFrom)) {
                        // The ids are read before the value is built: a version that lands meanwhile makes one more rebuild, never a stale value.
                        value = build.apply(store);
                        builtFrom = latest;
                    }
                }
            }
        }
        return value;
    }

    private List<Long> versionIds() {
        return store.latestVersions().stream().map(DatasetVersion::id).sorted().toList();
    }
}

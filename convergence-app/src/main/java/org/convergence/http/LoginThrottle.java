package org.convergence.http;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slows password guessing (ASVS 2.2.1): after {@link #FAILURES_PER_NAME} failed sign-ins for one account name, or
 * {@link #FAILURES_PER_ADDRESS} from one address (higher: a team behind one proxy shares it), within {@link #WINDOW},
 * further attempts are refused until the window has passed. A success clears the name's count. Thread-safe.
 */
final class LoginThrottle {
    static final int FAILURES_PER_NAME = 5;
    static final int FAILURES_PER_ADDRESS = 30;
    static final Duration WINDOW = Duration.ofMinutes(15);
    /** Beyond this many names and addresses tracked, the oldest counts are dropped: guessing cannot fill the memory. */
    private static final int TRACKED = 10_000;

    private record Failures(int count, Instant first) {}

    private final Map<String, Failures> failures = new ConcurrentHashMap<>();
    private final Clock clock;

    LoginThrottle(Clock clock) {
        this.clock = clock;
    }

    /** How long until the name or address may try again; zero when it may now. */
    Duration wait(String name, String address) {
        Instant now = clock.instant();
        Duration wait = Duration.ZERO;
        for (String key : new String[] {"name:" + name, "address:" + address}) {
            Failures counted = failures.get(key);
            int limit = key.startsWith("name:") ? FAILURES_PER_NAME : FAILURES_PER_ADDRESS;
            if (counted != null && counted.count() >= limit) {
                Duration left = Duration.between(now, counted.first().plus(WINDOW));
                wait = left.compareTo(wait) > 0 ? left : wait;
            }
        }
        return wait;
    }

    void failed(String name, String address) {
        Instant now = clock.instant();
        if (failures.size() > TRACKED) {
            failures.values().removeIf(counted -> !now.isBefore(counted.first().plus(WINDOW)));
        }
        for (String key : new String[] {"name:" + name, "address:" + address}) {
            failures.merge(key, new Failures(1, now), (old, one) -> now.isBefore(old.first().plus(WINDOW))
                    ? new Failures(old.count() + 1, old.first()) : one);
        }
    }

    void succeeded(String name) {
        failures.remove("name:" + name);
    }
}

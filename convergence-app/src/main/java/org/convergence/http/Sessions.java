package org.convergence.http;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The workbench's sign-in sessions, kept in memory: a server restart signs everyone out, which a team server can
 * afford and which keeps no session secret on disk. A session ends after {@link #IDLE} without a request, after
 * {@link #LONGEST} whatever its use (ASVS 3.3.2), or when its user signs out. Thread-safe.
 */
public final class Sessions {
    /** A session unused for this long ends. */
    public static final Duration IDLE = Duration.ofMinutes(30);
    /** A session ends this long after sign-in, used or not. */
    public static final Duration LONGEST = Duration.ofHours(12);
    private static final int TOKEN_BYTES = 32;
    private static final SecureRandom RANDOM = new SecureRandom();

    /**
     * A signed-in user's session: the cookie's token names it; forms carry {@code formToken}; {@code workspace} is the one
     * the user switched to, null until then (the first of the user's by name).
     */
    record Session(String token, String user, String formToken, Instant started, Instant lastUsed, String workspace) {
        boolean liveAt(Instant now) {
            return now.isBefore(lastUsed.plus(IDLE)) && now.isBefore(started.plus(LONGEST));
        }
    }

    private final Map<String, Session> byToken = new ConcurrentHashMap<>();
    private final Clock clock;

    public Sessions() {
        this(Clock.systemUTC());
    }

    Sessions(Clock clock) {
        this.clock = clock;
    }

    /** A new session for a user who just signed in; sessions that have ended are dropped. */
    Session start(String user) {
        Instant now = clock.instant();
        byToken.values().removeIf(session -> !session.liveAt(now));
        Session session = new Session(token(), user, token(), now, now, null);
        byToken.put(session.token(), session);
        return session;
    }

    /** The live session of this token, marked used now; empty for an unknown or ended one. */
    Optional<Session> use(String token) {
        if (token == null) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        Session used = byToken.computeIfPresent(token, (key, session) -> session.liveAt(now)
                ? new Session(session.token(), session.user(), session.formToken(), session.started(), now, session.workspace())
                : null);
        return Optional.ofNullable(used);
    }

    /** Makes the workspace the session's user works in (checked by the caller to be one of the user's). */
    void switchTo(String token, String workspace) {
        byToken.computeIfPresent(token, (key, session) -> new Session(session.token(), session.user(), session.formToken(), session.started(),
                session.lastUsed(), workspace));
    }

    /** Ends a session (sign-out). */
    void end(String token) {
        if (token != null) {
            byToken.remove(token);
        }
    }

    private static String token() {
        byte[] bytes = new byte[TOKEN_BYTES];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}

package org.convergence.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SessionsTest {
    /** A clock the test moves. */
    private static final class MovingClock extends Clock {
        Instant now = Instant.parse("2026-12-08T09:00:00Z");

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }

        void advance(Duration duration) {
            now = now.plus(duration);
        }
    }

    private final MovingClock clock = new MovingClock();
    private final Sessions sessions = new Sessions(clock);

    @Test
    void aSessionUnusedForHalfAnHourEnds() {
        Sessions.Session session = sessions.start("ana");
        clock.advance(Duration.ofMinutes(29));
        assertTrue(sessions.use(session.token()).isPresent(), "used within the idle time");
        clock.advance(Duration.ofMinutes(29));
        assertTrue(sessions.use(session.token()).isPresent(), "each use restarts the idle time");
        clock.advance(Sessions.IDLE);
        assertEquals(Optional.empty(), sessions.use(session.token()));
    }

    @Test
    void aSessionEndsTwelveHoursAfterSignInHoweverOftenUsed() {
        Sessions.Session session = sessions.start("ana");
        for (int i = 0; i < 12 * 4 - 1; i++) {
            clock.advance(Duration.ofMinutes(15));
            assertTrue(sessions.use(session.token()).isPresent(), "after " + (i + 1) * 15 + " minutes");
        }
        clock.advance(Duration.ofMinutes(15));
        assertEquals(Optional.empty(), sessions.use(session.token()));
    }

    @Test
    void signingOutEndsTheSessionAndTokensAreNeitherSharedNorGuessable() {
        Sessions.Session first = sessions.start("ana");
        Sessions.Session second = sessions.start("ana");
        assertNotEquals(first.token(), second.token());
        assertNotEquals(first.token(), first.formToken());
        assertEquals(43, first.token().length(), "256 random bits");
        sessions.end(first.token());
        assertEquals(Optional.empty(), sessions.use(first.token()));
        assertTrue(sessions.use(second.token()).isPresent());
        assertEquals(Optional.empty(), sessions.use("made-up"));
        assertEquals(Optional.empty(), sessions.use(null));
    }
}

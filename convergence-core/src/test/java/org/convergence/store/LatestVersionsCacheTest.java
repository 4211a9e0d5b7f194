package org.convergence.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.convergence.model.ConvergenceModel;
import org.convergence.testing.TestStores;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A value rebuilt when a dataset version lands, checked no more than every few seconds (on a clock the test turns). */
class LatestVersionsCacheTest {
    @TempDir
    Path folder;

    @Test
    void valueIsRebuiltOnceANewVersionLandsAndTheIntervalHasPassed() throws IOException {
        Path first = Files.writeString(folder.resolve("one.ftm.json"), "{\"id\": \"a\", \"schema\": \"Company\", \"properties\": {\"name\": [\"A LLC\"]}}\n");
        Path second = Files.writeString(folder.resolve("two.ftm.json"), "{\"id\": \"b\", \"schema\": \"Company\", \"properties\": {\"name\": [\"B LLC\"]}}\n");
        AtomicLong clock = new AtomicLong();
        AtomicInteger builds = new AtomicInteger();
        try (StatementStore store = new H2StatementStore(folder.resolve("store"), ConvergenceModel.standard())) {
            TestStores.importFtm(store, first, "companies", false);
            LatestVersionsCache<Integer> cache = new LatestVersionsCache<>(store, built -> builds.incrementAndGet(), clock::get);
            long interval = LatestVersionsCache.CHECK_INTERVAL.toNanos();

            clock.addAndGet(interval);
            assertThat(cache.current()).as("no new version: the value stays").isEqualTo(1);
            TestStores.importFtm(store, second, "companies", false);
            assertThat(cache.current()).as("a new version, but the store was asked a moment ago").isEqualTo(1);
            clock.addAndGet(interval);
            assertThat(cache.current()).as("rebuilt on the new version").isEqualTo(2);
            clock.addAndGet(interval);
            assertThat(cache.current()).isEqualTo(2);
            assertThat(builds).hasValue(2);
        }
    }
}

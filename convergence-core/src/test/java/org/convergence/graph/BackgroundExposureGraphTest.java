package org.convergence.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.convergence.ConvergenceException;
import org.convergence.ErrorCategory;
import org.convergence.model.ConvergenceModel;
import org.convergence.store.H2StatementStore;
import org.convergence.store.StatementStore;
import org.convergence.testing.TestStores;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The graph a server shares: built in the background, refused with "retry" while it is, built again after a failure. */
class BackgroundExposureGraphTest {
    private static final Duration LONG_ENOUGH = Duration.ofSeconds(30);

    @TempDir
    Path folder;

    private StatementStore storeOfTwoCompanies() throws IOException {
        Path file = Files.writeString(folder.resolve("fixture.ftm.json"),
                "{\"id\": \"a\", \"schema\": \"Company\", \"properties\": {\"name\": [\"A LLC\"]}}\n"
                        + "{\"id\": \"b\", \"schema\": \"Company\", \"properties\": {\"name\": [\"B LLC\"]}}\n"
                        + "{\"id\": \"ab\", \"schema\": \"Ownership\", \"properties\": {\"owner\": [\"a\"], \"asset\": [\"b\"]}}\n");
        StatementStore store = new H2StatementStore(folder.resolve("store"), ConvergenceModel.standard());
        TestStores.importFtm(store, file, "fixture", false);
        return store;
    }

    @Test
    void callerIsToldToRetryWhileTheFirstBuildRunsThenGetsTheGraph() throws Exception {
        try (StatementStore store = storeOfTwoCompanies()) {
            CountDownLatch release = new CountDownLatch(1);
            BackgroundExposureGraph graph = new BackgroundExposureGraph(() -> {
                awaitQuietly(release);
                return ExposureGraph.following(store);
            });

            assertThatThrownBy(() -> graph.current(Duration.ofMillis(50))).isInstanceOf(ConvergenceException.class)
                    .hasMessageContaining("the exposure graph is being built").hasMessageContaining("retry in a few seconds")
                    .satisfies(error -> assertThat(((ConvergenceException) error).category()).isEqualTo(ErrorCategory.UNAVAILABLE));
            release.countDown();

            assertThat(graph.current(LONG_ENOUGH).summary().relations()).isEqualTo(1);
        }
    }

    @Test
    void startReturnsAtOnceAndBuildsTheGraphOfTheStore() throws Exception {
        try (StatementStore store = storeOfTwoCompanies()) {
            BackgroundExposureGraph graph = BackgroundExposureGraph.start(store);

            ExposureGraph built = graph.current(LONG_ENOUGH);

            assertThat(built.versions()).isEqualTo(store.latestVersions());
            assertThat(built.node("b")).isPresent();
            assertThat(graph.current(Duration.ZERO)).as("built once, then shared").isSameAs(built);
        }
    }

    @Test
    void failedBuildIsReportedOnceAndTheNextCallBuildsAgain() throws Exception {
        try (StatementStore store = storeOfTwoCompanies()) {
            AtomicInteger attempts = new AtomicInteger();
            BackgroundExposureGraph graph = new BackgroundExposureGraph(() -> {
                if (attempts.incrementAndGet() == 1) {
                    throw new ConvergenceException(ErrorCategory.STORE, "the store is locked by another process");
                }
                return ExposureGraph.following(store);
            });

            assertThatThrownBy(() -> graph.current(LONG_ENOUGH)).isInstanceOf(ConvergenceException.class)
                    .hasMessage("building the exposure graph failed: the store is locked by another process; the next request builds it again")
                    .satisfies(error -> assertThat(((ConvergenceException) error).category()).isEqualTo(ErrorCategory.STORE));

            assertThat(graph.current(LONG_ENOUGH).node("a")).isPresent();
            assertThat(attempts).hasValue(2);
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(1, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

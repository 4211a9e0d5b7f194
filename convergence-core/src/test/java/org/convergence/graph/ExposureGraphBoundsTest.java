package org.convergence.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.convergence.ConvergenceException;
import org.convergence.ErrorCategory;
import org.convergence.graph.ExposureGraph.Bound;
import org.convergence.graph.ExposureGraph.Bounds;
import org.convergence.graph.ExposureGraph.Paths;
import org.convergence.model.ConvergenceModel;
import org.convergence.store.H2StatementStore;
import org.convergence.store.StatementStore;
import org.convergence.testing.TestStores;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad input and bounds, on small hand-written FtM files: cycles, an entity related to itself, a hub, unknown ids. */
class ExposureGraphBoundsTest {
    @TempDir
    Path folder;

    private static String company(String id) {
        return "{\"id\": \"" + id + "\", \"schema\": \"Company\", \"properties\": {\"name\": [\"" + id.toUpperCase() + " LLC\"]}}\n";
    }

    private static String ownership(String id, String owner, String asset) {
        return "{\"id\": \"" + id + "\", \"schema\": \"Ownership\", \"properties\": {\"owner\": [\"" + owner + "\"], \"asset\": [\"" + asset + "\"]}}\n";
    }

    private static String sanction(String id, String entity) {
        return "{\"id\": \"" + id + "\", \"schema\": \"Sanction\", \"properties\": {\"entity\": [\"" + entity + "\"], \"authority\": [\"Test\"]}}\n";
    }

    private ExposureGraph graphOf(String lines) throws IOException {
        Path file = Files.writeString(folder.resolve("fixture.ftm.json"), lines);
        try (StatementStore store = new H2StatementStore(folder.resolve("store"), ConvergenceModel.standard())) {
            TestStores.importFtm(store, file, "fixture", false);
            return ExposureGraph.build(store);
        }
    }

    @Test
    void cycleOfOwnershipEndsTheWalkWithTheShortestPath() throws IOException {
        ExposureGraph graph = graphOf(company("a") + company("b") + company("c") + company("d")
                + ownership("ab", "a", "b") + ownership("bc", "b", "c") + ownership("ca", "c", "a") + ownership("cd", "c", "d")
                + sanction("listing-d", "d"));

        Paths paths = assertTimeoutPreemptively(Duration.ofSeconds(5),
                () -> graph.paths("a", node -> !node.listings().isEmpty(), Bounds.DEFAULT.withMaxHops(Bounds.MAX_HOPS)));

        assertThat(paths.paths()).singleElement().satisfies(path -> {
            assertThat(path.steps()).extracting(step -> step.node().id()).as("a is owned by c, which owns d").containsExactly("a", "c", "d");
            assertThat(path.steps()).extracting(step -> step.relation() == null ? null : step.relation().entityId()).containsExactly("ca", "cd", null);
            assertThat(path.steps().getFirst().outgoing()).isFalse();
        });
        assertThat(paths.reached()).isEmpty();
        assertThat(graph.neighbourhood("a", 2, Bounds.DEFAULT).nodes()).extracting(GraphNode::id).containsExactly("a", "b", "c", "d");
    }

    @Test
    void entityRelatedToItselfIsLeftOutAndCounted() throws IOException {
        ExposureGraph graph = graphOf(company("a") + company("b") + ownership("aa", "a", "a") + ownership("ab", "a", "b"));

        assertThat(graph.summary().selfRelationsSkipped()).isEqualTo(1);
        assertThat(graph.summary().relations()).isEqualTo(1);
        assertThat(graph.neighbourhood("a", 1, Bounds.DEFAULT).relations()).extracting(Relation::entityId).containsExactly("ab");
        assertThat(graph.paths("a", node -> node.id().equals("a"), Bounds.DEFAULT).paths()).singleElement()
                .satisfies(path -> assertThat(path.hops()).isZero());
    }

    @Test
    void relationToAnEntityOutOfTheStoreIsLeftOutAndCounted() throws IOException {
        ExposureGraph graph = graphOf(company("a") + ownership("ax", "a", "x"));

        assertThat(graph.summary().relationsOutOfStore()).isEqualTo(1);
        assertThat(graph.node("x")).isEmpty();
        assertThat(graph.paths("a", node -> true, Bounds.DEFAULT).paths()).extracting(ExposurePath::hops).containsExactly(0);
    }

    @Test
    void hubBeyondTheBoundsIsFollowedInPartAndSaysSo() throws IOException {
        StringBuilder lines = new StringBuilder(company("hub"));
        for (int i = 0; i < 60; i++) {
            // The hub owns thirty companies and thirty own it: a bound counts its relations both ways.
            lines.append(company("c" + i)).append(i < 30 ? ownership("o" + i, "hub", "c" + i) : ownership("o" + i, "c" + i, "hub"));
        }
        lines.append(sanction("listing-59", "c59"));
        ExposureGraph graph = graphOf(lines.toString());

        Paths narrow = graph.paths("hub", node -> !node.listings().isEmpty(), new Bounds(3, 10, 50, 200_000));
        Paths budget = graph.paths("c0", node -> !node.listings().isEmpty(), new Bounds(3, 10, 5_000, 30));
        Paths wide = graph.paths("hub", node -> !node.listings().isEmpty(), Bounds.DEFAULT);

        assertThat(narrow.paths()).isEmpty();
        assertThat(narrow.reached()).containsExactly(Bound.RELATIONS_PER_NODE);
        assertThat(budget.paths()).isEmpty();
        assertThat(budget.reached()).containsExactly(Bound.RELATIONS_SCANNED);
        assertThat(wide.paths()).extracting(path -> path.target().id()).containsExactly("c59");
        assertThat(wide.reached()).isEmpty();
        assertThat(graph.neighbourhood("hub", 1, new Bounds(1, 1, 10, 100)).nodes()).hasSize(11);
    }

    @Test
    void pathsStopAtTheirBoundAndSaySo() throws IOException {
        StringBuilder lines = new StringBuilder(company("hub"));
        List<String> listed = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            lines.append(company("c" + i)).append(ownership("o" + i, "hub", "c" + i)).append(sanction("listing-" + i, "c" + i));
            listed.add("c" + i);
        }
        ExposureGraph graph = graphOf(lines.toString());

        Paths paths = graph.paths("hub", node -> !node.listings().isEmpty(), new Bounds(3, 3, 5_000, 200_000));

        assertThat(paths.paths()).extracting(path -> path.target().id()).containsExactlyElementsOf(listed.subList(0, 3));
        assertThat(paths.reached()).containsExactly(Bound.PATHS);
    }

    @Test
    void followingTheStoreGivesTheGraphOfItsLatestVersions() throws IOException {
        Path file = Files.writeString(folder.resolve("fixture.ftm.json"), company("a") + company("b") + ownership("ab", "a", "b"));
        try (StatementStore store = new H2StatementStore(folder.resolve("store"), ConvergenceModel.standard())) {
            TestStores.importFtm(store, file, "fixture", false);

            ExposureGraph graph = ExposureGraph.following(store).current();

            assertThat(graph.versions()).isEqualTo(store.latestVersions());
            assertThat(graph.summary().nodes()).isEqualTo(2);
            assertThat(graph.summary().relations()).isEqualTo(1);
        }
    }

    @Test
    void unknownNodeAndHopsOutOfRangeAreRefusedWithWhatToDo() throws IOException {
        ExposureGraph graph = graphOf(company("a") + sanction("listing-a", "a"));

        assertThatThrownBy(() -> graph.paths("nobody", node -> true, Bounds.DEFAULT)).isInstanceOf(ConvergenceException.class)
                .hasMessageContaining("no entity 'nobody' in the exposure graph")
                .satisfies(error -> assertThat(((ConvergenceException) error).category()).isEqualTo(ErrorCategory.NOT_FOUND));
        assertThatThrownBy(() -> graph.paths("listing-a", node -> true, Bounds.DEFAULT)).hasMessageContaining("a Sanction or an address is no node");
        assertThatThrownBy(() -> Bounds.DEFAULT.withMaxHops(7)).isInstanceOf(ConvergenceException.class).hasMessageContaining("expected 1 to 6, got 7");
        assertThatThrownBy(() -> graph.neighbourhood("a", 3, Bounds.DEFAULT)).hasMessageContaining("expected 1 or 2, got 3");
    }
}

package org.convergence.screening;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.convergence.ConvergenceException;
import org.convergence.ErrorCategory;
import org.convergence.ingest.ImportProgress;
import org.convergence.lists.ListSource;
import org.convergence.model.ConvergenceModel;
import org.convergence.store.H2StatementStore;
import org.convergence.store.StatementStore;
import org.convergence.testing.SharedData;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Screening against real lists (SEMA, the Named Research Organizations) imported into a store. */
class ScreenerTest {
    @TempDir
    static Path folder;

    private static StatementStore store;
    private static Screener screener;

    @BeforeAll
    static void importLists() {
        ConvergenceModel model = ConvergenceModel.standard();
        store = new H2StatementStore(folder, model);
        ListSource.CA_SEMA.importInto(store, SharedData.require("lists/ca-sema/sema-lmes_2025-09-22.xml"), model, false, ImportProgress.NONE);
        ListSource.CA_NRO.importInto(store, SharedData.require("research-security/ca-nro/named-research-organizations_2024-04-18.html"), model,
                false, ImportProgress.NONE);
        screener = new Screener(store, model, new Scorer(ScoringModel.standard()));
    }

    @AfterAll
    static void close() {
        if (screener != null) {
            screener.close();
        }
        if (store != null) {
            store.close();
        }
    }

    private static List<Screener.Result> person(String name, String scope) {
        return screener.match(new Screener.Query(null, "Person", Map.of("name", List.of(name))), screener.scope(Scope.Spec.of(scope)), 5,
                screener.thresholds().withCutoff(0));
    }

    @Test
    void aListedPersonIsFoundFirstInLatinAndInCyrillicAndReordered() {
        for (String name : List.of("Aleksey Oleksin", "OLEKSIN, Aleksey", "Алексей Олексин", "Aleksei Oleksin")) {
            List<Screener.Result> results = person(name, "ca-sema");
            assertEquals("ca-sema-belarus-1-part-1-56", results.getFirst().entity().screened().id(), name);
            assertTrue(results.getFirst().score().match(), name + " " + results.getFirst().score());
        }
    }

    @Test
    void everyScoreComesWithItsFeatures() {
        Screener.Result best = person("Aleksey Oleksin", "ca-sema").getFirst();
        List<String> names = best.score().features().stream().map(Feature::name).toList();
        assertTrue(names.contains(Scorer.SIMILARITY) && names.contains(Scorer.CLOSENESS), names.toString());
        assertTrue(best.score().features().getFirst().detail().contains("oleksin"));
    }

    @Test
    void anUnlistedNameRaisesNoMatch() {
        List<Screener.Result> results = person("Margaret Thistlewood", "all");
        assertTrue(results.stream().noneMatch(result -> result.score().match()), results.toString());
    }

    @Test
    void aChineseInstitutionNameFindsItsEnglishNroEntry() {
        List<Screener.Result> results = screener.match(new Screener.Query(null, "Organization", Map.of("name", List.of("中国人民解放军空军工程大学"))),
                screener.scope(Scope.Spec.of("ca-nro")), 3, screener.thresholds().withCutoff(0));
        assertTrue(results.getFirst().entity().screened().caption().contains("Engineering University"), results.toString());
    }

    @Test
    void theIndexFollowsImportsIntoTheStore(@TempDir Path other) {
        ConvergenceModel model = ConvergenceModel.standard();
        long[] now = {0};
        try (StatementStore fresh = new H2StatementStore(other, model);
                Screener following = new Screener(fresh, model, new Scorer(ScoringModel.standard()), () -> now[0])) {
            assertEquals(0, following.current().size());
            ListSource.CA_NRO.importInto(fresh, SharedData.require("research-security/ca-nro/named-research-organizations_2024-04-18.html"),
                    model, false, ImportProgress.NONE);
            assertEquals(0, following.current().size(), "not checked again before the refresh interval");
            now[0] += Screener.REFRESH_INTERVAL.toNanos();
            assertEquals(103, following.current().size());
            assertEquals(1, following.match(new Screener.Query(null, "Organization", Map.of("name", List.of("Harbin Institute of Technology"))),
                    following.scope(Scope.Spec.of("ca-nro")), 1, following.thresholds()).size());
        }
    }

    @Test
    void badQueriesGetClearErrors() {
        ConvergenceException noName = assertThrows(ConvergenceException.class,
                () -> screener.match(new Screener.Query(null, "Person", Map.of("name", List.of("  "))), screener.scope(Scope.Spec.of("all")), 5,
                        screener.thresholds()));
        assertEquals(ErrorCategory.INVALID_INPUT, noName.category());
        ConvergenceException schema = assertThrows(ConvergenceException.class,
                () -> screener.match(new Screener.Query(null, "Starship", Map.of("name", List.of("X"))), screener.scope(Scope.Spec.of("all")), 5,
                        screener.thresholds()));
        assertTrue(schema.getMessage().contains("unknown schema 'Starship'"));
        ConvergenceException scope = assertThrows(ConvergenceException.class, () -> person("Aleksey Oleksin", "nowhere"));
        assertEquals(ErrorCategory.NOT_FOUND, scope.category());
        assertFalse(person("x".repeat(10_000), "all").stream().anyMatch(result -> result.score().match()));
    }
}

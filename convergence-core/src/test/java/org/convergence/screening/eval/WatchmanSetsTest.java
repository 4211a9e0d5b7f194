package org.convergence.screening.eval;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.convergence.ingest.ImportProgress;
import org.convergence.lists.ListSource;
import org.convergence.model.ConvergenceModel;
import org.convergence.screening.Scorer;
import org.convergence.screening.ScoringModel;
import org.convergence.screening.Screener;
import org.convergence.store.H2StatementStore;
import org.convergence.store.StatementStore;
import org.convergence.testing.SharedData;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Watchman's labelled sets against real lists (OFAC SDN, UN, UK, SEMA), at the committed model's
 * threshold: the target is 95% right on each. The failures are printed, so a regression says which
 * case it broke.
 */
class WatchmanSetsTest {
    @TempDir
    static Path folder;

    private static StatementStore store;
    private static Screener screener;
    private static LabelledSets sets;

    @BeforeAll
    static void importLists() {
        ConvergenceModel model = ConvergenceModel.standard();
        store = new H2StatementStore(folder, model);
        ListSource.US_OFAC_SDN.importInto(store, SharedData.require("lists/ofac/sdn_2021-07"), model, false, ImportProgress.NONE);
        ListSource.UN_SC.importInto(store, SharedData.require("lists/un-sc/un_consolidated_2026-02-27.xml"), model, false, ImportProgress.NONE);
        ListSource.GB_FCDO.importInto(store, SharedData.require("lists/uk-ofsi/UK_Sanctions_List_summary_2025-08-11.csv"), model, false,
                ImportProgress.NONE);
        ListSource.CA_SEMA.importInto(store, SharedData.require("lists/ca-sema/sema-lmes_2025-09-22.xml"), model, false, ImportProgress.NONE);
        screener = new Screener(store, model, new Scorer(ScoringModel.standard()));
        sets = new LabelledSets(SharedData.require("name-matching"), screener.current());
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

    private static void assertRightShare(LabelledSets.Loaded set, double target) {
        double threshold = screener.scorer().model().threshold();
        List<Evaluation.Outcome> outcomes = new Evaluation(screener).run(set.cases());
        List<String> wrong = outcomes.stream().filter(outcome -> !outcome.right(threshold))
                .map(outcome -> "row " + outcome.kase().row() + " " + outcome.kase().query().properties().get("name")
                        + (outcome.results().isEmpty() ? "" : " -> " + outcome.results().getFirst().entityId() + " " + outcome.results().getFirst().score()))
                .toList();
        double share = 1 - (double) wrong.size() / outcomes.size();
        assertTrue(share >= target, set.set() + ": " + share + " right; wrong: " + wrong);
    }

    @Test
    void crossScriptPairsMeetTheTarget() {
        assertRightShare(sets.crossScriptPairs(), 0.95);
    }

    @Test
    void ofacTestCasesMeetTheTarget() {
        assertRightShare(sets.ofacCases(), 0.95);
    }
}

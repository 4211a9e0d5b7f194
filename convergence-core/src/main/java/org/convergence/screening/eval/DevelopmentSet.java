package org.convergence.screening.eval;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.convergence.screening.Screener;
import org.convergence.screening.ScreeningIndex;
import org.convergence.screening.eval.LabelledSets.Loaded;
import org.convergence.store.DatasetVersion;

/**
 * The labelled development set that the scoring model is fitted, chosen and judged on: the public
 * labelled sets of {@code ../shared/data/name-matching} ({@link LabelledSets}), the pairs the lists
 * give themselves ({@link ListPairs}) and generated variants and hard negatives of listed names
 * ({@link Variants}). Sets that need a list the store does not hold are skipped with a warning.
 *
 * @param negativesEvery keep one row in this many of the 50,000 yente negatives (1: all)
 * @param aliasesPerList parties per list whose names are paired (see {@link ListPairs#aliases})
 * @param variantsPerList names per list varied (see {@link Variants#generate})
 */
public record DevelopmentSet(int negativesEvery, int aliasesPerList, int variantsPerList) {
    /** The lists whose parties' names are paired with each other. */
    private static final List<String> ALIAS_LISTS = List.of("un-sc", "us-ofac-sdn", "ca-sema", "us-ofac-cons", "us-csl", "ca-nro", "aspi-unitracker");

    public static DevelopmentSet standard() {
        return new DevelopmentSet(1, 1_500, 200);
    }

    /** Every set the store's lists allow, in the order the report lists them. */
    public List<Loaded> load(Path nameMatching, Screener screener, Consumer<String> warnings) {
        ScreeningIndex index = screener.current();
        Set<String> datasets = Set.copyOf(index.versions().stream().map(DatasetVersion::dataset).toList());
        LabelledSets sets = new LabelledSets(nameMatching, index);
        List<Loaded> loaded = new ArrayList<>();
        if (datasets.contains("un-sc")) {
            loaded.add(sets.unPositives(LabelledSets.UN_UNTREATED));
            loaded.add(sets.unPositives(LabelledSets.UN_TREATED));
            loaded.add(sets.nameOnly(sets.unPositives(LabelledSets.UN_TREATED)));
            loaded.add(sets.unShortened());
        } else {
            warnings.accept("skipped the UN positives: import un-sc first (convergence lists import un-sc FILE)");
        }
        loaded.add(sets.negatives(LabelledSets.NEGATIVES, negativesEvery));
        loaded.add(sets.nameOnly(sets.negatives(LabelledSets.NEGATIVES, negativesEvery)));
        loaded.add(sets.congress());
        loaded.add(sets.crossScriptPairs());
        loaded.add(sets.putinNames());
        loaded.add(sets.ofacFixtures());
        loaded.add(sets.ofacCases());
        if (datasets.contains("ca-nro") && datasets.contains("aspi-unitracker")) {
            loaded.add(sets.nroByChineseName());
        } else {
            warnings.accept("skipped the Chinese cross-script set: import ca-nro and aspi-unitracker first");
        }
        ListPairs lists = new ListPairs(index, screener.scorer());
        for (String dataset : ALIAS_LISTS) {
            if (datasets.contains(dataset)) {
                loaded.add(lists.aliases(dataset, aliasesPerList));
            }
        }
        loaded.add(lists.sharedIdentifiers(aliasesPerList));
        loaded.addAll(new Variants(index).generate(variantsPerList));
        loaded.removeIf(set -> set.cases().isEmpty());
        return loaded;
    }
}

package org.convergence.screening.eval;

import com.ibm.icu.text.Transliterator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.convergence.screening.ScreenedEntity;
import org.convergence.screening.Scorer;
import org.convergence.screening.ScreeningIndex;
import org.convergence.screening.ScreeningIndex.Indexed;
import org.convergence.screening.eval.LabelledCase.Pair;
import org.convergence.screening.eval.LabelledSets.Loaded;
import org.convergence.screening.names.NormalizedName;

/**
 * Labelled pairs that the lists give themselves, the development set's real positives and hard
 * negatives:
 * <ul>
 *   <li>Each listed party's names against each other: the UN's name in the original script against
 *       its Latin name, OFAC's strong aliases, the ASPI tracker's Chinese and English names, an NRO's
 *       acronym against its name. Names that share nothing with the others (a former name, a
 *       nickname unlike the name) are left out: no name matcher could tell they are one party.</li>
 *   <li>Each such name against the names of other parties of the same list that come closest
 *       (candidates from the index, ranked by the scorer): different parties with close names. A
 *       candidate with the same name parts is left out, since a list can hold one party twice.</li>
 *   <li>Parties of different lists that share an identifier (passport, IMO, registration number):
 *       the same party, as each list writes its name.</li>
 * </ul>
 * Entities are chosen by a hash of their id, so the sets are the same on every run over the same lists.
 */
public final class ListPairs {
    public static final String ALIASES = "aliases: ";
    public static final String SHARED_IDENTIFIERS = "lists: shared identifiers";
    private static final List<String> NAME_PROPERTIES = List.of("name", "alias", "previousName");
    /** Names of one party queried against the others. */
    private static final int QUERIES_PER_ENTITY = 2;
    /** Closest other parties kept per query as hard negatives. */
    private static final int HARD_NEGATIVES = 2;
    /** Identifiers shorter than this are too often equal by chance across lists. */
    private static final int MIN_IDENTIFIER = 6;

    private final ScreeningIndex index;
    private final Scorer scorer;
    private final ThreadLocal<Transliterator> toAscii = ThreadLocal.withInitial(() -> Transliterator.getInstance("Any-Latin; Latin-ASCII; Lower"));

    public ListPairs(ScreeningIndex index, Scorer scorer) {
        this.index = index;
        this.scorer = scorer;
    }

    /** A list's parties' names against each other and against the closest other parties of the list, from at most {@code maxEntities} parties. */
    public Loaded aliases(String dataset, int maxEntities) {
        String set = ALIASES + dataset;
        List<Indexed> entities = index.entitiesOf(dataset).stream().filter(entity -> names(entity).size() >= 2)
                .sorted(Comparator.comparingLong(entity -> hash(entity.screened().id()))).limit(maxEntities).toList();
        List<LabelledCase> cases = new ArrayList<>();
        int leftOut = 0;
        for (Indexed entity : entities) {
            List<String> names = names(entity);
            String schema = entity.screened().schema().getName();
            for (String name : names.stream().sorted(Comparator.comparingLong(ListPairs::hash)).limit(QUERIES_PER_ENTITY).toList()) {
                List<String> others = names.stream().filter(other -> !other.equals(name)).toList();
                List<String> related = others.stream().filter(other -> variants(name, other)).toList();
                if (related.isEmpty()) {
                    leftOut++;
                    continue;
                }
                Map<String, List<String>> query = Map.of("name", List.of(name));
                int row = cases.size() + 1;
                cases.add(new LabelledCase(set, row, new org.convergence.screening.Screener.Query("row-" + row, schema, query), dataset,
                        new Pair(schema, Map.of("name", others), true)));
                for (Indexed other : closest(entity, name, dataset)) {
                    row = cases.size() + 1;
                    cases.add(new LabelledCase(set, row, new org.convergence.screening.Screener.Query("row-" + row, schema, query), dataset,
                            new Pair(other.screened().schema().getName(), Map.of("name", names(other)), false)));
                }
            }
        }
        return new Loaded(set, cases, leftOut, "names that share no word, letters or initials with the party's other names");
    }

    /** The parties of other lists' sharing an identifier with a party: at most {@code max} pairs. */
    public Loaded sharedIdentifiers(int max) {
        Map<String, List<Indexed>> byIdentifier = new HashMap<>();
        for (ScreeningIndex.Indexed entity : everyListed()) {
            for (String identifier : entity.screened().identifiers()) {
                if (identifier.length() >= MIN_IDENTIFIER && identifier.chars().anyMatch(Character::isDigit)) {
                    byIdentifier.computeIfAbsent(identifier, id -> new ArrayList<>()).add(entity);
                }
            }
        }
        List<LabelledCase> cases = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        List<String> identifiers = byIdentifier.keySet().stream().sorted(Comparator.comparingLong(ListPairs::hash)).toList();
        for (String identifier : identifiers) {
            List<Indexed> holders = byIdentifier.get(identifier);
            for (Indexed a : holders) {
                for (Indexed b : holders) {
                    boolean otherList = !a.screened().dataset().equals(b.screened().dataset());
                    boolean sameKind = ScreenedEntity.nameKind(a.screened().schema()) == ScreenedEntity.nameKind(b.screened().schema());
                    String key = a.screened().id() + "\u0000" + b.screened().id();
                    if (otherList && sameKind && cases.size() < max && seen.add(key) && !names(a).isEmpty() && !names(b).isEmpty()) {
                        String schema = a.screened().schema().getName();
                        int row = cases.size() + 1;
                        cases.add(new LabelledCase(SHARED_IDENTIFIERS, row, new org.convergence.screening.Screener.Query("row-" + row, schema,
                                Map.of("name", List.of(names(a).getFirst()))), "all",
                                new Pair(b.screened().schema().getName(), Map.of("name", names(b)), true)));
                    }
                }
            }
        }
        return new Loaded(SHARED_IDENTIFIERS, cases, 0, null);
    }

    private List<Indexed> everyListed() {
        List<Indexed> all = new ArrayList<>();
        index.versions().forEach(version -> all.addAll(index.entitiesOf(version.dataset())));
        return all;
    }

    /** The other parties of the list whose names come closest to this name, most alike first, leaving out any with the same name parts. */
    private List<Indexed> closest(Indexed entity, String name, String dataset) {
        ScreenedEntity query = ScreenedEntity.of("query", "", entity.screened().schema(), null, Map.of("name", List.of(name)), index.normalizer());
        record Close(Indexed entity, double score) {}
        List<Close> close = new ArrayList<>();
        for (Indexed candidate : index.candidates(query, Set.of(dataset), 10)) {
            if (candidate.screened().id().equals(entity.screened().id()) || sameParts(query, candidate.screened())) {
                continue;
            }
            close.add(new Close(candidate, scorer.probability(query, candidate.screened(), index.tokenWeights())));
        }
        close.sort(Comparator.comparingDouble(Close::score).reversed());
        return close.stream().limit(HARD_NEGATIVES).map(Close::entity).toList();
    }

    private static boolean sameParts(ScreenedEntity a, ScreenedEntity b) {
        Set<String> keys = new HashSet<>();
        a.names().forEach(name -> keys.add(sorted(name)));
        return b.names().stream().anyMatch(name -> keys.contains(sorted(name)));
    }

    private static String sorted(NormalizedName name) {
        return name.keys().stream().sorted().reduce("", (x, y) -> x + " " + y);
    }

    /** A party's strong names as listed (name, alias, previous name), each once. */
    private static List<String> names(Indexed entity) {
        Set<String> names = new LinkedHashSet<>();
        NAME_PROPERTIES.forEach(property -> entity.properties().getOrDefault(property, List.of()).stream()
                .filter(value -> !value.isBlank()).forEach(names::add));
        return List.copyOf(names);
    }

    /** Words too common in names of organisations to say that two names are one name (Bank, Trading, Company ...). */
    private static final Set<String> COMMON_WORDS = Set.of("bank", "company", "trading", "international", "limited", "group", "corporation",
            "industries", "industrial", "general", "national", "islamic", "foundation", "organization", "organisation", "association",
            "services", "shipping", "petroleum", "investment", "holding", "holdings", "center", "centre", "institute", "university");

    /**
     * True when two names of one party are recognisably variants of one name, by a test of their own
     * that owes nothing to the scorer: written in different scripts, or sharing a word of four letters
     * or more that is not common in names of organisations, or one the initials of the other, or
     * sharing two fifths of their letter trigrams once written in Latin letters. Other names of a party
     * (an alias unlike its name: Foreign Trade Bank, Mooyokbank) are no name-matching question.
     */
    boolean variants(String a, String b) {
        if (script(a) != script(b)) {
            return true;
        }
        List<String> x = words(a);
        List<String> y = words(b);
        if (x.stream().anyMatch(word -> word.length() >= 4 && !COMMON_WORDS.contains(word) && y.contains(word))) {
            return true;
        }
        if (x.size() == 1 && initials(y).equals(x.getFirst()) || y.size() == 1 && initials(x).equals(y.getFirst())) {
            return true;
        }
        return trigramOverlap(String.join("", x), String.join("", y)) >= 0.4;
    }

    private List<String> words(String name) {
        List<String> words = new ArrayList<>();
        for (String word : toAscii.get().transliterate(name).split("[^a-z0-9]+")) {
            if (!word.isEmpty()) {
                words.add(word);
            }
        }
        return words;
    }

    private static String initials(List<String> words) {
        StringBuilder out = new StringBuilder();
        words.forEach(word -> out.append(word.charAt(0)));
        return out.toString();
    }

    private static double trigramOverlap(String a, String b) {
        Set<String> x = trigrams(a);
        Set<String> y = trigrams(b);
        if (x.isEmpty() || y.isEmpty()) {
            return 0;
        }
        Set<String> both = new HashSet<>(x);
        both.retainAll(y);
        return (double) both.size() / (x.size() + y.size() - both.size());
    }

    private static Set<String> trigrams(String text) {
        Set<String> grams = new HashSet<>();
        for (int i = 0; i + 3 <= text.length(); i++) {
            grams.add(text.substring(i, i + 3));
        }
        return grams;
    }

    private static Character.UnicodeScript script(String name) {
        return org.convergence.screening.names.NameNormalizer.scriptOf(name);
    }

    static long hash(String text) {
        long h = 1125899906842597L;
        for (int i = 0; i < text.length(); i++) {
            h = 31 * h + text.charAt(i);
        }
        return (h ^ (h >>> 29)) * 0xBF58476D1CE4E5B9L;
    }
}

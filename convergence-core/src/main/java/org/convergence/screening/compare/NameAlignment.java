package org.convergence.screening.compare;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.convergence.screening.compare.NameMatch.Aligned;
import org.convergence.screening.names.NameNormalizer;
import org.convergence.screening.names.NormalizedName;
import org.convergence.screening.names.PartKind;
import org.convergence.screening.names.RomanisationKey;

/**
 * Aligns the parts of two names and measures how they agree, as a reviewer reads two names side by
 * side: parts paired one to one where they are the same part (by {@link PartSimilarity}: spelling,
 * transliteration, short forms, initials), then parts written as one word on one side and several
 * on the other (Abdulhai, Abdul Hai; 김정은 read as kim jeongeun, Kim Jong Un), acronyms for the
 * parts they abbreviate (NUDT, National University of Defense Technology), and the names written
 * whole (RheinmetallAG, Rheinmetall AG). Parts left without a partner on one side only are
 * omissions (a patronymic the query leaves out); parts left on both sides are a disagreement.
 *
 * <p>The similarity of the names is the aligned parts' similarity against every part of both names
 * (an aligned pair weighing the mean of its parts), where a part without a partner counts
 * {@link #QUERY_EXTRA} of its weight on the query's side (it says something the listed name does not)
 * and {@link #LISTED_EXTRA_PERSON} or {@link #LISTED_EXTRA} on the listed side (lists write middle
 * names and patronymics that a query leaves out; an organisation's name is rarely cut).
 *
 * <p>Each part counts by how much it says: its length (two to ten letters), its {@link PartKind}
 * (a generic word or a particle counts for little) and its rarity among the indexed names
 * ({@link TokenWeights}).
 */
public final class NameAlignment {
    /** An acronym against the parts it abbreviates: a strong hint, since the initials agree in order. */
    static final double ACRONYM = 0.9;
    /** The longest part read as an acronym. */
    private static final int MAX_ACRONYM = 8;
    /** How many parts of one name are tried as one word of the other (Bashir Ud Din, Bashiruddin). */
    private static final int MAX_JOINED = 3;
    /** A number weighs as a distinctive part of this many letters: numbers tell organisations and vessels apart. */
    private static final int NUMBER_LENGTH = 5;
    /** How much a query part without a partner weighs against the names' similarity. */
    static final double QUERY_EXTRA = 0.8;
    /** How much a part of a listed person's name without a partner weighs: a middle name, a patronymic. */
    static final double LISTED_EXTRA_PERSON = 0.3;
    /** How much a part of a listed organisation's name without a partner weighs. */
    static final double LISTED_EXTRA = 0.6;

    private NameAlignment() {}


    /**
     * How two names agree.
     *
     * @param weak the listed name is a weak alias
     * @param text the query may be a text holding the listed name (a payment reference): a query at
     *     least two parts longer than a listed name of three parts or more that holds the listed name's
     *     parts as a run agrees in full, and the match says it was found in text
     */
    public static NameMatch compare(NormalizedName query, NormalizedName result, boolean weak, boolean text, TokenWeights weights,
            NameNormalizer names) {
        int n = query.keys().size();
        int m = result.keys().size();
        double[] queryWeights = partWeights(query, weights);
        double[] resultWeights = partWeights(result, weights);
        double rarity = rarity(result, weights);
        if (text && !weak && m >= 3 && n >= m + 2 && containsRun(query.keys(), result.keys()) && !sameParts(query.keys(), result.keys())) {
            return new NameMatch(query, result, 1, true, 0, false, false, true, weak, rarity,
                    List.of(new Aligned(0, n, 0, m, 1, "in text")));
        }
        int[] queryUnit = filled(n);
        int[] resultUnit = filled(m);
        List<Aligned> units = new ArrayList<>(Math.max(n, m));
        pairOneToOne(query, result, queryWeights, resultWeights, names, queryUnit, resultUnit, units);
        if (has(queryUnit, -1) || has(resultUnit, -1)) {
            pairJoined(query, result, queryUnit, resultUnit, units, false);
            pairJoined(result, query, resultUnit, queryUnit, units, true);
            pairAcronyms(query, result, queryUnit, resultUnit, units, false);
            pairAcronyms(result, query, resultUnit, queryUnit, units, true);
        }
        boolean oneSideGluedForm = query.legalFormText() == null != (result.legalFormText() == null);
        if (has(queryUnit, -1) || has(resultUnit, -1) || oneSideGluedForm && units.stream().anyMatch(unit -> unit.similarity() < 1)) {
            double whole = wholeNames(query, result);
            if (whole > 0 && whole >= coverage(units, queryWeights, resultWeights)) {
                units.clear();
                units.add(new Aligned(0, n, 0, m, whole, "written as one"));
                Arrays.fill(queryUnit, 0);
                Arrays.fill(resultUnit, 0);
            }
        }
        return measure(query, result, queryWeights, resultWeights, queryUnit, resultUnit, units, weak, rarity, names);
    }

    /** Each part's weight: its length, its kind and its rarity (see the class comment). */
    private static double[] partWeights(NormalizedName name, TokenWeights weights) {
        double[] out = new double[name.keys().size()];
        for (int i = 0; i < out.length; i++) {
            String key = name.keys().get(i);
            PartKind kind = name.kinds().get(i);
            // a name part counts at least as three letters: Un and Il, Na and Ning, are as much a person's name as Vladimir
            int length = kind == PartKind.NUMBER ? NUMBER_LENGTH : Math.max(kind == PartKind.NAME ? 3 : 2, Math.min(10, key.length()));
            out[i] = length * kind.weight() * weights.of(key);
        }
        return out;
    }

    /** The listed name's parts' mean rarity, by length: a common name says less about who is meant. */
    private static double rarity(NormalizedName result, TokenWeights weights) {
        double length = 0;
        double weighted = 0;
        for (String key : result.keys()) {
            int letters = Math.max(2, key.length());
            length += letters;
            weighted += letters * weights.of(key);
        }
        return length == 0 ? 0 : Math.min(1, weighted / length);
    }

    /** Pairs parts one to one, the most similar (by similarity times weight) first. */
    private static void pairOneToOne(NormalizedName query, NormalizedName result, double[] queryWeights, double[] resultWeights,
            NameNormalizer names, int[] queryUnit, int[] resultUnit, List<Aligned> units) {
        int n = queryUnit.length;
        int m = resultUnit.length;
        double[] similarity = new double[n * m];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < m; j++) {
                similarity[i * m + j] = PartSimilarity.of(query, i, result, j, names);
            }
        }
        while (true) {
            int best = -1;
            double bestValue = 0;
            for (int k = 0; k < similarity.length; k++) {
                double value = similarity[k] * (queryWeights[k / m] + resultWeights[k % m]);
                if (similarity[k] > 0 && queryUnit[k / m] < 0 && resultUnit[k % m] < 0 && (best < 0 || value > bestValue)) {
                    best = k;
                    bestValue = value;
                }
            }
            if (best < 0) {
                return;
            }
            int i = best / m;
            int j = best % m;
            double value = similarity[best];
            String how = value == 1 ? "same" : value == PartSimilarity.INITIAL && (query.keys().get(i).length() == 1 || result.keys().get(j).length() == 1)
                    ? "initial" : value == PartSimilarity.SHORT_FORM && names.sameGivenName(query.keys().get(i), result.keys().get(j)) ? "short form"
                    : value == PartSimilarity.INSTITUTION && names.institutionWords(query.tokens().get(i), result.tokens().get(j)) ? "kind of institution"
                    : "spelling";
            queryUnit[i] = units.size();
            resultUnit[j] = units.size();
            units.add(new Aligned(i, i + 1, j, j + 1, value, how));
        }
    }

    /**
     * Pairs a part of one name left without a partner with a run of two or three free parts of the
     * other written as one word (Abdulhai with Abdul Hai). {@code swapped}: {@code one} is the listed name.
     */
    private static void pairJoined(NormalizedName oneName, NormalizedName otherName, int[] oneUnit, int[] otherUnit, List<Aligned> units,
            boolean swapped) {
        List<String> one = oneName.keys();
        List<String> other = otherName.tokens();
        List<String> otherKeys = otherName.keys();
        if (!hasFreeNeighbours(otherUnit)) {
            return; // no two free words of the other name to join
        }
        boolean skeletons = oneName.vowelsUnwritten() || otherName.vowelsUnwritten();
        for (int i = 0; i < one.size(); i++) {
            if (oneUnit[i] >= 0 || one.get(i).length() < 4) {
                continue;
            }
            int length = oneName.tokens().get(i).length();
            for (int from = 0; from < other.size() && oneUnit[i] < 0; from++) {
                StringBuilder joined = new StringBuilder();
                StringBuilder joinedKeys = new StringBuilder();
                for (int to = from; to < other.size() && to - from < MAX_JOINED && otherUnit[to] < 0; to++) {
                    joined.append(other.get(to));
                    joinedKeys.append(otherKeys.get(to));
                    // only words whose letters could add up to the one word are keyed and compared: most cannot
                    if (to == from || Math.abs(joined.length() - length) > PartSimilarity.budget(Math.max(joined.length(), length)) + 2) {
                        continue;
                    }
                    // the words joined as one word are keyed as one word, so that Bashir Ud Din meets Bashiruddin; two
                    // words are also tried the other way round, since a name written "FAMILY, Given" is read given name first
                    double similarity = Math.max(joinedSimilarity(oneName, i, joined.toString(), joinedKeys.toString(), skeletons),
                            to == from + 1 ? joinedSimilarity(oneName, i, other.get(to) + other.get(from), otherKeys.get(to) + otherKeys.get(from),
                                    skeletons) : 0);
                    if (similarity > 0) {
                        oneUnit[i] = units.size();
                        for (int k = from; k <= to; k++) {
                            otherUnit[k] = units.size();
                        }
                        units.add(swapped ? new Aligned(from, to + 1, i, i + 1, similarity, "written as one")
                                : new Aligned(i, i + 1, from, to + 1, similarity, "written as one"));
                        break;
                    }
                }
            }
        }
    }

    private static boolean hasFreeNeighbours(int[] unit) {
        for (int k = 0; k + 1 < unit.length; k++) {
            if (unit[k] < 0 && unit[k + 1] < 0) {
                return true;
            }
        }
        return false;
    }

    /**
     * How alike a part and words written as one are, on keys, and on consonants for a script that leaves
     * vowels out. The words' keys put together ({@code joinedKeys}) differ from the key of the words
     * joined only where a letter group spans two words, so the key of the joined words is worked out
     * only when the keys put together come within an edit of the part.
     */
    private static double joinedSimilarity(NormalizedName name, int i, String joined, String joinedKeys, boolean skeletons) {
        String key = name.keys().get(i);
        if (!skeletons && PartSimilarity.distance(key, joinedKeys, PartSimilarity.budget(Math.max(key.length(), joinedKeys.length())) + 1)
                > PartSimilarity.budget(Math.max(key.length(), joinedKeys.length())) + 1) {
            return 0;
        }
        double similarity = PartSimilarity.spelling(key, RomanisationKey.of(joined));
        if (similarity < 1 && skeletons) {
            similarity = Math.max(similarity, PartSimilarity.spelling(name.skeletons().get(i), RomanisationKey.skeleton(RomanisationKey.of(joined))));
        }
        return similarity;
    }

    /**
     * Pairs a one-word part of two to eight letters with a run of free parts of the other name whose
     * initials it spells, with or without the stop words (NUDT: National University of Defense
     * Technology). {@code swapped}: {@code one} is the listed name.
     */
    private static void pairAcronyms(NormalizedName one, NormalizedName other, int[] oneUnit, int[] otherUnit, List<Aligned> units, boolean swapped) {
        for (int i = 0; i < one.keys().size(); i++) {
            String token = one.tokens().get(i);
            // an acronym has at most one letter for each word of the other name
            if (oneUnit[i] >= 0 || token.length() < 2 || token.length() > Math.min(MAX_ACRONYM, other.tokens().size() + 1) || !isLetters(token)) {
                continue;
            }
            for (int from = 0; from < other.tokens().size() && oneUnit[i] < 0; from++) {
                int to = acronymRun(token, other, from, otherUnit);
                if (to > from + 1) {
                    oneUnit[i] = units.size();
                    for (int k = from; k < to; k++) {
                        otherUnit[k] = units.size();
                    }
                    units.add(swapped ? new Aligned(from, to, i, i + 1, ACRONYM, "acronym") : new Aligned(i, i + 1, from, to, ACRONYM, "acronym"));
                }
            }
        }
    }

    /**
     * The end (exclusive) of the run of free parts from {@code from} whose initials spell the acronym,
     * or -1; the initial of the name's legal form may end it (KSSC: Korea Samma Shipping Co).
     */
    private static int acronymRun(String acronym, NormalizedName other, int from, int[] otherUnit) {
        if (other.legalFormText() != null && acronym.length() > 2 && acronym.charAt(acronym.length() - 1) == other.legalFormText().charAt(0)) {
            int run = acronymRun(acronym.substring(0, acronym.length() - 1), other, from, otherUnit, true);
            if (run > 0) {
                return run;
            }
        }
        return acronymRun(acronym, other, from, otherUnit, false);
    }

    private static int acronymRun(String acronym, NormalizedName other, int from, int[] otherUnit, boolean toTheEnd) {
        for (boolean withStops : new boolean[] {false, true}) {
            int letter = 0;
            int k = from;
            while (k < other.tokens().size() && letter < acronym.length() && otherUnit[k] < 0) {
                String part = other.tokens().get(k);
                if (!withStops && other.kinds().get(k) == PartKind.STOP) {
                    k++;
                    continue;
                }
                if (part.charAt(0) != acronym.charAt(letter)) {
                    break;
                }
                letter++;
                k++;
            }
            if (letter == acronym.length() && other.kinds().get(from) != PartKind.STOP && (!toTheEnd || k == other.tokens().size())) {
                return k;
            }
        }
        return -1;
    }

    /**
     * The two names compared as one word each, with the legal form's words glued on where one side
     * wrote them together (RheinmetallAG): 1 when equal, a near spelling when one edit apart, else 0.
     */
    private static double wholeNames(NormalizedName query, NormalizedName result) {
        String q = query.wholeKey();
        String r = result.wholeKey();
        if (Math.abs(q.length() - r.length()) > 8) {
            return 0; // no spelling of one, even with a legal form glued on, could be the other written as one word
        }
        double best = whole(q, r);
        if (query.wholeKeyWithForm() != null && result.legalFormText() == null) {
            best = Math.max(best, whole(query.wholeKeyWithForm(), r));
        }
        if (result.wholeKeyWithForm() != null && query.legalFormText() == null) {
            best = Math.max(best, whole(q, result.wholeKeyWithForm()));
        }
        return best;
    }

    /** Two names written as one word each, compared on their romanisation keys: the same, or one edit apart in eight letters or more. */
    private static double whole(String a, String b) {
        if (a.equals(b)) {
            return 1;
        }
        int length = Math.max(a.length(), b.length());
        if (length < 8 || Math.abs(a.length() - b.length()) > 1) {
            return 0;
        }
        double distance = PartSimilarity.distance(a, b, 1);
        return distance <= 1 ? (1 - distance / length) * (1 - distance / length) : 0;
    }

    /** The mean of both names' weighted coverage by the units so far. */
    private static double coverage(List<Aligned> units, double[] queryWeights, double[] resultWeights) {
        double query = 0;
        double result = 0;
        for (Aligned unit : units) {
            for (int i = unit.queryFrom(); i < unit.queryTo(); i++) {
                query += unit.similarity() * queryWeights[i];
            }
            for (int j = unit.resultFrom(); j < unit.resultTo(); j++) {
                result += unit.similarity() * resultWeights[j];
            }
        }
        double queryTotal = Arrays.stream(queryWeights).sum();
        double resultTotal = Arrays.stream(resultWeights).sum();
        return (queryTotal == 0 ? 0 : query / queryTotal) / 2 + (resultTotal == 0 ? 0 : result / resultTotal) / 2;
    }

    private static NameMatch measure(NormalizedName query, NormalizedName result, double[] queryWeights, double[] resultWeights, int[] queryUnit,
            int[] resultUnit, List<Aligned> units, boolean weak, double rarity, NameNormalizer names) {
        double agreed = 0;
        double total = 0;
        boolean queryDisagrees = false;
        boolean resultDisagrees = false;
        boolean exact = !units.isEmpty();
        for (int i = 0; i < queryUnit.length; i++) {
            PartKind kind = query.kinds().get(i);
            if (queryUnit[i] < 0 && kind != PartKind.INITIAL) { // a middle initial the listed name leaves out is no disagreement
                exact &= kind == PartKind.STOP;
                queryDisagrees |= disagrees(kind);
                total += QUERY_EXTRA * queryWeights[i];
            }
        }
        double listedExtra = result.person() ? LISTED_EXTRA_PERSON : LISTED_EXTRA;
        for (int j = 0; j < resultUnit.length; j++) {
            PartKind kind = result.kinds().get(j);
            if (resultUnit[j] < 0) {
                exact &= kind == PartKind.STOP;
                resultDisagrees |= disagrees(kind);
                total += listedExtra * resultWeights[j];
            }
        }
        for (Aligned unit : units) {
            exact &= unit.similarity() == 1;
            double weight = 0;
            for (int i = unit.queryFrom(); i < unit.queryTo(); i++) {
                weight += queryWeights[i] / 2;
            }
            for (int j = unit.resultFrom(); j < unit.resultTo(); j++) {
                weight += resultWeights[j] / 2;
            }
            agreed += unit.similarity() * weight;
            total += weight;
        }
        // a part on each side without a partner: the names disagree, whatever else they share (brothers share all but a given name)
        double conflict = queryDisagrees && resultDisagrees ? 1 : 0;
        return new NameMatch(query, result, total == 0 ? 0 : Math.min(1, agreed / total), exact, conflict, numbersDiffer(query, result),
                rolesSwapped(query, result, queryUnit, resultUnit, units, names), false, weak, rarity, units);
    }

    /**
     * True for a kind of part that, left without a partner on both sides, makes the names disagree: a
     * name, a number, a patronymic. Generic words (Institute against University, which translations
     * swap), particles, stop words and initials only weaken the agreement.
     */
    private static boolean disagrees(PartKind kind) {
        return kind == PartKind.NAME || kind == PartKind.NUMBER || kind == PartKind.PATRONYMIC;
    }

    /** True when both names hold numbers and they are not the same numbers. */
    private static boolean numbersDiffer(NormalizedName query, NormalizedName result) {
        if (!query.kinds().contains(PartKind.NUMBER) || !result.kinds().contains(PartKind.NUMBER)) {
            return false;
        }
        Set<String> a = numbers(query);
        Set<String> b = numbers(result);
        return !a.isEmpty() && !b.isEmpty() && !a.equals(b);
    }

    private static Set<String> numbers(NormalizedName name) {
        Set<String> numbers = new TreeSet<>();
        for (int i = 0; i < name.kinds().size(); i++) {
            if (name.kinds().get(i) == PartKind.NUMBER) {
                numbers.add(name.keys().get(i));
            }
        }
        return numbers;
    }

    /**
     * True when both names have a "son of" particle between their parts (bin, ibn) and a part before it
     * on one side is paired with a part after it on the other: the person's own name against the
     * father's.
     */
    private static boolean rolesSwapped(NormalizedName query, NormalizedName result, int[] queryUnit, int[] resultUnit, List<Aligned> units,
            NameNormalizer names) {
        int queryMarker = ancestryMarker(query, names);
        int resultMarker = ancestryMarker(result, names);
        if (queryMarker < 0 || resultMarker < 0) {
            return false;
        }
        for (Aligned unit : units) {
            if (unit.queryTo() - unit.queryFrom() == 1 && unit.resultTo() - unit.resultFrom() == 1
                    && query.kinds().get(unit.queryFrom()) == PartKind.NAME
                    && unit.queryFrom() < queryMarker != unit.resultFrom() < resultMarker) {
                return true;
            }
        }
        return false;
    }

    /** The position of the first "son of" particle with name parts on both sides of it, or -1. */
    private static int ancestryMarker(NormalizedName name, NameNormalizer names) {
        for (int i = 1; i < name.tokens().size() - 1; i++) {
            if (name.kinds().get(i) == PartKind.PARTICLE && names.isAncestryMarker(name.tokens().get(i))) {
                return i;
            }
        }
        return -1;
    }

    private static int[] filled(int size) {
        int[] array = new int[size];
        Arrays.fill(array, -1);
        return array;
    }

    private static boolean has(int[] array, int value) {
        for (int v : array) {
            if (v == value) {
                return true;
            }
        }
        return false;
    }

    private static boolean isLetters(String token) {
        for (int i = 0; i < token.length(); i++) {
            if (!Character.isLetter(token.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** True when some run of consecutive query parts is the listed name's parts, in any order (lists write "BIN LADIN, Usama"). */
    private static boolean containsRun(List<String> query, List<String> listed) {
        for (int start = 0; start + listed.size() <= query.size(); start++) {
            if (sameParts(query.subList(start, start + listed.size()), listed)) {
                return true;
            }
        }
        return false;
    }

    private static boolean sameParts(List<String> a, List<String> b) {
        if (a.size() != b.size()) {
            return false;
        }
        String[] x = a.toArray(String[]::new);
        String[] y = b.toArray(String[]::new);
        Arrays.sort(x);
        Arrays.sort(y);
        return Arrays.equals(x, y);
    }
}

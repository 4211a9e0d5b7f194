package org.convergence.screening.compare;

import org.convergence.screening.names.NameNormalizer;
import org.convergence.screening.names.NormalizedName;
import org.convergence.screening.names.PartKind;
import org.convergence.screening.names.RomanisationKey;

/**
 * How alike two name parts are, from 0 (different parts) to 1 (the same part): equal romanisation
 * keys; a given name and its short form (Bill, William); an initial and the name it stands for; or a
 * spelling within an edit budget that grows with the part's length. A part of three letters or fewer
 * must be spelt alike (Wei and Wen, Un and Il are different names), a part of four to seven may
 * differ by one edit, eight to eleven by two, longer by three; the similarity is the share of letters
 * unchanged, squared, so that one edit costs a short part more than a long one (Malik and Khaliq 0.69,
 * Lukashenka and Lukashenko 0.81). A digit written for the letter it looks like (R0sneft) costs half
 * an edit, as do vowels that transliterations swap (Qaeda, Qaida), c for k, and two neighbouring
 * letters swapped (Mikhial); numbers are equal or different, never near. An initial meets a name only in a person's
 * name: in an organisation's, a single letter is rarely an initial of the other's words.
 */
public final class PartSimilarity {
    /** An initial against the name it may stand for: likely, not certain. */
    public static final double INITIAL = 0.8;
    /** A given name against a short form of it (Bill, William): a strong hint, not a spelling. */
    public static final double SHORT_FORM = 0.9;
    /** Two words for an institution of learning or research (Institute, University), which translations swap. */
    public static final double INSTITUTION = 0.75;
    /** Edits cost one; a letter for one that transliterations or look-alikes swap costs this. */
    private static final double NEAR_LETTER_COST = 0.5;
    /**
     * Letters that stand for each other: vowels that transliterations of Arabic and Persian write
     * either way (Qaeda, Qaida; Osama, Usama), c and k, and digits for the letters they look like.
     */
    private static final String[] NEAR_LETTERS = {"ei", "ou", "ck", "0o", "1i", "1l", "3e", "4a", "5s", "6b", "7t", "8b", "9g", "2z"};

    private PartSimilarity() {}

    /** The similarity of part {@code i} of one name and part {@code j} of another. */
    static double of(NormalizedName query, int i, NormalizedName result, int j, NameNormalizer names) {
        String a = query.keys().get(i);
        String b = result.keys().get(j);
        if (a.equals(b)) {
            return 1;
        }
        if (query.kinds().get(i) == PartKind.NUMBER || result.kinds().get(j) == PartKind.NUMBER) {
            return 0;
        }
        if (a.length() == 1 || b.length() == 1) {
            return query.person() && result.person() && query.tokens().get(i).charAt(0) == result.tokens().get(j).charAt(0) ? INITIAL : 0;
        }
        PartKind kind = query.kinds().get(i);
        if (kind == PartKind.NAME && result.kinds().get(j) == PartKind.NAME && names.sameGivenName(a, b)) {
            return SHORT_FORM;
        }
        if (kind == PartKind.GENERIC && result.kinds().get(j) == PartKind.GENERIC && names.institutionWords(query.tokens().get(i), result.tokens().get(j))) {
            return INSTITUTION;
        }
        // the spellings as written too: a romanisation key folds letter groups, and a typo can fold differently from the word it spoils
        double similarity = spelling(a, b);
        String x = query.tokens().get(i);
        String y = result.tokens().get(j);
        if (similarity == 0 && (!x.equals(a) || !y.equals(b))) {
            similarity = Math.max(similarity, spelling(x, y));
        }
        if (similarity < 1 && (query.vowelsUnwritten() || result.vowelsUnwritten())) {
            // a script that leaves vowels out: agreeing consonants are all the agreement there can be
            String p = query.skeletons().get(i);
            String q = result.skeletons().get(j);
            similarity = Math.max(similarity, Math.max(spelling(p, q), spelling(RomanisationKey.withoutV(p), RomanisationKey.withoutV(q))));
        }
        return similarity;
    }

    /** The most edits a part of this many letters may differ by and still be the same part. */
    static int budget(int length) {
        return length <= 3 ? 0 : length <= 7 ? 1 : length <= 11 ? 2 : 3;
    }

    /**
     * The similarity of two spellings: the share of the longer's letters left unchanged, squared, when
     * the edits stay within the longer's budget; else 0.
     */
    public static double spelling(String a, String b) {
        if (a.equals(b)) {
            return 1;
        }
        int length = Math.max(a.length(), b.length());
        int budget = budget(length);
        if (budget == 0 || Math.abs(a.length() - b.length()) > budget || differentLetters(a, b) > 4 * budget) {
            return 0;
        }
        double distance = distance(a, b, budget);
        double unchanged = 1 - distance / length;
        return distance > budget ? 0 : unchanged * unchanged;
    }

    /**
     * Optimal string alignment distance (insertions, deletions, substitutions and swaps of neighbours),
     * a near letter and a swap costing half; more than {@code budget} once every path exceeds it. Only the band of
     * the table within {@code budget} of its diagonal is computed: a budget is three edits at most.
     */
    static double distance(String a, String b, int budget) {
        int n = a.length();
        int m = b.length();
        if (Math.abs(n - m) > budget) {
            return budget + 1;
        }
        // costs in half edits, so that a near letter's half edit stays a whole number
        int limit = 2 * budget;
        int outside = limit + 2;
        int[] previous2 = new int[m + 1];
        int[] previous = new int[m + 1];
        int[] current = new int[m + 1];
        for (int j = 0; j <= m; j++) {
            previous[j] = j <= budget ? 2 * j : outside;
        }
        for (int i = 1; i <= n; i++) {
            int from = Math.max(1, i - budget);
            int to = Math.min(m, i + budget);
            current[0] = i <= budget ? 2 * i : outside;
            if (from > 1) {
                current[from - 1] = outside;
            }
            int rowMin = current[0];
            char ca = a.charAt(i - 1);
            for (int j = from; j <= to; j++) {
                char cb = b.charAt(j - 1);
                int substitution = ca == cb ? 0 : near(ca, cb) ? 1 : 2;
                int value = Math.min(Math.min(previous[j] + 2, current[j - 1] + 2), previous[j - 1] + substitution);
                // two neighbours swapped, the commonest typo, which rarely makes one name of another (Mikhial), cost half an edit
                if (i > 1 && j > 1 && ca == b.charAt(j - 2) && a.charAt(i - 2) == cb) {
                    value = Math.min(value, previous2[j - 2] + 1);
                }
                current[j] = Math.min(value, outside);
                rowMin = Math.min(rowMin, current[j]);
            }
            if (to < m) {
                current[to + 1] = outside;
            }
            if (rowMin > limit) {
                return budget + 1;
            }
            int[] swap = previous2;
            previous2 = previous;
            previous = current;
            current = swap;
        }
        return previous[m] / 2.0;
    }

    /**
     * How many letters one word has that the other has not, counting each letter once: an edit adds or
     * takes away at most two of them and a near letter costs half an edit, so more than four per edit
     * of budget rules a pair out before the table is computed (most pairs compared are different words).
     */
    private static int differentLetters(String a, String b) {
        return Long.bitCount(letters(a) ^ letters(b));
    }

    private static long letters(String word) {
        long set = 0;
        for (int i = 0; i < word.length(); i++) {
            set |= 1L << (word.charAt(i) & 63);
        }
        return set;
    }

    /** For two ASCII letters or digits, whether one stands for the other (see {@link #NEAR_LETTERS}). */
    private static final boolean[][] NEAR = nearTable();

    private static boolean[][] nearTable() {
        boolean[][] table = new boolean[128][128];
        for (String pair : NEAR_LETTERS) {
            table[pair.charAt(0)][pair.charAt(1)] = true;
            table[pair.charAt(1)][pair.charAt(0)] = true;
        }
        return table;
    }

    private static boolean near(char a, char b) {
        return a < 128 && b < 128 && NEAR[a][b];
    }
}

package org.convergence.screening.names;

/**
 * A key on which the romanisations of one name agree. BGN/PCGN writes Юрий as Yuriy, ISO 9 as Jurij
 * (Ûrij before ASCII folding), passports as Iurii; Щукин is Shchukin or Ŝukin (Sukin once folded); Жуков is
 * Zhukov or Žukov (Zukov once folded). The key folds the letter groups on which these systems differ
 * onto one letter each, collapses doubled letters, and folds a final -er after a consonant to -r
 * (Alexander, Aleksandr; Peter, Pyotr): all of the above meet on uri, sukin, zukov.
 * It is a comparison key only, never shown.
 */
public final class RomanisationKey {
    /** Letter groups in the order they are folded: longer groups first, so shch is not read as s + hch. */
    private static final String[][] FOLDS = {
            {"shch", "s"}, {"sch", "s"}, {"sh", "s"}, {"zh", "z"}, {"ch", "c"}, {"kh", "h"}, {"tz", "c"}, {"ts", "c"}, {"cz", "c"},
            {"ks", "x"}, {"ph", "f"}, {"w", "v"},
            {"jeo", "e"}, {"yeo", "e"},
            {"yu", "u"}, {"iu", "u"}, {"ju", "u"}, {"ya", "a"}, {"ia", "a"}, {"ja", "a"},
            {"yo", "e"}, {"io", "e"}, {"jo", "e"}, {"ye", "e"}, {"ie", "e"}, {"je", "e"},
            // Korean: Revised Romanisation writes eo and eu where McCune-Reischauer and custom write o and u
            // (jeo and yeo above, where jo and yo fold too)
            {"eo", "o"}, {"eu", "u"},
            {"y", "i"}, {"j", "i"},
    };

    private RomanisationKey() {}

    /** The key of one lower-case ASCII token. */
    public static String of(String token) {
        StringBuilder out = new StringBuilder(token.length());
        int i = 0;
        outer:
        while (i < token.length()) {
            for (String[] fold : FOLDS) {
                if (token.startsWith(fold[0], i)) {
                    append(out, fold[1]);
                    i += fold[0].length();
                    continue outer;
                }
            }
            append(out, String.valueOf(token.charAt(i)));
            i++;
        }
        // Korean ŏ before ng is written eo (Revised), o (McCune-Reischauer) or u (custom: 성 seong, song, sung), and
        // Wade-Giles writes -ung where pinyin writes -ong (Mao Tse-tung, Zedong): -ung folds to -ong, which eo→o meets.
        for (int at = out.indexOf("ung"); at >= 0; at = out.indexOf("ung", at + 3)) {
            out.setCharAt(at, 'o');
        }
        // Russian writes -андр, -етр where English writes -ander, -eter (Александр, Пётр): a final "er"
        // after a consonant folds to "r".
        int last = out.length() - 1;
        if (last >= 2 && out.charAt(last) == 'r' && out.charAt(last - 1) == 'e' && "aeiou".indexOf(out.charAt(last - 2)) < 0) {
            out.deleteCharAt(last - 1);
        }
        return out.toString();
    }

    /**
     * The consonant skeleton of a token: its letters without vowels (nor y, which stands for a vowel in
     * romanised Arabic and Hebrew), doubled letters collapsed, w written v. Mohamed and mhmd both give
     * mhmd. Waw and vav are a consonant (דוד dwd, David: dvd) or a long vowel (محمود mhmwd, Mahmoud:
     * mhmd), so skeletons are compared both with their v and without it (see {@link #withoutV}).
     */
    public static String skeleton(String token) {
        StringBuilder out = new StringBuilder(token.length());
        for (int i = 0; i < token.length(); i++) {
            char c = token.charAt(i) == 'w' ? 'v' : token.charAt(i);
            if ("aeiouy".indexOf(c) < 0 && (out.isEmpty() || out.charAt(out.length() - 1) != c)) {
                out.append(c);
            }
        }
        return out.isEmpty() ? token : out.toString();
    }

    /** A skeleton read with its w or v as a vowel: left out, doubled letters collapsed again. */
    public static String withoutV(String skeleton) {
        if (skeleton.indexOf('v') < 0) {
            return skeleton;
        }
        StringBuilder out = new StringBuilder(skeleton.length());
        for (int i = 0; i < skeleton.length(); i++) {
            char c = skeleton.charAt(i);
            if (c != 'v' && (out.isEmpty() || out.charAt(out.length() - 1) != c)) {
                out.append(c);
            }
        }
        return out.isEmpty() ? skeleton : out.toString();
    }

    /** Appends, skipping a letter equal to the last one written (ii, ss, ll collapse). */
    private static void append(StringBuilder out, String folded) {
        for (int k = 0; k < folded.length(); k++) {
            char c = folded.charAt(k);
            if (out.isEmpty() || out.charAt(out.length() - 1) != c) {
                out.append(c);
            }
        }
    }
}

package org.convergence.screening.names;

/**
 * A key on which the romanisations of one name agree. BGN/PCGN writes Юрий as Yuriy, ISO 9 as Jurij
 * (Ûrij before ASCII folding), passports as Iurii; Щукин is Shchukin or Ŝukin (Sukin once folded); Жуков is
 * Zhukov or Žukov (Zukov once folded). The key folds the letter groups on which these systems differ
 * onto one letter each, collapses doubled letters, and folds a final -er after a consonant to -r
 * (Alexander, Aleksandr; Peter, Pyotr): all of the above meet on uri, sukin, zukov. The Latin
 * spellings of Arabic names fold alike: dh, gh and th are written for one consonant or two
 * (Qadhafi, Qaddafi), q and k for one (Qaddafi, Kaddafi), and English-style long vowels
 * (Mahmood, Shareef, Youssef) meet the plain ones (Mahmud, Sharif, Yusuf), as Dutch oe and French
 * ou meet u (Poetin, Poutine, Putin).
 * It is a comparison key only, never shown.
 */
public final class RomanisationKey {
    /** Letter groups in the order they are folded: longer groups first, so shch is not read as s + hch. */
    private static final String[][] FOLDS = {
            {"shch", "s"}, {"sch", "s"}, {"sh", "s"}, {"zh", "z"}, {"ch", "c"}, {"kh", "h"}, {"tz", "c"}, {"ts", "c"}, {"cz", "c"},
            {"ks", "x"}, {"ph", "f"}, {"w", "v"}, {"dh", "d"}, {"gh", "g"}, {"th", "t"}, {"q", "k"}, {"ck", "k"},
            {"you", "u"}, {"ou", "u"}, {"oo", "u"}, {"oe", "u"}, {"ee", "i"},
            {"jeo", "e"}, {"yeo", "e"},
            {"yu", "u"}, {"iu", "u"}, {"ju", "u"}, {"ya", "a"}, {"ia", "a"}, {"ja", "a"},
            {"yo", "e"}, {"io", "e"}, {"jo", "e"}, {"ye", "e"}, {"ie", "e"}, {"je", "e"},
            // Korean: Revised Romanisation writes eo and eu where McCune-Reischauer and custom write o and u
            // (jeo and yeo above, where jo and yo fold too)
            {"eo", "o"}, {"eu", "u"},
            {"y", "i"}, {"j", "i"},
    };

    private RomanisationKey() {}

    /** Digits written for the letters they look like, in a word of letters (R0sneft, K1M): digit and letter. */
    private static final String LOOK_ALIKE_DIGITS = "0o1i3e4a5s7t8b9g";
    /** The folds by the letter they start with, in the order of {@link #FOLDS}: a key is computed for every name part screened. */
    private static final String[][][] FOLDS_BY_FIRST = foldsByFirstLetter();

    private static String[][][] foldsByFirstLetter() {
        String[][][] byFirst = new String[128][][];
        for (char c = 0; c < 128; c++) {
            final char first = c;
            byFirst[c] = java.util.Arrays.stream(FOLDS).filter(fold -> fold[0].charAt(0) == first).toArray(String[][]::new);
        }
        return byFirst;
    }

    /** The key of one lower-case ASCII token. */
    public static String of(String token) {
        token = lettersForDigits(token);
        StringBuilder out = new StringBuilder(token.length());
        int i = 0;
        outer:
        while (i < token.length()) {
            char c = token.charAt(i);
            if (c < 128) {
                for (String[] fold : FOLDS_BY_FIRST[c]) {
                    if (token.startsWith(fold[0], i)) {
                        append(out, fold[1]);
                        i += fold[0].length();
                        continue outer;
                    }
                }
            }
            append(out, c);
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
     * A word of letters with a digit or two among them (GRE3N, ANTÓN1O) read with the letters the
     * digits look like, a digit after a letter only; a word of letters and numbers alike (A320) or one
     * that starts with a number (2nd, 5G) is left as written.
     */
    static String lettersForDigits(String token) {
        int digits = 0;
        int letters = 0;
        for (int i = 0; i < token.length(); i++) {
            char c = token.charAt(i);
            if (c >= '0' && c <= '9') {
                digits++;
            } else if (c >= 'a' && c <= 'z') {
                letters++;
            }
        }
        if (digits == 0 || letters < 2 || digits * 2 > letters || Character.isDigit(token.charAt(0))) {
            return token;
        }
        StringBuilder out = new StringBuilder(token.length());
        for (int i = 0; i < token.length(); i++) {
            char c = token.charAt(i);
            int at = c >= '0' && c <= '9' && Character.isLetter(token.charAt(i - 1)) ? LOOK_ALIKE_DIGITS.indexOf(c) : -1;
            out.append(at >= 0 && at % 2 == 0 ? LOOK_ALIKE_DIGITS.charAt(at + 1) : c);
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
            append(out, folded.charAt(k));
        }
    }

    private static void append(StringBuilder out, char c) {
        if (out.isEmpty() || out.charAt(out.length() - 1) != c) {
            out.append(c);
        }
    }
}

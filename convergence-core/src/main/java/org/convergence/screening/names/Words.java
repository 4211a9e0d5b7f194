package org.convergence.screening.names;

import java.util.ArrayList;
import java.util.List;

/** Splits case-folded text into words: runs of letters and digits, with inner hyphens and apostrophes kept. */
final class Words {
    private Words() {}

    /**
     * The words of a text as written, before case folding: a capitalised word glued to the word before
     * it (IRIETadashi, MohammedHammam) is two words. A capital that starts no word (GmbH) or follows a
     * short prefix (McDonald) stays.
     */
    static String unglue(String text) {
        StringBuilder out = null;
        for (int i = 1; i < text.length(); i++) {
            char previous = text.charAt(i - 1);
            char c = text.charAt(i);
            boolean startsWord = i >= 3 && i + 1 < text.length() && Character.isUpperCase(c) && Character.isLowerCase(text.charAt(i + 1));
            boolean glued = startsWord && (Character.isLowerCase(previous) && Character.isLowerCase(text.charAt(i - 2))
                    || Character.isUpperCase(previous) && Character.isUpperCase(text.charAt(i - 2)) && Character.isUpperCase(text.charAt(i - 3)));
            if (glued) {
                if (out == null) {
                    out = new StringBuilder(text.length() + 4).append(text, 0, i);
                }
                out.append(' ');
            }
            if (out != null) {
                out.append(c);
            }
        }
        return out == null ? text : out.toString();
    }

    static List<String> split(String text) {
        List<String> words = new ArrayList<>();
        int start = -1;
        for (int i = 0; i <= text.length(); i++) {
            boolean inWord = i < text.length() && isWordChar(text, i);
            if (inWord && start < 0) {
                start = i;
            } else if (!inWord && start >= 0) {
                words.add(text.substring(start, i));
                start = -1;
            }
        }
        return words;
    }

    private static boolean isWordChar(String text, int i) {
        char c = text.charAt(i);
        if (Character.isLetterOrDigit(c) || Character.getType(c) == Character.NON_SPACING_MARK || Character.isSurrogate(c)) {
            return true;
        }
        // a hyphen or apostrophe inside a word (научно-исследовательский, xi'an) belongs to it
        return (c == '-' || c == '\'' || c == '\u2019') && i > 0 && i + 1 < text.length()
                && Character.isLetterOrDigit(text.charAt(i - 1)) && Character.isLetterOrDigit(text.charAt(i + 1));
    }

    /** True when one letter added, dropped or changed, or two neighbours swapped, turns one word into the other. */
    static boolean oneEditApart(String a, String b) {
        if (Math.abs(a.length() - b.length()) > 1 || a.equals(b)) {
            return false;
        }
        int start = 0;
        while (start < a.length() && start < b.length() && a.charAt(start) == b.charAt(start)) {
            start++;
        }
        int endA = a.length();
        int endB = b.length();
        while (endA > start && endB > start && a.charAt(endA - 1) == b.charAt(endB - 1)) {
            endA--;
            endB--;
        }
        int differA = endA - start;
        int differB = endB - start;
        return differA <= 1 && differB <= 1
                || differA == 2 && differB == 2 && a.charAt(start) == b.charAt(start + 1) && a.charAt(start + 1) == b.charAt(start);
    }

    /** True when every character is ASCII: such a word needs no transliteration. */
    static boolean isAscii(String word) {
        for (int i = 0; i < word.length(); i++) {
            if (word.charAt(i) >= 128) {
                return false;
            }
        }
        return true;
    }
}

package org.convergence.screening.names;

import java.util.ArrayList;
import java.util.List;

/** Splits case-folded text into words: runs of letters and digits, with inner hyphens and apostrophes kept. */
final class Words {
    private Words() {}

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

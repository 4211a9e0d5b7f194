package org.convergence.screening.names;

import com.ibm.icu.text.SpoofChecker;
import com.ibm.icu.text.Transliterator;
import java.util.regex.Pattern;

/**
 * Makes a name as typed or pasted safe to read: terminal escape sequences and invisible characters
 * (controls, zero-width and direction marks) are removed as if they were not there, and a Latin name
 * with letters of another script that only look Latin (a Cyrillic о in Rоsoboronexport) is read with
 * the Latin letters it imitates. Both are ways to slip a listed name past a matcher; neither changes a
 * name written honestly in one script.
 */
final class InputText {
    /**
     * ECMA-48 sequences: CSI (ESC [ or U+009B) with parameters and a final byte, OSC (ESC ]) up to BEL
     * or ST, and two-character escapes.
     */
    private static final Pattern ESCAPES = Pattern.compile(
            "(?:\\u001B\\[|\\u009B)[0-?]*[ -/]*[@-~]|\\u001B\\][^\\u0007\\u001B]*(?:\\u0007|\\u001B\\\\)?|\\u001B[@-Z\\\\-_]");
    /**
     * For each Cyrillic and Greek letter (U+0370 to U+04FF), the ASCII letter it is confusable with by
     * Unicode's confusables data (UTS #39, read through ICU's skeletons), or 0: Cyrillic Н is H, and
     * its lower case н is no Latin letter's look-alike.
     */
    private static final char[] LOOK_ALIKES = lookAlikes();

    private InputText() {}

    /**
     * The text without escape sequences and invisible characters; tabs and line breaks become spaces.
     * Letters of Cyrillic or Greek script in a name that also has Latin letters are replaced by the Latin
     * letter they are confusable with, in a word that mixes scripts or is made only of such look-alikes.
     */
    static String clean(String text, Transliterator toLatin) {
        String stripped = stripInvisible(text);
        return hasLatinLetter(stripped) ? foldLookAlikes(stripped, toLatin) : stripped;
    }

    private static String stripInvisible(String text) {
        String withoutEscapes = text.indexOf('\u001B') >= 0 || text.indexOf('\u009B') >= 0 ? ESCAPES.matcher(text).replaceAll("") : text;
        StringBuilder out = null;
        for (int i = 0; i < withoutEscapes.length(); i++) {
            char c = withoutEscapes.charAt(i);
            int type = Character.getType(c);
            boolean whitespace = c == '\t' || c == '\n' || c == '\r' || c == '\u000B' || c == '\f';
            if (type == Character.CONTROL || type == Character.FORMAT) {
                if (out == null) {
                    out = new StringBuilder(withoutEscapes.length()).append(withoutEscapes, 0, i);
                }
                if (whitespace) {
                    out.append(' ');
                }
            } else if (out != null) {
                out.append(c);
            }
        }
        return out == null ? withoutEscapes : out.toString();
    }

    private static boolean hasLatinLetter(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 128 ? Character.isLetter(c) : Character.UnicodeScript.of(c) == Character.UnicodeScript.LATIN && Character.isLetter(c)) {
                return true;
            }
        }
        return false;
    }

    private static String foldLookAlikes(String text, Transliterator toLatin) {
        StringBuilder out = null;
        int start = -1;
        for (int i = 0; i <= text.length(); i++) {
            boolean inWord = i < text.length() && Character.isLetterOrDigit(text.charAt(i));
            if (inWord && start < 0) {
                start = i;
            } else if (!inWord && start >= 0) {
                String word = text.substring(start, i);
                String folded = foldWord(word, toLatin);
                if (folded != null) {
                    if (out == null) {
                        out = new StringBuilder(text.length()).append(text, 0, start);
                    }
                    out.append(folded);
                } else if (out != null) {
                    out.append(word);
                }
                start = -1;
            }
            if (!inWord && i < text.length() && out != null) {
                out.append(text.charAt(i));
            }
        }
        return out == null ? text : out.toString();
    }

    /**
     * The word with its look-alikes folded and its other Cyrillic or Greek letters transliterated, so
     * that it reads as one Latin word; or null when it is to be read as written.
     */
    private static String foldWord(String word, Transliterator toLatin) {
        boolean latin = false;
        boolean other = false;
        boolean allLookAlike = true;
        for (int i = 0; i < word.length(); i++) {
            char c = word.charAt(i);
            Character.UnicodeScript script = Character.UnicodeScript.of(c);
            if (script == Character.UnicodeScript.LATIN) {
                latin = true;
            } else if (script == Character.UnicodeScript.CYRILLIC || script == Character.UnicodeScript.GREEK) {
                other = true;
                allLookAlike &= lookAlike(c) != 0;
            }
        }
        if (!other || !latin && !allLookAlike) {
            return null;
        }
        StringBuilder out = new StringBuilder(word.length());
        for (int i = 0; i < word.length(); i++) {
            char c = word.charAt(i);
            Character.UnicodeScript script = Character.UnicodeScript.of(c);
            boolean foreign = script == Character.UnicodeScript.CYRILLIC || script == Character.UnicodeScript.GREEK;
            char latinLetter = foreign ? lookAlike(c) : 0;
            out.append(latinLetter != 0 ? String.valueOf(latinLetter) : foreign ? toLatin.transliterate(String.valueOf(c)) : String.valueOf(c));
        }
        return out.toString();
    }

    /** The ASCII letter a Cyrillic or Greek letter is confusable with (Cyrillic Н with H, о with o), or 0. */
    private static char lookAlike(char c) {
        return c >= 0x370 && c < 0x500 ? LOOK_ALIKES[c - 0x370] : 0;
    }

    private static char[] lookAlikes() {
        SpoofChecker spoof = new SpoofChecker.Builder().build();
        char[] table = new char[0x500 - 0x370];
        for (char c = 0x370; c < 0x500; c++) {
            if (Character.isLetter(c)) {
                String skeleton = spoof.getSkeleton(String.valueOf(c));
                if (skeleton.length() == 1 && skeleton.charAt(0) < 128 && Character.isLetter(skeleton.charAt(0))) {
                    table[c - 0x370] = skeleton.charAt(0);
                }
            }
        }
        return table;
    }
}

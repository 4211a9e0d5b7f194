package org.convergence.lists.aspi;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A name as the tracker writes it: "Harbin Institute of Technology (哈尔滨工业大学)", an English name
 * alone, or a Chinese one alone. The Chinese part is the last parenthesis (ASCII or full-width) that
 * holds Chinese characters and closes the text, or is left open at its end ("(人工智能研究中心"); a
 * parenthesis inside it ("（B类）") stays. Where it gives several names ("…国防重点实验室/…国家重点实验室",
 * "… or …"), each is a name; a slash inside a name ("微米/纳米") is not a separator, since only a
 * slash after a word that ends a Chinese organisation's name (实验室, 中心, 研究所 ...) or after a
 * closing parenthesis ("（B类）/") separates.
 *
 * @param english the English name, or null when the text is all Chinese
 * @param chinese the Chinese names, in the tracker's order (empty when it gives none)
 * @param abbreviations short forms given in a closing parenthesis ("Ministry of Education (MOE)"), for agencies
 */
record TrackerName(String english, List<String> chinese, List<String> abbreviations) {
    private static final Pattern HAN = Pattern.compile("\\p{IsHan}");
    private static final Pattern LATIN = Pattern.compile("\\p{IsLatin}");
    private static final Pattern ALTERNATIVES = Pattern.compile("(?<=[室心所院站地司团校部)）])\\s*(?:[/／]|\\bor\\b)\\s*");
    /** "Ministry of Education (MOE)", "China North Industries Group (Norinco Group)": a name, then its short form. */
    private static final Pattern ABBREVIATED = Pattern.compile("(.*\\S)\\s*\\(([^()]+)\\)");
    private static final Pattern NOT_ALPHANUMERIC = Pattern.compile("[^\\p{L}\\p{N}]+");

    TrackerName {
        chinese = List.copyOf(chinese);
        abbreviations = List.copyOf(abbreviations);
    }

    /** The names of an institution, laboratory or subsidiary. */
    static TrackerName parse(String written) {
        String text = written.strip();
        for (int open = 0; open < text.length(); open++) {
            if (!isOpening(text.charAt(open))) {
                continue;
            }
            int close = closing(text, open);
            String inside = text.substring(open + 1, close < 0 ? text.length() : close).strip();
            String before = text.substring(0, open).strip();
            if (HAN.matcher(inside).find() && (close < 0 || close == text.length() - 1) && !before.isEmpty()) {
                return new TrackerName(before, alternatives(inside), List.of());
            }
            if (close < 0) {
                break;
            }
            open = close;
        }
        if (HAN.matcher(text).find() && !LATIN.matcher(text).find()) {
            return new TrackerName(null, alternatives(text), List.of());
        }
        return new TrackerName(text, List.of(), List.of());
    }

    /** The names of a supervising agency: its English name, and the short form in a closing parenthesis. */
    static TrackerName parseAgency(String written) {
        TrackerName name = parse(written);
        Matcher abbreviated = name.english() == null ? null : ABBREVIATED.matcher(name.english());
        if (abbreviated == null || !abbreviated.matches()) {
            return name;
        }
        return new TrackerName(abbreviated.group(1), name.chinese(), List.of(abbreviated.group(2).strip()));
    }

    /** Every name: the English one first. */
    List<String> names() {
        List<String> names = new ArrayList<>();
        if (english != null) {
            names.add(english);
        }
        names.addAll(chinese);
        return names;
    }

    /**
     * What identifies the name across the tracker: the English name (or else the first Chinese one)
     * in lower case, its punctuation and spacing aside ("Xi’an" and "Xi'an" alike).
     */
    String key() {
        String name = english != null ? english : chinese.getFirst();
        return NOT_ALPHANUMERIC.matcher(Normalizer.normalize(name, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT)).replaceAll(" ").strip();
    }

    private static boolean isOpening(char c) {
        return c == '(' || c == '（';
    }

    /** The index of the parenthesis that closes the one at {@code open}, or -1 when the text ends first. */
    private static int closing(String text, int open) {
        int depth = 0;
        for (int i = open; i < text.length(); i++) {
            char c = text.charAt(i);
            if (isOpening(c)) {
                depth++;
            } else if ((c == ')' || c == '）') && --depth == 0) {
                return i;
            }
        }
        return -1;
    }

    private static List<String> alternatives(String chinese) {
        List<String> names = new ArrayList<>();
        for (String name : ALTERNATIVES.split(chinese)) {
            if (!name.isBlank()) {
                names.add(name.strip());
            }
        }
        return names;
    }
}

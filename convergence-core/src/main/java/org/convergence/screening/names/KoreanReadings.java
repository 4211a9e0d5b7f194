package org.convergence.screening.names;

import com.ibm.icu.text.Collator;
import com.ibm.icu.text.RuleBasedCollator;
import com.ibm.icu.util.ULocale;
import java.util.HashMap;
import java.util.Map;

/**
 * The Korean reading of a name written in Chinese characters (hanja), in Hangul: 金正恩 → 김정은,
 * 朴智星 → 박지성. Korean names are often written in hanja in older records and in Chinese-language
 * sources, and each character has one Sino-Korean reading that Mandarin pinyin (jin zheng en) does not
 * give.
 *
 * <p>The readings come from ICU's Korean collation (CLDR), which sorts each of some 7,500 hanja right
 * after the Hangul syllable it is read as ({@code &김<<金}); no other data is needed. Characters that
 * Korean does not use (simplified forms such as 伟) have no reading.
 */
final class KoreanReadings {
    private static final Map<Integer, String> HANGUL_OF_HANJA = readCollationRules();

    private KoreanReadings() {}

    /** The name in Hangul, or null when a character has no Korean reading. */
    static String hangul(String hanja) {
        StringBuilder out = new StringBuilder(hanja.length());
        for (int i = 0; i < hanja.length(); ) {
            int c = hanja.codePointAt(i);
            i += Character.charCount(c);
            if (Character.isWhitespace(c)) {
                continue;
            }
            String syllable = HANGUL_OF_HANJA.get(c);
            if (syllable == null) {
                return null;
            }
            out.append(syllable);
        }
        return out.toString();
    }

    /** Each "&가<<*伽佳假..." of the tailoring: the hanja after "&" and a Hangul syllable are read as that syllable. */
    private static Map<Integer, String> readCollationRules() {
        String rules = ((RuleBasedCollator) Collator.getInstance(new ULocale("ko"))).getRules();
        Map<Integer, String> readings = new HashMap<>(16_384);
        for (String rule : rules.split("&")) {
            if (rule.isEmpty() || Character.UnicodeScript.of(rule.codePointAt(0)) != Character.UnicodeScript.HANGUL) {
                continue;
            }
            String syllable = Character.toString(rule.codePointAt(0));
            rule.codePoints().skip(1).filter(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN)
                    .forEach(c -> readings.putIfAbsent(c, syllable));
        }
        return Map.copyOf(readings);
    }
}

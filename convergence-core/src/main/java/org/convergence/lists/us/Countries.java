package org.convergence.lists.us;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Country codes as FtM writes them (lower-case ISO 3166 alpha-2) from what the US lists write: mostly
 * alpha-2 codes, sometimes English names ("Iran", "Democratic People's Republic of Korea") or their
 * own abbreviations ("PRC"). Text that names no country gives null, and the caller keeps it in notes.
 */
final class Countries {
    private static final Set<String> CODES = Set.of(Locale.getISOCountries());
    private static final Map<String, String> NAMES = new HashMap<>();

    static {
        for (String code : CODES) {
            NAMES.put(Locale.of("", code).getDisplayCountry(Locale.ENGLISH).toLowerCase(Locale.ROOT), code.toLowerCase(Locale.ROOT));
        }
        // Spellings of the lists that the English locale names otherwise.
        NAMES.put("prc", "cn");
        NAMES.put("democratic people's republic of korea", "kp");
        NAMES.put("burma", "mm");
        NAMES.put("russian federation", "ru");
    }

    private Countries() {}

    /** The FtM code of an alpha-2 code or an English country name, or null. */
    static String code(String text) {
        if (text == null) {
            return null;
        }
        String value = text.strip();
        if (value.length() == 2 && CODES.contains(value.toUpperCase(Locale.ROOT))) {
            return value.toLowerCase(Locale.ROOT);
        }
        return NAMES.get(value.toLowerCase(Locale.ROOT));
    }

    /** The code when the text is exactly an upper-case alpha-2 code (as at the end of a CSL address), or null. */
    static String alpha2(String text) {
        return text != null && text.matches("[A-Z]{2}") && CODES.contains(text) ? text.toLowerCase(Locale.ROOT) : null;
    }
}

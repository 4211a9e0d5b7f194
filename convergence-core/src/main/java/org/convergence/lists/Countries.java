package org.convergence.lists;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Country codes as FtM writes them (lower-case ISO 3166 alpha-2) from what the lists write: alpha-2
 * codes, English names ("Iran", "Democratic People's Republic of Korea"), the United Nations' official
 * names ("Iran (Islamic Republic of)", "Viet Nam") or the lists' own abbreviations ("PRC"). Text that
 * names no country gives null, and the caller keeps it in notes.
 */
public final class Countries {
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
        // The United Nations' official short names, as the UN Security Council list writes them.
        NAMES.put("iran (islamic republic of)", "ir");
        NAMES.put("syrian arab republic", "sy");
        NAMES.put("viet nam", "vn");
        NAMES.put("united republic of tanzania", "tz");
        NAMES.put("democratic republic of the congo", "cd");
        NAMES.put("congo", "cg");
        NAMES.put("state of palestine", "ps");
        NAMES.put("united kingdom of great britain and northern ireland", "gb");
        NAMES.put("united states of america", "us");
        NAMES.put("china, hong kong special administrative region", "hk");
        NAMES.put("türkiye", "tr");
        NAMES.put("turkey", "tr");
        NAMES.put("republic of korea", "kr");
        NAMES.put("lao people's democratic republic", "la");
        NAMES.put("bolivia (plurinational state of)", "bo");
        NAMES.put("venezuela (bolivarian republic of)", "ve");
        NAMES.put("republic of moldova", "md");
    }

    private Countries() {}

    /** The FtM code of an alpha-2 code or an English country name, or null. */
    public static String code(String text) {
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
    public static String alpha2(String text) {
        return text != null && text.matches("[A-Z]{2}") && CODES.contains(text) ? text.toLowerCase(Locale.ROOT) : null;
    }
}

package org.convergence.lists;

import java.text.Normalizer;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Country codes as FtM writes them (lower-case ISO 3166 alpha-2) from what the lists write: alpha-2
 * codes, English names (from the JDK), the United Nations' official names ("Iran (Islamic Republic
 * of)", "Viet Nam"), OFAC's spellings ("Korea, North", "Region: Gaza") and the lists' abbreviations
 * ("PRC"). Names are compared without case, accents or punctuation, so "Côte d’Ivoire" and "Cote d
 * Ivoire" meet. Text that names no country gives null, and the caller keeps it in notes.
 */
public final class Countries {
    private static final Set<String> CODES = Set.of(Locale.getISOCountries());
    private static final Map<String, String> NAMES = new HashMap<>();

    static {
        for (String code : CODES) {
            NAMES.put(normal(Locale.of("", code).getDisplayCountry(Locale.ENGLISH)), code.toLowerCase(Locale.ROOT));
        }
        String[][] spellings = {
            // abbreviations and older names
            {"PRC", "cn"}, {"Burma", "mm"}, {"Russian Federation", "ru"}, {"Turkey", "tr"}, {"Türkiye", "tr"}, {"Laos", "la"},
            {"Brunei", "bn"}, {"Swaziland", "sz"}, {"East Timor", "tl"}, {"Vatican City", "va"}, {"Czech Republic", "cz"},
            {"Kosovo", "xk"}, {"Cabo Verde", "cv"}, {"Cape Verde", "cv"}, {"Macedonia", "mk"}, {"Hong Kong", "hk"}, {"Macau", "mo"},
            {"Macao", "mo"}, {"North Korea", "kp"},
            // the United Nations' official short names
            {"Democratic People's Republic of Korea", "kp"}, {"Republic of Korea", "kr"}, {"Iran (Islamic Republic of)", "ir"},
            {"Syrian Arab Republic", "sy"}, {"Viet Nam", "vn"}, {"United Republic of Tanzania", "tz"},
            {"Democratic Republic of the Congo", "cd"}, {"Congo", "cg"}, {"State of Palestine", "ps"},
            {"United Kingdom of Great Britain and Northern Ireland", "gb"}, {"United States of America", "us"},
            {"China, Hong Kong Special Administrative Region", "hk"}, {"Lao People's Democratic Republic", "la"},
            {"Bolivia (Plurinational State of)", "bo"}, {"Brunei Darussalam", "bn"},
            {"China, Macao Special Administrative Region", "mo"}, {"Micronesia (Federated States of)", "fm"},
            // FtM's code for the Soviet Union, which the UN list names as a nationality
            {"former Soviet Union", "suhh"}, {"Venezuela (Bolivarian Republic of)", "ve"}, {"Republic of Moldova", "md"},
            // OFAC's spellings
            {"Korea, North", "kp"}, {"Korea, South", "kr"}, {"Palestinian", "ps"}, {"Palestinian Authority", "ps"}, {"West Bank", "ps"},
            {"Gaza", "ps"}, {"Region: Gaza", "ps"}, {"Region: Crimea", "ua"}, {"Region: Northern Mali", "ml"},
            {"Congo, Democratic Republic of the", "cd"}, {"Congo, Republic of the", "cg"}, {"Virgin Islands, British", "vg"},
            {"Virgin Islands, U.S.", "vi"}, {"The Gambia", "gm"}, {"Gambia, The", "gm"}, {"Bahamas, The", "bs"}, {"Cote d Ivoire", "ci"},
            {"Macedonia, The Former Yugoslav Republic of", "mk"}, {"Man, Isle of", "im"}, {"Saint Kitts and Nevis", "kn"},
            {"St. Vincent and the Grenadines", "vc"}, {"Saint Vincent and the Grenadines", "vc"}, {"Saint Lucia", "lc"},
            {"Micronesia, Federated States of", "fm"},
        };
        for (String[] spelling : spellings) {
            NAMES.put(normal(spelling[0]), spelling[1]);
        }
    }

    private Countries() {}

    /** The FtM code of an alpha-2 code or a country name, or null. */
    public static String code(String text) {
        if (text == null) {
            return null;
        }
        String value = text.strip();
        if (value.length() == 2 && CODES.contains(value.toUpperCase(Locale.ROOT))) {
            return value.toLowerCase(Locale.ROOT);
        }
        return NAMES.get(normal(value));
    }

    /** The code when the text is exactly an upper-case alpha-2 code (as at the end of a CSL address), or null. */
    public static String alpha2(String text) {
        return text != null && text.matches("[A-Z]{2}") && CODES.contains(text) ? text.toLowerCase(Locale.ROOT) : null;
    }

    /** Lower case, without accents, "&" as "and", punctuation as spaces. */
    private static String normal(String name) {
        String plain = Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        return plain.toLowerCase(Locale.ROOT).replace("&", " and ").replaceAll("[^a-z0-9]+", " ").strip();
    }
}

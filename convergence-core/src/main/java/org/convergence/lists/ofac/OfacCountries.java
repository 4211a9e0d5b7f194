package org.convergence.lists.ofac;

import java.text.Normalizer;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Country names as OFAC writes them ("Korea, North", "Burma", "Palestinian", "Region: Gaza") to FtM's
 * lower-case ISO 3166-1 alpha-2 codes. English names come from the JDK; the table adds OFAC's own
 * spellings, which the JDK names differently ("Myanmar (Burma)", "Türkiye", "Congo - Kinshasa").
 */
final class OfacCountries {
    private static final Map<String, String> CODES = new HashMap<>();

    static {
        for (String code : Locale.getISOCountries()) {
            CODES.put(normal(Locale.of("", code).getDisplayCountry(Locale.ENGLISH)), code.toLowerCase(Locale.ROOT));
        }
        String[][] ofac = {
            {"Korea, North", "kp"}, {"Democratic People's Republic of Korea", "kp"}, {"North Korea", "kp"},
            {"Korea, South", "kr"}, {"Burma", "mm"}, {"Turkey", "tr"}, {"Hong Kong", "hk"}, {"Macau", "mo"}, {"Macao", "mo"},
            {"Palestinian", "ps"}, {"Palestinian Authority", "ps"}, {"West Bank", "ps"}, {"Gaza", "ps"}, {"Region: Gaza", "ps"},
            {"Region: Crimea", "ua"}, {"Region: Northern Mali", "ml"},
            {"Congo, Democratic Republic of the", "cd"}, {"Congo, Republic of the", "cg"},
            {"Virgin Islands, British", "vg"}, {"Virgin Islands, U.S.", "vi"}, {"The Gambia", "gm"}, {"Gambia, The", "gm"},
            {"Bahamas, The", "bs"}, {"Cote d Ivoire", "ci"}, {"Czech Republic", "cz"}, {"Kosovo", "xk"}, {"Cabo Verde", "cv"},
            {"Cape Verde", "cv"}, {"Macedonia, The Former Yugoslav Republic of", "mk"}, {"Macedonia", "mk"}, {"Man, Isle of", "im"},
            {"Saint Kitts and Nevis", "kn"}, {"St. Vincent and the Grenadines", "vc"}, {"Saint Vincent and the Grenadines", "vc"},
            {"Saint Lucia", "lc"}, {"Micronesia, Federated States of", "fm"}, {"Russian Federation", "ru"}, {"Laos", "la"},
            {"Brunei", "bn"}, {"Swaziland", "sz"}, {"East Timor", "tl"}, {"Vatican City", "va"}, {"United States of America", "us"},
        };
        for (String[] entry : ofac) {
            CODES.put(normal(entry[0]), entry[1]);
        }
    }

    private OfacCountries() {}

    /** The ISO code of a country name, or null when the name is not a country (None Identified, a region, a typo). */
    static String code(String name) {
        return name == null ? null : CODES.get(normal(name));
    }

    /** Lower case, without accents, "&" as "and", punctuation as spaces: "Côte d’Ivoire" and "Cote d Ivoire" meet. */
    private static String normal(String name) {
        String plain = Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        return plain.toLowerCase(Locale.ROOT).replace("&", " and ").replaceAll("[^a-z0-9]+", " ").strip();
    }
}

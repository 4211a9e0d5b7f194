package org.convergence.model;

import java.text.Normalizer;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.Set;

/**
 * Country codes as FtM writes them (lower-case ISO 3166 alpha-2, and FtM's own such as {@code suhh}) from what the
 * lists, customer files and co-authors' affiliations write: alpha-2 and alpha-3 codes, FtM's labels, English names
 * (from the JDK), the United Nations' official names ("Iran (Islamic Republic of)", "Viet Nam"), OFAC's spellings
 * ("Korea, North", "Region: Gaza"), abbreviations ("PRC", "DPRK", "P.R. China") and a few names in Chinese and
 * Russian. Names are compared without case, accents or punctuation, so "Côte d’Ivoire" and "Cote d Ivoire" meet.
 * Text that names no country gives null. The one home of country names; thread-safe.
 */
public final class Countries {
    private static final Set<String> ALPHA2 = Set.of(Locale.getISOCountries());
    /** Spellings that neither FtM's labels nor the JDK's names give, each with its code. */
    private static final String[][] SPELLINGS = {
        // abbreviations, older and common names
        {"PRC", "cn"}, {"People's Republic of China", "cn"}, {"P.R. China", "cn"}, {"PR China", "cn"}, {"P.R.China", "cn"},
        {"DPRK", "kp"}, {"North Korea", "kp"}, {"Burma", "mm"}, {"Russian Federation", "ru"}, {"Turkey", "tr"}, {"Türkiye", "tr"},
        {"Laos", "la"}, {"Brunei", "bn"}, {"Swaziland", "sz"}, {"East Timor", "tl"}, {"Vatican City", "va"}, {"Vatican", "va"},
        {"Czech Republic", "cz"}, {"Kosovo", "xk"}, {"Cabo Verde", "cv"}, {"Cape Verde", "cv"}, {"Macedonia", "mk"},
        {"Hong Kong", "hk"}, {"Macau", "mo"}, {"Macao", "mo"}, {"Ivory Coast", "ci"}, {"Palestine", "ps"},
        {"United States", "us"}, {"USA", "us"}, {"UK", "gb"}, {"Great Britain", "gb"}, {"Britain", "gb"},
        {"DR Congo", "cd"}, {"Republic of the Congo", "cg"},
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
        // ISO's "Name, qualifier" order
        {"Korea, Republic of", "kr"}, {"Korea, Democratic People's Republic of", "kp"}, {"Iran, Islamic Republic of", "ir"},
        // OFAC's spellings
        {"Korea, North", "kp"}, {"Korea, South", "kr"}, {"Palestinian", "ps"}, {"Palestinian Authority", "ps"}, {"West Bank", "ps"},
        {"Gaza", "ps"}, {"Region: Gaza", "ps"}, {"Region: Crimea", "ua"}, {"Region: Northern Mali", "ml"},
        {"Congo, Democratic Republic of the", "cd"}, {"Congo, Republic of the", "cg"}, {"Virgin Islands, British", "vg"},
        {"Virgin Islands, U.S.", "vi"}, {"The Gambia", "gm"}, {"Gambia, The", "gm"}, {"Bahamas, The", "bs"}, {"Cote d Ivoire", "ci"},
        {"Macedonia, The Former Yugoslav Republic of", "mk"}, {"Man, Isle of", "im"}, {"Saint Kitts and Nevis", "kn"},
        {"St. Vincent and the Grenadines", "vc"}, {"Saint Vincent and the Grenadines", "vc"}, {"Saint Lucia", "lc"},
        {"Micronesia, Federated States of", "fm"},
        // as Chinese and Russian texts name the two parties of the nexus
        {"中国", "cn"}, {"中华人民共和国", "cn"}, {"Россия", "ru"}, {"Российская Федерация", "ru"},
    };

    private Countries() {}

    /** Built on first use: FtM's labels come with the standard model. */
    private static final class Names {
        static final Map<String, String> CODES = build();

        private static Map<String, String> build() {
            Map<String, String> codes = new HashMap<>();
            for (String[] spelling : SPELLINGS) {
                codes.put(normal(spelling[0]), spelling[1]);
            }
            ConvergenceModel.standard().ftm().getType("country").getValues().orElse(Map.of())
                    .forEach((code, label) -> codes.putIfAbsent(normal(label), code));
            for (String iso : ALPHA2) {
                Locale locale = Locale.of("", iso);
                String code = iso.toLowerCase(Locale.ROOT);
                codes.putIfAbsent(normal(locale.getDisplayCountry(Locale.ENGLISH)), code);
                try {
                    codes.putIfAbsent(normal(locale.getISO3Country()), code);
                } catch (MissingResourceException e) {
                    // no three-letter code for this country: its name and two-letter code still work
                }
            }
            return Map.copyOf(codes);
        }
    }

    /** The FtM code of an alpha-2 or alpha-3 code or a country name, or null. */
    public static String code(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String value = text.strip();
        if (value.length() == 2 && ALPHA2.contains(value.toUpperCase(Locale.ROOT))) {
            return value.toLowerCase(Locale.ROOT);
        }
        return Names.CODES.get(normal(value));
    }

    /** The code when the text is exactly an upper-case alpha-2 code (as at the end of a CSL address), or null. */
    public static String alpha2(String text) {
        return text != null && text.matches("[A-Z]{2}") && ALPHA2.contains(text) ? text.toLowerCase(Locale.ROOT) : null;
    }

    /** Lower case, without accents, "&" as "and", anything but letters and digits of any script as one space. */
    private static String normal(String name) {
        String plain = Normalizer.normalize(name, Normalizer.Form.NFKD).replaceAll("\\p{M}+", "");
        return plain.toLowerCase(Locale.ROOT).replace("&", " and ").replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
    }
}

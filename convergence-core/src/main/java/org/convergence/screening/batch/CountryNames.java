package org.convergence.screening.batch;

import java.text.Normalizer;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import org.convergence.model.ConvergenceModel;

/**
 * Country names and codes as customer files write them ("Russia", "RUS", "ru", "Côte d'Ivoire",
 * "Ivory Coast") to the lower-case codes FtM and the lists use. Thread-safe (immutable once built).
 */
public final class CountryNames {
    /** English names in common use that neither FtM's labels nor Java's locale names give. */
    private static final Map<String, String> COMMON = Map.ofEntries(Map.entry("united states", "us"), Map.entry("usa", "us"),
            Map.entry("united states of america", "us"), Map.entry("uk", "gb"), Map.entry("great britain", "gb"),
            Map.entry("britain", "gb"), Map.entry("russian federation", "ru"), Map.entry("hong kong", "hk"), Map.entry("macau", "mo"),
            Map.entry("macao", "mo"), Map.entry("ivory coast", "ci"), Map.entry("east timor", "tl"), Map.entry("czech republic", "cz"),
            Map.entry("democratic republic of the congo", "cd"), Map.entry("dr congo", "cd"), Map.entry("republic of the congo", "cg"),
            Map.entry("turkey", "tr"), Map.entry("burma", "mm"), Map.entry("korea, republic of", "kr"), Map.entry("republic of korea", "kr"),
            Map.entry("korea, democratic people's republic of", "kp"), Map.entry("dprk", "kp"), Map.entry("people's republic of china", "cn"),
            Map.entry("prc", "cn"), Map.entry("viet nam", "vn"), Map.entry("vatican", "va"), Map.entry("palestine", "ps"),
            Map.entry("swaziland", "sz"), Map.entry("cape verde", "cv"), Map.entry("iran, islamic republic of", "ir"),
            // as co-authors' affiliations write them
            Map.entry("p.r. china", "cn"), Map.entry("p. r. china", "cn"), Map.entry("pr china", "cn"), Map.entry("p.r.china", "cn"),
            Map.entry("中国", "cn"), Map.entry("中华人民共和国", "cn"), Map.entry("россия", "ru"), Map.entry("российская федерация", "ru"));

    private final Map<String, String> codes = new HashMap<>();

    public CountryNames(ConvergenceModel model) {
        model.ftm().getType("country").getValues().orElse(Map.of()).forEach((code, label) -> {
            codes.put(key(code), code);
            codes.putIfAbsent(key(label), code);
        });
        for (String iso : Locale.getISOCountries()) {
            String code = iso.toLowerCase(Locale.ROOT);
            Locale locale = Locale.of("", iso);
            codes.putIfAbsent(key(locale.getDisplayCountry(Locale.ENGLISH)), code);
            try {
                codes.putIfAbsent(key(locale.getISO3Country()), code);
            } catch (MissingResourceException e) {
                // no three-letter code for this country: the name and the two-letter code still work
            }
        }
        COMMON.forEach((name, code) -> codes.putIfAbsent(key(name), code));
    }

    /** The code of a country name or code, or null when it is not a country this knows. */
    public String code(String name) {
        return codes.get(key(name));
    }

    private static String key(String name) {
        String ascii = Normalizer.normalize(name, Normalizer.Form.NFKD).replaceAll("\\p{M}+", "");
        return ascii.replace('’', '\'').toLowerCase(Locale.ROOT).replaceAll("\\s+", " ").strip();
    }
}

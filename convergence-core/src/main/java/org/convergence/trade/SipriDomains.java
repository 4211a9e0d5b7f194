package org.convergence.trade;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** Maps a SIPRI weapon description to a technology domain, by the ordered rules of {@code sipri-domains.yaml}. */
public final class SipriDomains {
    public static final String OTHER = "other-arms";

    private record Rule(Pattern pattern, String domain) {}

    private static final List<Rule> RULES = load();

    private SipriDomains() {}

    private static List<Rule> load() {
        try (InputStream in = SipriDomains.class.getResourceAsStream("/org/convergence/trade/sipri-domains.yaml")) {
            List<Rule> rules = new ArrayList<>();
            for (JsonNode rule : new YAMLMapper().readTree(in)) {
                rules.add(new Rule(Pattern.compile(rule.get("match").asText()), rule.get("domain").asText()));
            }
            return List.copyOf(rules);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read sipri-domains.yaml", e);
        }
    }

    /** The domain of a weapon description such as "SAM system" or "transport helicopter". */
    public static String domainOf(String weaponDescription) {
        String text = weaponDescription == null ? "" : weaponDescription.toLowerCase(Locale.ROOT);
        for (Rule rule : RULES) {
            if (rule.pattern().matcher(text).find()) {
                return rule.domain();
            }
        }
        return OTHER;
    }
}

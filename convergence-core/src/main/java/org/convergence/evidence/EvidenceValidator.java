package org.convergence.evidence;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.convergence.evidence.EvidenceRecords.Claim;
import org.convergence.evidence.EvidenceRecords.Domain;
import org.convergence.evidence.EvidenceRecords.Event;
import org.convergence.evidence.EvidenceRecords.Origin;
import org.convergence.evidence.EvidenceRecords.Party;
import org.convergence.evidence.EvidenceRecords.Source;

/**
 * Checks every party and event of the evidence base: required fields, dates, well-formed sources,
 * parties that resolve, domains in the taxonomy, no duplicates. Collects every problem rather than
 * stopping at the first, so that one run lists all there is to fix.
 */
public final class EvidenceValidator {
    public static final Set<String> EVENT_TYPES = Set.of("arms-sale", "licence", "delivery", "joint-development", "agreement", "roadmap",
            "exercise", "patrol", "research-partnership", "dual-use-export", "designation", "statement", "negotiation", "assessment",
            "joint-venture", "supply", "other");
    public static final Set<String> DIRECTIONS = Set.of("ru-to-cn", "cn-to-ru", "joint");
    public static final Set<String> PARTY_SCHEMATA = Set.of("Organization", "Company", "PublicBody", "Person", "LegalEntity");

    /** A source page that carries no date says so explicitly, rather than leaving the date out. */
    public static final String UNDATED = "undated";

    /** Canada's 11 Sensitive Technology Research Areas, by number, as the taxonomy must name them. */
    public static final List<String> RESEARCH_AREAS = List.of("Advanced Digital Infrastructure Technology", "Advanced Energy Technology",
            "Advanced Materials and Manufacturing", "Advanced Sensing and Surveillance", "Advanced Weapons",
            "Aerospace, Space and Satellite Technology", "Artificial Intelligence and Big Data Technology", "Human-Machine Integration",
            "Life Science Technology", "Quantum Science and Technology", "Robotics and Autonomous Systems");

    private static final Pattern SLUG = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    private static final Pattern DATE = Pattern.compile("(\\d{4})(?:-(\\d{2})(?:-(\\d{2}))?)?");
    private static final Pattern COUNTRY = Pattern.compile("[a-z]{2}");
    private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");

    /** One thing wrong, and where. */
    public record Problem(Origin origin, String field, String message) {
        @Override
        public String toString() {
            return origin + (field == null ? "" : " " + field) + ": " + message;
        }
    }

    /** The outcome: problems (none when valid) and what was checked. */
    public record Report(List<Problem> problems, int events, int domains, int parties) {
        public Report {
            problems = List.copyOf(problems);
        }

        public boolean valid() {
            return problems.isEmpty();
        }
    }

    private final List<Problem> problems = new ArrayList<>();

    private EvidenceValidator() {}

    public static Report validate(EvidenceBase base) {
        return new EvidenceValidator().run(base);
    }

    private Report run(EvidenceBase base) {
        Map<String, Party> parties = new HashMap<>();
        for (Party party : base.parties()) {
            checkParty(party);
            if (party.id() != null && parties.put(party.id(), party) != null) {
                problem(party.origin(), "id", "party id '" + party.id() + "' is defined twice");
            }
        }
        Set<String> domains = new HashSet<>();
        for (Domain domain : base.taxonomy().domains()) {
            Origin origin = new Origin("taxonomy.yaml", domain.id());
            require(origin, "id", domain.id());
            require(origin, "label", domain.label());
            for (var area : domain.researchAreas()) {
                if (!RESEARCH_AREAS.contains(area.area())) {
                    problem(origin, "researchAreas", "'" + area.area() + "' is not one of Canada's 11 Sensitive Technology Research Areas");
                }
            }
            if (domain.id() != null && !domains.add(domain.id())) {
                problem(origin, "id", "domain '" + domain.id() + "' is defined twice");
            }
        }
        if (domains.isEmpty()) {
            problem(new Origin("taxonomy.yaml", null), null, "no domains: the taxonomy file is missing or empty");
        }
        Set<String> eventIds = new HashSet<>();
        Map<String, String> eventKeys = new HashMap<>();
        Set<String> usedDomains = new TreeSet<>();
        for (Event event : base.events()) {
            checkEvent(event, parties, domains);
            if (event.id() != null && !eventIds.add(event.id())) {
                problem(event.origin(), "id", "event id '" + event.id() + "' is used twice");
            }
            String key = event.date() + "|" + event.domain() + "|" + event.type() + "|" + new TreeSet<>(event.allParties()) + "|" + event.item();
            String previous = eventKeys.putIfAbsent(key, event.id());
            if (previous != null) {
                problem(event.origin(), null, "duplicates event '" + previous + "' (same date, domain, type, parties and item)");
            }
            if (event.domain() != null) {
                usedDomains.add(event.domain());
            }
        }
        return new Report(problems, base.events().size(), usedDomains.size(), base.parties().size());
    }

    private void checkParty(Party party) {
        Origin origin = party.origin();
        slug(origin, "id", party.id());
        require(origin, "name", party.name());
        if (require(origin, "schema", party.schema()) && !PARTY_SCHEMATA.contains(party.schema())) {
            problem(origin, "schema", "'" + party.schema() + "' is not one of " + new TreeSet<>(PARTY_SCHEMATA));
        }
        if (party.country() != null && !COUNTRY.matcher(party.country()).matches()) {
            problem(origin, "country", "'" + party.country() + "' is not an ISO 3166-1 alpha-2 code in lower case (cn, ru, ...)");
        }
    }

    private void checkEvent(Event event, Map<String, Party> parties, Set<String> domains) {
        Origin origin = event.origin();
        slug(origin, "id", event.id());
        LocalDate start = date(origin, "date", event.date(), true);
        LocalDate end = date(origin, "endDate", event.endDate(), false);
        if (start != null && end != null && end.isBefore(start)) {
            problem(origin, "endDate", "'" + event.endDate() + "' is before the date '" + event.date() + "'");
        }
        if (require(origin, "domain", event.domain()) && !domains.isEmpty() && !domains.contains(event.domain())) {
            problem(origin, "domain", "'" + event.domain() + "' is not a domain of taxonomy.yaml");
        }
        if (require(origin, "type", event.type()) && !EVENT_TYPES.contains(event.type())) {
            problem(origin, "type", "'" + event.type() + "' is not one of " + new TreeSet<>(EVENT_TYPES));
        }
        if (require(origin, "direction", event.direction()) && !DIRECTIONS.contains(event.direction())) {
            problem(origin, "direction", "'" + event.direction() + "' is not one of " + new TreeSet<>(DIRECTIONS));
        }
        require(origin, "summary", event.summary());
        if (event.allParties().isEmpty()) {
            problem(origin, "parties", "no parties: name at least one party id by role (supplier, recipient, participants)");
        }
        for (Map.Entry<String, List<String>> role : event.parties().entrySet()) {
            for (String id : role.getValue()) {
                if (!parties.containsKey(id)) {
                    problem(origin, "parties." + role.getKey(), "'" + id + "' is not a party of parties/*.yaml");
                }
            }
        }
        if (event.sources().isEmpty()) {
            problem(origin, "sources", "no source: every event cites at least one (publisher, title, date, url)");
        }
        Set<String> urls = new HashSet<>();
        for (int i = 0; i < event.sources().size(); i++) {
            Source source = event.sources().get(i);
            String field = "sources[" + i + "]";
            require(origin, field + ".publisher", source.publisher());
            require(origin, field + ".title", source.title());
            if (!UNDATED.equals(source.date())) {
                date(origin, field + ".date", source.date(), true);
            }
            if (url(origin, field + ".url", source.url())) {
                urls.add(source.url());
            }
        }
        for (int i = 0; i < event.claims().size(); i++) {
            Claim claim = event.claims().get(i);
            String field = "claims[" + i + "]";
            if (claim.quantity() == null && claim.value() == null) {
                problem(origin, field, "a claim needs a quantity or a value");
            }
            if (claim.value() != null) {
                if (claim.value().amount() == null) {
                    problem(origin, field + ".value.amount", "missing");
                }
                if (claim.value().currency() == null || !CURRENCY.matcher(claim.value().currency()).matches()) {
                    problem(origin, field + ".value.currency", "expected an ISO 4217 code such as USD, found '" + claim.value().currency() + "'");
                }
            }
            if (claim.source() == null || !urls.contains(claim.source())) {
                problem(origin, field + ".source", "'" + claim.source() + "' is not the url of one of the event's sources");
            }
        }
    }

    private boolean require(Origin origin, String field, String value) {
        if (value == null || value.isBlank()) {
            problem(origin, field, "missing");
            return false;
        }
        return true;
    }

    private void slug(Origin origin, String field, String value) {
        if (require(origin, field, value) && !SLUG.matcher(value).matches()) {
            problem(origin, field, "'" + value + "' is not a slug (lower-case letters and digits joined by '-')");
        }
    }

    /** Checks an ISO date prefix (2015, 2015-11, 2015-11-19) and returns its first day. */
    private LocalDate date(Origin origin, String field, String value, boolean required) {
        if (value == null) {
            if (required) {
                problem(origin, field, "missing");
            }
            return null;
        }
        Matcher matcher = DATE.matcher(value);
        if (!matcher.matches()) {
            problem(origin, field, "'" + value + "' is not an ISO date or prefix (2015, 2015-11, 2015-11-19)");
            return null;
        }
        try {
            int year = Integer.parseInt(matcher.group(1));
            LocalDate date = LocalDate.of(year, matcher.group(2) == null ? 1 : Integer.parseInt(matcher.group(2)),
                    matcher.group(3) == null ? 1 : Integer.parseInt(matcher.group(3)));
            if (year < 1900 || date.isAfter(LocalDate.now())) {
                problem(origin, field, "'" + value + "' is outside 1900 to today");
            }
            return date;
        } catch (DateTimeException e) {
            problem(origin, field, "'" + value + "' is not a real date");
            return null;
        }
    }

    private boolean url(Origin origin, String field, String value) {
        if (!require(origin, field, value)) {
            return false;
        }
        try {
            URI uri = new URI(value);
            if (("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null) {
                return true;
            }
        } catch (URISyntaxException e) {
            // reported below
        }
        problem(origin, field, "'" + value + "' is not an http(s) URL");
        return false;
    }

    private void problem(Origin origin, String field, String message) {
        problems.add(new Problem(origin, field, message));
    }
}

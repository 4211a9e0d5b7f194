package org.convergence.evidence;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/** The records of the curated evidence base, as written in {@code evidence/}: see its README. */
public final class EvidenceRecords {
    private EvidenceRecords() {}

    /** Where a record was read: file and record id, for error messages. */
    public record Origin(String file, String recordId) {
        @Override
        public String toString() {
            return file + (recordId == null ? "" : " [" + recordId + "]");
        }
    }

    /** An organisation, state body or person taking part in events. */
    public record Party(String id, String schema, String country, String name, List<String> names, List<String> aliases, Origin origin) {
        public Party {
            names = names == null ? List.of() : List.copyOf(names);
            aliases = aliases == null ? List.of() : List.copyOf(aliases);
        }
    }

    /** A published source: who published what, when, where. */
    public record Source(String publisher, String title, String date, String url) {}

    /** A money figure, with its currency and the year of the figure. */
    public record Money(BigDecimal amount, String currency, Integer year) {}

    /** A figure (quantity, value) as one source gives it; disagreeing sources give separate claims. */
    public record Claim(BigDecimal quantity, Money value, String source) {}

    /** One co-operation event. Parties are ids by role: supplier, recipient, participants. */
    public record Event(
            String id,
            String date,
            String endDate,
            String domain,
            String type,
            String direction,
            Map<String, List<String>> parties,
            String item,
            String summary,
            List<Claim> claims,
            List<Source> sources,
            String notes,
            Origin origin) {
        public Event {
            parties = parties == null ? Map.of() : Map.copyOf(parties);
            claims = claims == null ? List.of() : List.copyOf(claims);
            sources = sources == null ? List.of() : List.copyOf(sources);
        }

        /** Every party id of the event, whatever its role. */
        public List<String> allParties() {
            return parties.values().stream().flatMap(List::stream).distinct().toList();
        }
    }

    /** A Canadian Sensitive Technology Research Area and the sub-areas a domain concerns. */
    public record ResearchArea(String area, List<String> subAreas) {
        public ResearchArea {
            subAreas = subAreas == null ? List.of() : List.copyOf(subAreas);
        }
    }

    /** A technology domain of the taxonomy. */
    public record Domain(String id, String label, String description, List<ResearchArea> researchAreas) {
        public Domain {
            researchAreas = researchAreas == null ? List.of() : List.copyOf(researchAreas);
        }
    }

    /** The domains, and the source of the research-area names they map to. */
    public record Taxonomy(Source source, List<Domain> domains) {
        public Taxonomy {
            domains = domains == null ? List.of() : List.copyOf(domains);
        }
    }
}

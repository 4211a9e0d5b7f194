package org.convergence.web;

import java.math.BigDecimal;
import java.net.URI;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import org.convergence.model.Entity;
import org.convergence.model.Statement;

/**
 * What the workbench shows of a co-operation event or a transfer besides its place in the analytics:
 * its parties, its item, its figures and its sources, read from the entity's statements.
 *
 * <p>The evidence loader writes each claim's figures with the claim's source as the statement source,
 * claim after claim (evidence/README.md, {@code claims}); the figures are regrouped here in that order:
 * a claim starts at a quantity, at a second amount, or where the source changes. Two claims of one
 * source, one with only a quantity and the next with only a value, read as one claim: the statements
 * cannot tell them apart.
 *
 * @param parties the parties by role, with their names
 * @param item what moved or was agreed, or null
 * @param claims the figures, one claim per source as the sources gave them
 * @param sources the sources: address and publisher
 */
public record EventRecord(List<Party> parties, String item, List<Claim> claims, List<Source> sources) {
    /** The properties that name parties, which are also their roles. */
    private static final List<String> ROLES = List.of("supplier", "recipient", "involved", "authority");

    public EventRecord {
        parties = List.copyOf(parties);
        claims = List.copyOf(claims);
        sources = List.copyOf(sources);
    }

    /** A party: its role (supplier, recipient, involved, authority), entity id and name. */
    public record Party(String role, String id, String name) {}

    /**
     * The figures one source gives.
     *
     * @param quantity how many, or null
     * @param amount the money value, or null
     * @param currency the amount's currency, or null
     * @param amountYear the year whose money the amount is in, or null
     * @param source the statement source: a URL for the evidence base, a file and line for SIPRI
     */
    public record Claim(String quantity, String amount, String currency, String amountYear, String source) {

        /** The value as read: "2,000,000,000 USD (2015 money)", or "" without an amount. */
        public String value() {
            if (amount == null) {
                return "";
            }
            String text = grouped(amount) + (currency == null ? "" : " " + currency);
            return amountYear == null ? text : text + " (" + amountYear + " money)";
        }

        public String quantityText() {
            return quantity == null ? "" : grouped(quantity);
        }

        /** Quantity and value in one line, for tables and downloads. */
        public String text() {
            List<String> parts = new ArrayList<>();
            if (quantity != null) {
                parts.add("quantity " + quantityText());
            }
            if (amount != null) {
                parts.add(value());
            }
            return String.join(", ", parts);
        }

        public boolean sourceIsLink() {
            return isLink(source);
        }

        /** The source in a few words: the host of an address, else the source as written. */
        public String sourceLabel() {
            if (sourceIsLink()) {
                try {
                    String host = URI.create(source).getHost();
                    return host == null ? source : host;
                } catch (IllegalArgumentException e) {
                    return source;
                }
            }
            return source == null ? "" : source;
        }
    }

    /** A source: its address and its publisher (null when the record names none). */
    public record Source(String url, String publisher) {
        public String label() {
            return publisher == null ? url : publisher;
        }
    }

    /** True for a value to show as a link: an http or https address. */
    public static boolean isLink(String text) {
        return text != null && (text.startsWith("https://") || text.startsWith("http://"));
    }

    /** The record of a CooperationEvent or Transfer entity; {@code names} gives a party's name from its id (null when unknown). */
    static EventRecord of(Entity entity, Function<String, String> names) {
        List<Party> parties = new ArrayList<>();
        List<ClaimBuilder> claims = new ArrayList<>();
        Map<String, Source> sources = new LinkedHashMap<>();
        for (Statement statement : entity.statements()) {
            String property = statement.property();
            if (ROLES.contains(property)) {
                String name = names.apply(statement.value());
                parties.add(new Party(property, statement.value(), name == null ? statement.value() : name));
            } else if (property.equals("sourceUrl")) {
                sources.putIfAbsent(statement.value(), new Source(statement.value(), publisher(entity, statement.source())));
            } else if (ClaimBuilder.PROPERTIES.contains(property)) {
                ClaimBuilder current = claims.isEmpty() ? null : claims.getLast();
                if (current == null || current.startsAnother(property, statement.source())) {
                    current = new ClaimBuilder(statement.source());
                    claims.add(current);
                }
                current.set(property, statement.value());
            }
        }
        // by role (suppliers, then recipients, then others), whatever order the statements were stored in
        parties.sort(java.util.Comparator.comparingInt(party -> ROLES.indexOf(party.role())));
        return new EventRecord(parties, entity.first("item"), claims.stream().map(ClaimBuilder::build).toList(), List.copyOf(sources.values()));
    }

    /** The record with the parties that were known only by id named from {@code names}. */
    EventRecord named(Map<String, String> names) {
        List<Party> named = parties.stream()
                .map(party -> party.name().equals(party.id()) && names.containsKey(party.id()) ? new Party(party.role(), party.id(), names.get(party.id()))
                        : party)
                .toList();
        return new EventRecord(named, item, claims, sources);
    }

    /** The parties' names joined, for a table cell. */
    public String partyNames() {
        return String.join("; ", parties.stream().map(Party::name).distinct().toList());
    }

    /** Every claim with its source, for a table cell or a download. */
    public String figures() {
        return String.join(" | ", claims.stream().filter(claim -> !claim.text().isEmpty())
                .map(claim -> claim.text() + (claim.source() == null ? "" : " [" + claim.source() + "]")).toList());
    }

    /** More than one claim: the figures disagree or come from several sources, and are shown side by side. */
    public boolean hasSeveralClaims() {
        return claims.size() > 1;
    }

    /** The publisher given with a source: the publisher statement written under the same statement source. */
    private static String publisher(Entity entity, String statementSource) {
        for (Statement statement : entity.statements()) {
            if (statement.property().equals("publisher") && Objects.equals(statement.source(), statementSource)) {
                return statement.value();
            }
        }
        return null;
    }

    private static String grouped(String number) {
        try {
            DecimalFormat format = new DecimalFormat("#,##0.###", DecimalFormatSymbols.getInstance(Locale.ROOT));
            return format.format(new BigDecimal(number));
        } catch (NumberFormatException e) {
            return number;
        }
    }

    private static final class ClaimBuilder {
        static final List<String> PROPERTIES = List.of("quantity", "amount", "currency", "amountYear");

        private final String source;
        private final Map<String, String> values = new LinkedHashMap<>();

        ClaimBuilder(String source) {
            this.source = source;
        }

        /** A quantity, or an amount after an amount, opens the next claim; so does another source. */
        boolean startsAnother(String property, String statementSource) {
            return !Objects.equals(source, statementSource) || property.equals("quantity") || values.containsKey(property);
        }

        void set(String property, String value) {
            values.put(property, value);
        }

        Claim build() {
            return new Claim(values.get("quantity"), values.get("amount"), values.get("currency"), values.get("amountYear"), source);
        }
    }
}

package org.convergence.lists.ofac;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.convergence.model.Countries;
import org.convergence.lists.ListDates;
import org.convergence.lists.StatedLinks;
import org.convergence.lists.ofac.OfacEntry.Address;
import org.convergence.lists.ofac.OfacEntry.Alias;
import org.convergence.lists.ofac.OfacEntry.Fact;
import org.convergence.lists.ofac.OfacFacts.Rule;
import org.convergence.model.ConvergenceModel;
import org.convergence.model.Entity;
import org.convergence.model.EntityBuilder;
import tech.followthemoney.model.Schema;

/**
 * An OFAC entry to its subject and its Sanction, alike for both formats.
 *
 * <p>Schemata: individual is a Person, vessel a Vessel, aircraft an Airplane, and every other entry
 * an Organization. OFAC's "entity" covers companies, banks, ministries, armed groups and networks;
 * Organization is the most specific schema true of all of them (Company would be wrong for a militia,
 * LegalEntity would lose imoNumber, which OFAC gives for shipping companies).
 *
 * <p>"Linked To: NAME" in the remarks becomes an UnknownLink (role "Linked To") to the entry whose
 * primary name is NAME, when exactly one entry of the same list has it (see {@link StatedLinks}).
 * Not thread-safe: one mapper per reader.
 */
final class OfacMapper {
    static final String AUTHORITY = "Office of Foreign Assets Control";

    private final String dataset;
    private final ConvergenceModel model;
    private final String sourceUrl;
    private final StatedLinks links;

    OfacMapper(String dataset, ConvergenceModel model, String sourceUrl) {
        this.dataset = dataset;
        this.model = model;
        this.sourceUrl = sourceUrl;
        this.links = new StatedLinks(dataset, model, "Linked To", AUTHORITY, sourceUrl);
    }

    /** The FtM schema of an OFAC type (individual, vessel, aircraft, entity or blank, in any case), or null for another word. */
    static String schemaOf(String type) {
        return switch (type == null ? "" : type.strip().toLowerCase(Locale.ROOT)) {
            case "individual" -> "Person";
            case "vessel" -> "Vessel";
            case "aircraft" -> "Airplane";
            case "", "entity" -> "Organization";
            default -> null;
        };
    }

    /** The subject and its Sanction; the entry's type must be one {@link #schemaOf} knows. */
    List<Entity> entities(OfacEntry entry, String where) {
        String id = dataset + "-" + entry.uid();
        links.name(entry.uid(), entry.name());
        for (String linked : entry.linkedTo()) {
            // The CSV's last remark ends with a full stop, which may also end a name ("LTDA.").
            List<String> spellings = linked.endsWith(".") ? List.of(linked, linked.substring(0, linked.length() - 1)) : List.of(linked);
            links.state(entry.uid(), spellings, null, where);
        }
        Values subject = new Values(model.requireSchema(schemaOf(entry.type())), id, where);
        Values sanction = new Values(model.requireSchema("Sanction"), dataset + "-sanction-" + entry.uid(), where);
        subject.add("name", entry.name());
        if (subject.schema.getName().equals("Person")) {
            subject.add("firstName", entry.firstName());
            subject.add("lastName", entry.lastName());
        }
        for (Alias alias : entry.aliases()) {
            subject.add(alias.weak() ? "weakAlias" : alias.type().startsWith("f") ? "previousName" : "alias", alias.name());
        }
        for (Address address : entry.addresses()) {
            subject.add("address", address.text());
            subject.add("country", Countries.code(address.country()));
        }
        // One fact stated twice (the XML repeats some ids, the CSV says "X; alt. X") is one value.
        Map<String, Fact> facts = new LinkedHashMap<>();
        for (Fact fact : entry.facts()) {
            facts.putIfAbsent(fact.key().toLowerCase(Locale.ROOT) + "\u0000" + fact.value(), fact);
        }
        for (Fact fact : facts.values()) {
            apply(fact, subject, sanction, where);
        }
        entry.notes().forEach(note -> subject.add("notes", note));
        subject.add("topics", "sanction");
        subject.add("sourceUrl", sourceUrl);

        sanction.add("entity", id);
        sanction.add("authority", AUTHORITY);
        sanction.add("country", "us");
        entry.programs().forEach(program -> sanction.add("program", program));
        sanction.add("authorityId", entry.uid());
        sanction.add("sourceUrl", sourceUrl);
        return List.of(subject.builder.build(), sanction.builder.build());
    }

    /** The links of the entries mapped so far ("Linked To"), once every entry of the list has been mapped. */
    List<Entity> links() {
        return links.resolve();
    }

    private void apply(Fact fact, Values subject, Values sanction, String where) {
        Rule rule = OfacFacts.rule(fact.key());
        String value = fact.value().strip();
        if (rule == null || rule.property() == null || value.isEmpty()) {
            subject.add("notes", fact.key() + ": " + (fact.original() != null ? fact.original() : value));
            return;
        }
        String property = rule.property();
        switch (rule.kind()) {
            case SANCTION_DATE -> {
                // A Sanction has no notes: a date that is no single plausible date is noted on the subject.
                String iso = OfacFacts.isoDates(value);
                if (ListDates.plausible(iso)) {
                    ListDates.add(sanction.builder, property, iso, where);
                } else {
                    subject.add("notes", fact.key() + " " + value);
                }
            }
            case PROVISION -> sanction.add(property, fact.key() + " " + value);
            case DATE -> {
                if (subject.has(property)) {
                    ListDates.add(subject.builder, property, OfacFacts.isoDates(value), where);
                } else {
                    subject.add("notes", fact.key() + ": " + value);
                }
            }
            case COUNTRY -> {
                String code = Countries.code(value);
                // An organisation's "nationality" is its country.
                String target = subject.has(property) ? property : "country";
                if (code == null) {
                    subject.add("notes", fact.key() + ": " + value);
                } else {
                    subject.add(target, code, value);
                }
            }
            case GENDER -> {
                String gender = value.toLowerCase(Locale.ROOT);
                if (subject.has(property) && (gender.equals("male") || gender.equals("female"))) {
                    subject.add(property, gender, value);
                } else {
                    subject.add("notes", fact.key() + ": " + value);
                }
            }
            case NUMBER -> typed(subject, fact, property, value.replace(",", ""));
            case IDENTIFIER -> identifier(subject, fact, property, value);
            case TEXT -> typed(subject, fact, property, value);
        }
    }

    /**
     * An identifier; "IMO 9187629" in any field is an IMO number, and Russian tax and registration
     * numbers are also INN, OGRN and OKPO codes ("Government Gazette Number" is OFAC's name for OKPO).
     */
    private static void identifier(Values subject, Fact fact, String property, String value) {
        String imo = value.replaceAll("\\s+", "").toUpperCase(Locale.ROOT);
        if (imo.matches("IMO\\d{7}") && subject.has("imoNumber")) {
            subject.add("imoNumber", imo.substring(3), fact.original());
            return;
        }
        boolean russian = "ru".equals(Countries.code(fact.country()));
        String digits = value.replaceAll("\\D", "");
        if (property.equals("okpoCode")) {
            property = russian ? "okpoCode" : "registrationNumber";
        } else if (russian && property.equals("taxNumber") && digits.equals(value) && (digits.length() == 10 || digits.length() == 12)) {
            subject.add("innCode", value, fact.original());
        } else if (russian && property.equals("registrationNumber") && digits.equals(value) && (digits.length() == 13 || digits.length() == 15)) {
            subject.add("ogrnCode", value, fact.original());
        }
        typed(subject, fact, property, value);
    }

    /** A value of a property the schema has; a note otherwise (a tax number of a vessel). */
    private static void typed(Values subject, Fact fact, String property, String value) {
        if (subject.has(property)) {
            subject.add(property, value, fact.original() != null ? fact.original() : value.equals(fact.value()) ? null : fact.value());
        } else {
            subject.add("notes", fact.key() + ": " + (fact.original() != null ? fact.original() : fact.value()));
        }
    }

    /** An entity's values, each property-value pair once. */
    private final class Values {
        private final Schema schema;
        private final EntityBuilder builder;
        private final Set<String> added = new HashSet<>();

        Values(Schema schema, String id, String where) {
            this.schema = schema;
            this.builder = Entity.builder(schema, id, dataset).source(where);
        }

        /** True when the schema has the property. */
        boolean has(String property) {
            return schema.getProperty(property) != null;
        }

        void add(String property, String value) {
            add(property, value, null);
        }

        void add(String property, String value, String original) {
            if (value != null && !value.isBlank() && added.add(property + "\u0000" + value.strip())) {
                builder.add(property, value.strip(), null, original);
            }
        }
    }
}

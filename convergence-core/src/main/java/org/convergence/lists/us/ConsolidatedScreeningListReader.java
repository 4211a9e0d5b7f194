package org.convergence.lists.us;

import static java.util.Map.entry;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.convergence.InvalidRecordException;
import org.convergence.ingest.Checksums;
import org.convergence.model.Countries;
import org.convergence.lists.ListDates;
import org.convergence.lists.tabular.DelimitedRows;
import org.convergence.lists.tabular.TableListReader;
import org.convergence.model.ConvergenceModel;
import org.convergence.model.Entity;
import org.convergence.model.EntityBuilder;
import tech.followthemoney.model.Schema;

/**
 * Reads the US Consolidated Screening List of the International Trade Administration (trade.gov) as
 * CSV: one row per listing on one of the export-control and sanctions lists of Commerce, State and
 * Treasury, the list named in the row's {@code source}. Columns are read by name, so both headers
 * read: the current one with {@code _id} first, and the older one without it.
 *
 * <p>Each row becomes a party and a Sanction whose program is the list ("Entity List (EL)") and whose
 * authority is the agency after the list's name ("Bureau of Industry and Security"). The type gives the
 * schema: Individual a Person, Entity an Organization, Vessel a Vessel, Aircraft an Airplane; the BIS
 * and State lists give no type and mix people and firms, so a blank type is a LegalEntity.
 *
 * <p>Ids, in this order: the row's {@code _id} (current header); else the OFAC {@code entity_number}
 * (Treasury rows of the older header; the current header's {@code _id} equals it for those rows, so
 * the ids carry over between the two headers); else, for the older header's BIS and State rows, which
 * have no identifier at all, a SHA-1 of source, name and addresses. Those three tell two listings
 * apart (the same name may be on two lists, or at two addresses on one) and do not change when a
 * listing's dates or notices are updated; trade.gov's own {@code _id} for such rows is a hash of
 * unknown inputs, so these rows get new ids when a dataset moves from the older header to the current.
 *
 * <p>Multi-valued cells are separated by ';'. Typed identifiers are read from {@code ids}, whose
 * entries are "type, number[, country]" in the current header and "[country, ]number, type" in the
 * older one; the entry as written stays as the statement's original value. License requirement and
 * policy become the Sanction's provisions, the Federal Register notice its authorityId.
 */
public final class ConsolidatedScreeningListReader extends TableListReader {
    public static final String SOURCE_URL = "https://www.trade.gov/consolidated-screening-list";
    private static final List<String> COLUMNS = List.of("source", "entity_number", "type", "programs", "name", "title", "addresses",
            "federal_register_notice", "start_date", "end_date", "standard_order", "license_requirement", "license_policy", "call_sign",
            "vessel_type", "gross_tonnage", "gross_registered_tonnage", "vessel_flag", "vessel_owner", "remarks", "source_list_url",
            "alt_names", "citizenships", "dates_of_birth", "nationalities", "places_of_birth", "source_information_url", "ids");
    private static final Map<String, String> SCHEMATA = Map.of("Individual", "Person", "Entity", "Organization", "Vessel", "Vessel",
            "Aircraft", "Airplane");
    private static final Pattern LIST_SEPARATOR = Pattern.compile("\\s*;\\s*");
    /** The last item of a list of aliases or addresses is often written "...; and NAME". */
    private static final Pattern LEADING_AND = Pattern.compile("^and\\s+");
    /** Identifier types of the ids column (lower case) and the FtM property each goes to. */
    private static final Map<String, String> IDENTIFIERS = Map.ofEntries(
            entry("passport", "passportNumber"),
            entry("national id no.", "idNumber"),
            entry("cedula no.", "idNumber"),
            entry("identification number", "idNumber"),
            entry("government gazette number", "idNumber"),
            entry("tax id no.", "taxNumber"),
            entry("nit #", "taxNumber"),
            entry("ruc #", "taxNumber"),
            entry("registration id", "registrationNumber"),
            entry("registration number", "registrationNumber"),
            entry("public registration number", "registrationNumber"),
            entry("business registration number", "registrationNumber"),
            entry("commercial registry number", "registrationNumber"),
            entry("company number", "registrationNumber"),
            entry("matricula mercantil no", "registrationNumber"),
            entry("v.a.t. number", "vatCode"),
            entry("swift/bic", "swiftBic"),
            entry("legal entity number", "leiCode"),
            entry("d-u-n-s number", "dunsCode"),
            entry("website", "website"),
            entry("email address", "email"),
            entry("vessel registration identification", "imoNumber"),
            entry("gender", "gender"));

    private final boolean typeFirstIds;

    public ConsolidatedScreeningListReader(Path file, String dataset, ConvergenceModel model) {
        super(file, dataset, model, new DelimitedRows(file, ','), COLUMNS, "the US Consolidated Screening List CSV (" + String.join(", ", COLUMNS) + ")");
        this.typeFirstIds = hasColumn("_id");
    }

    @Override
    protected List<Entity> entities(Map<String, String> fields, String row) {
        String source = fields.get("source");
        String name = fields.get("name");
        if (source == null || name == null) {
            throw new InvalidRecordException(row, "source and name are required in every row");
        }
        String recordId = fields.get("_id");
        String entityNumber = fields.get("entity_number");
        String key = recordId != null ? recordId : entityNumber != null ? entityNumber : Checksums.recordKey(source, name, fields.getOrDefault("addresses", ""));
        String where = row + " (" + name + ")";
        switch (occurrence(key, fields, where)) {
            case REPEAT -> {
                return List.of();
            }
            case CONFLICT -> throw new InvalidRecordException(where, "the same " + (recordId != null ? "_id" : entityNumber != null ? "entity_number" : "source, name and addresses")
                    + " as " + firstSeenAt(key) + ", with other values; expected one row per listing");
            case FIRST -> { }
        }
        for (String field : List.of("_id", "entity_number", "source", "name")) {
            fields.remove(field);
        }
        String type = fields.remove("type");
        String schemaName = type == null ? "LegalEntity" : SCHEMATA.get(type);
        if (schemaName == null) {
            throw new InvalidRecordException(where, "type is '" + type + "', expected Individual, Entity, Vessel, Aircraft or blank");
        }
        String slug = key.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
        String subjectId = dataset + "-" + slug;
        Schema schema = model.requireSchema(schemaName);
        EntityBuilder subject = Entity.builder(schema, subjectId, dataset).source(where).add("name", name);
        for (String alias : split(fields.remove("alt_names"))) {
            addListItem(subject, "alias", alias);
        }
        Set<String> countries = new LinkedHashSet<>();
        for (String address : split(fields.remove("addresses"))) {
            addListItem(subject, "address", address);
            // An address ends in the country's alpha-2 code when the list knows the country.
            String country = Countries.alpha2(address.substring(address.lastIndexOf(',') + 1).strip());
            if (country != null) {
                countries.add(country);
            }
        }
        countries.forEach(country -> subject.add("country", country));
        person(subject, schema, fields, where);
        vessel(subject, schema, fields);
        for (String entry : split(fields.remove("ids"))) {
            identifier(subject, schema, entry);
        }
        subject.add("topics", "sanction").add("sourceUrl", fields.remove("source_information_url"));

        EntityBuilder sanction = Entity.builder(model.requireSchema("Sanction"), dataset + "-sanction-" + slug, dataset).source(where)
                .add("entity", subjectId).add("country", "us").add("recordId", recordId);
        if (entityNumber != null && !entityNumber.equals(recordId)) {
            sanction.add("recordId", entityNumber);
        }
        int agency = source.lastIndexOf(" - ");
        sanction.add("program", agency < 0 ? source : source.substring(0, agency).strip());
        sanction.add("authority", agency < 0 ? null : source.substring(agency + 3).strip());
        split(fields.remove("programs")).forEach(program -> sanction.add("programId", program));
        sanction.add("provisions", fields.remove("license_requirement")).add("provisions", fields.remove("license_policy"));
        String standardOrder = fields.remove("standard_order");
        if (standardOrder != null) {
            sanction.add("provisions", "Standard order: " + standardOrder);
        }
        split(fields.remove("federal_register_notice")).forEach(notice -> sanction.add("authorityId", notice));
        sanction.add("programUrl", fields.remove("source_list_url"));
        String start = fields.remove("start_date");
        String startIso = ListDates.iso(start, "yyyy-MM-dd", "start_date", where);
        addDate(sanction, "startDate", startIso, subject, "start_date", start, false);
        String end = fields.remove("end_date");
        addDate(sanction, "endDate", ListDates.iso(end, "yyyy-MM-dd", "end_date", where), subject, "end_date", end, true);
        if (startIso != null) {
            listed(startIso);
        }
        fields.forEach((field, value) -> subject.add("notes", field + ": " + value));
        return List.of(subject.build(), sanction.build());
    }

    private static void person(EntityBuilder subject, Schema schema, Map<String, String> fields, String where) {
        addOrNote(subject, schema, "position", "title", fields.remove("title"));
        String born = fields.remove("dates_of_birth");
        if (schema.getProperty("birthDate") != null) {
            ListDates.add(subject, "birthDate", born, where);
        } else {
            addOrNote(subject, schema, "birthDate", "dates_of_birth", born);
        }
        for (String place : split(fields.remove("places_of_birth"))) {
            addOrNote(subject, schema, "birthPlace", "places_of_birth", place);
        }
        countries(subject, schema, "nationality", "nationalities", fields.remove("nationalities"));
        countries(subject, schema, "citizenship", "citizenships", fields.remove("citizenships"));
    }

    private static void vessel(EntityBuilder subject, Schema schema, Map<String, String> fields) {
        addOrNote(subject, schema, "callSign", "call_sign", fields.remove("call_sign"));
        addOrNote(subject, schema, "type", "vessel_type", fields.remove("vessel_type"));
        addOrNote(subject, schema, "tonnage", "gross_tonnage", fields.remove("gross_tonnage"));
        addOrNote(subject, schema, "grossRegisteredTonnage", "gross_registered_tonnage", fields.remove("gross_registered_tonnage"));
        countries(subject, schema, "flag", "vessel_flag", fields.remove("vessel_flag"));
        // vessel_owner names a party, not an entity id; it stays in notes with the other unmapped fields.
    }

    /** Country codes or names into a country property; what names no country, or a schema without the property, goes to notes. */
    private static void countries(EntityBuilder subject, Schema schema, String property, String field, String value) {
        for (String text : split(value)) {
            String code = Countries.code(text);
            if (code != null && schema.getProperty(property) != null) {
                subject.add(property, code);
            } else {
                subject.add("notes", field + ": " + text);
            }
        }
    }

    /** One entry of the ids column into its typed property; other entries (directives, sanction risks) into notes. */
    private void identifier(EntityBuilder subject, Schema schema, String entry) {
        List<String> parts = Arrays.stream(entry.split(",")).map(String::strip).toList();
        String property = null;
        String value = null;
        if (parts.size() >= 2) {
            String type = typeFirstIds ? parts.getFirst() : parts.getLast();
            List<String> rest = typeFirstIds ? parts.subList(1, parts.size()) : parts.subList(0, parts.size() - 1);
            // A two-letter issuing country: last in the current layout, first in the older one.
            String qualifier = typeFirstIds ? rest.getLast() : rest.getFirst();
            if (rest.size() > 1 && qualifier.matches("[A-Z]{2}")) {
                rest = typeFirstIds ? rest.subList(0, rest.size() - 1) : rest.subList(1, rest.size());
            }
            property = IDENTIFIERS.get(type.toLowerCase(Locale.ROOT));
            value = String.join(", ", rest);
        }
        if (property == null || schema.getProperty(property) == null || value.isEmpty()) {
            subject.add("notes", "ids: " + entry);
        } else if (property.equals("imoNumber")) {
            subject.add(property, value.replaceFirst("^IMO\\s*", ""), null, entry);
        } else {
            subject.add(property, property.equals("gender") ? value.toLowerCase(Locale.ROOT) : value, null, entry);
        }
    }

    /** An item of a ';'-separated list, without the "and " the list writes before its last item (kept as the original value). */
    private static void addListItem(EntityBuilder subject, String property, String item) {
        String cleaned = LEADING_AND.matcher(item).replaceFirst("");
        subject.add(property, cleaned, null, cleaned.equals(item) ? null : item);
    }

    private static List<String> split(String value) {
        return value == null ? List.of() : Arrays.stream(LIST_SEPARATOR.split(value.strip())).filter(part -> !part.isEmpty()).toList();
    }
}

package org.convergence.lists.us;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.convergence.InvalidRecordException;
import org.convergence.ingest.Checksums;
import org.convergence.model.Countries;
import org.convergence.lists.ListDates;
import org.convergence.lists.tabular.DelimitedRows;
import org.convergence.lists.tabular.TableListReader;
import org.convergence.model.ConvergenceModel;
import org.convergence.model.Entity;
import org.convergence.model.EntityBuilder;

/**
 * Reads the Denied Persons List of the Bureau of Industry and Security in its tab-separated text form
 * (dpl.txt: quoted fields, dates MM/dd/yyyy, Last_Update yyyy-MM-dd). Each row is a denial order
 * against one party at one address, and becomes a LegalEntity (the list mixes people and firms and
 * does not say which) and a Sanction from Effective_Date to Expiration_Date.
 *
 * <p>The list has no identifier. A row's key is a SHA-1 of its name and address fields, which is what
 * tells its rows apart: the list repeats a party once per address. Dates and notices are left out of
 * the key so that a renewed order (a new effective date, another Federal Register citation) shows in
 * a diff as a changed listing rather than as one removed and one added. The list has rows repeated
 * word for word (two in the 2022-09 file); they are read once. Should a party and address ever come
 * twice with different orders, the later row's key adds its effective date and FR citation.
 *
 * <p>Last_Update has typos (2922-09-01, 3017-08-22, 0222-05-18): such a value is kept in notes, not
 * as a date, and does not count towards the data date, the newest plausible Last_Update.
 */
public final class DeniedPersonsListReader extends TableListReader {
    public static final String AUTHORITY = "Bureau of Industry and Security";
    public static final String PROGRAM = "Denied Persons List";
    public static final String SOURCE_URL = "https://www.bis.gov/licensing/end-user-guidance/denied-persons-list-dpl";
    private static final List<String> COLUMNS = List.of("Name", "Street_Address", "City", "State", "Country", "Postal_Code", "Effective_Date",
            "Expiration_Date", "Standard_Order", "Last_Update", "Action", "FR_Citation");
    private static final List<String> ADDRESS = List.of("Street_Address", "City", "State", "Postal_Code", "Country");
    /** "FUYI SUN A/K/A FRANK SUN", "SIBERIAN AIRLINES D/B/A S7 AIRLINES": the parts are names of the same party. */
    private static final Pattern OTHER_NAME = Pattern.compile("\\s+(?:A/K/A|F/K/A|D/B/A)\\s+");

    public DeniedPersonsListReader(Path file, String dataset, ConvergenceModel model) {
        super(file, dataset, model, new DelimitedRows(file, '\t'), COLUMNS, "the BIS Denied Persons List, tab-separated ("
                + String.join(", ", COLUMNS) + ")");
    }

    @Override
    protected List<Entity> entities(Map<String, String> fields, String row) {
        String name = fields.get("Name");
        if (name == null) {
            throw new InvalidRecordException(row, "Name is empty; every denial names a party");
        }
        String where = row + " (" + name + ")";
        List<String> party = Stream.concat(Stream.of(name), ADDRESS.stream().map(field -> fields.getOrDefault(field, ""))).toList();
        String key = Checksums.recordKey(party.toArray(String[]::new));
        Occurrence occurrence = occurrence(key, fields, where);
        if (occurrence == Occurrence.CONFLICT) {
            String first = firstSeenAt(key);
            key = Checksums.recordKey(Stream.concat(party.stream(), Stream.of(fields.getOrDefault("Effective_Date", ""), fields.getOrDefault("FR_Citation", "")))
                    .toArray(String[]::new));
            occurrence = occurrence(key, fields, where);
            if (occurrence == Occurrence.CONFLICT) {
                throw new InvalidRecordException(where, "the same name, address, Effective_Date and FR_Citation as " + firstSeenAt(key)
                        + " (same party as " + first + "), with other values; expected one row per order");
            }
        }
        if (occurrence == Occurrence.REPEAT) {
            return List.of();
        }
        String subjectId = dataset + "-" + key;
        EntityBuilder subject = Entity.builder(model.requireSchema("LegalEntity"), subjectId, dataset).source(where);
        fields.remove("Name");
        subject.add("name", name);
        for (String other : OTHER_NAME.split(name)) {
            if (!other.equals(name)) {
                subject.add("alias", other.strip(), null, name);
            }
        }
        subject.add("address", ADDRESS.stream().map(fields::get).filter(Objects::nonNull).collect(Collectors.joining(", ")));
        ADDRESS.stream().filter(field -> !field.equals("Country")).forEach(fields::remove);
        String country = fields.remove("Country");
        String code = Countries.code(country);
        subject.add("country", code);
        if (country != null && code == null) {
            subject.add("notes", "Country: " + country);
        }
        String updated = fields.remove("Last_Update");
        ListDates.iso(updated, "yyyy-MM-dd", "Last_Update", where); // a calendar date, named by the list's field
        ListDates.add(subject, "modifiedAt", updated, where);
        if (updated != null && ListDates.plausible(updated)) {
            listed(updated);
        }
        subject.add("topics", "sanction").add("sourceUrl", SOURCE_URL);

        EntityBuilder sanction = Entity.builder(model.requireSchema("Sanction"), dataset + "-sanction-" + key, dataset).source(where)
                .add("entity", subjectId).add("authority", AUTHORITY).add("country", "us").add("program", PROGRAM)
                .add("authorityId", fields.remove("FR_Citation")).add("sourceUrl", SOURCE_URL);
        String standardOrder = fields.remove("Standard_Order");
        if (standardOrder != null) {
            sanction.add("provisions", "Standard order: " + standardOrder);
        }
        String effective = fields.remove("Effective_Date");
        addDate(sanction, "startDate", ListDates.iso(effective, "MM/dd/yyyy", "Effective_Date", where), subject, "Effective_Date", effective, false);
        String expiration = fields.remove("Expiration_Date");
        addDate(sanction, "endDate", ListDates.iso(expiration, "MM/dd/yyyy", "Expiration_Date", where), subject, "Expiration_Date", expiration, true);
        fields.forEach((field, value) -> subject.add("notes", field + ": " + value));
        return List.of(subject.build(), sanction.build());
    }
}

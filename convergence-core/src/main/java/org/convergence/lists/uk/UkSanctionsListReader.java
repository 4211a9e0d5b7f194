package org.convergence.lists.uk;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.convergence.ConvergenceException;
import org.convergence.ErrorCategory;
import org.convergence.InvalidRecordException;
import org.convergence.lists.ListDates;
import org.convergence.lists.tabular.DelimitedRows;
import org.convergence.lists.tabular.OdsRows;
import org.convergence.lists.tabular.TableListReader;
import org.convergence.lists.tabular.TableRows;
import org.convergence.model.ConvergenceModel;
import org.convergence.model.Entity;
import org.convergence.model.EntityBuilder;
import tech.followthemoney.model.Schema;

/**
 * Reads the summary sheet of the UK Sanctions List of the Foreign, Commonwealth & Development Office:
 * one designation per row (Unique ID, OFSI Group ID, Name, Regime Name, Type, Designation source, Date
 * Designated, Sanctions Imposed), as an OpenDocument spreadsheet or as UTF-8 CSV. Each row becomes a
 * Person, Organization or Vessel and its Sanction.
 *
 * <p>The format is told by content, not name: a zip archive is read as ODS, anything else as CSV; a
 * file named .ods that is no zip is an error rather than CSV garbage. Ids come from the Unique ID
 * (AFG0001 gives {@code gb-fcdo-afg0001}), which FCDO keeps for a designation across versions.
 *
 * <p>The summary has no aliases, addresses or dates of birth. Designation source (UK, UN) and the OFSI
 * Group ID (the designation's id in OFSI's consolidated list) have no FtM property and go into notes.
 * Two rows of the 2025-08-11 list have a blank Name; they are kept, with a note, since the
 * designation is real and the diff should follow it.
 */
public final class UkSanctionsListReader extends TableListReader {
    public static final String AUTHORITY = "Foreign, Commonwealth & Development Office";
    public static final String SOURCE_URL = "https://www.gov.uk/government/publications/the-uk-sanctions-list";
    private static final List<String> COLUMNS = List.of("Unique ID", "OFSI Group ID", "Name", "Regime Name", "Type", "Designation source",
            "Date Designated", "Sanctions Imposed");
    private static final Map<String, String> SCHEMATA = Map.of("Individual", "Person", "Entity", "Organization", "Ship", "Vessel");
    /** Placeholders the list writes among the measures, standing for no measure. */
    private static final List<String> NO_MEASURE = List.of("", "-");

    public UkSanctionsListReader(Path file, String dataset, ConvergenceModel model) {
        super(file, dataset, model, open(file), COLUMNS, "the FCDO UK Sanctions List summary (" + String.join(", ", COLUMNS) + ")");
    }

    private static TableRows open(Path file) {
        if (isZip(file)) {
            return new OdsRows(file);
        }
        if (file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".ods")) {
            throw new ConvergenceException(ErrorCategory.INVALID_INPUT, file.getFileName()
                    + ": named .ods but not a zip archive, as an OpenDocument spreadsheet is; is the file truncated or of another format?");
        }
        return new DelimitedRows(file, ',');
    }

    private static boolean isZip(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return Arrays.equals(in.readNBytes(4), new byte[] {'P', 'K', 3, 4});
        } catch (IOException e) {
            return false; // the row reader reports the file as missing or unreadable
        }
    }

    @Override
    protected List<Entity> entities(Map<String, String> fields, String row) {
        String uniqueId = fields.get("Unique ID");
        if (uniqueId == null) {
            throw new InvalidRecordException(row, "Unique ID is empty; every designation has one");
        }
        String where = row + " (" + uniqueId + ")";
        switch (occurrence(uniqueId, fields, where)) {
            case REPEAT -> {
                return List.of();
            }
            case CONFLICT -> throw new InvalidRecordException(where, "the same Unique ID as "
                    + firstSeenAt(uniqueId) + ", with other values; expected one row per designation");
            case FIRST -> { }
        }
        fields.remove("Unique ID");
        String type = fields.remove("Type");
        String schemaName = type == null ? null : SCHEMATA.get(type);
        if (schemaName == null) {
            throw new InvalidRecordException(where, "Type is " + (type == null ? "empty" : "'" + type + "'") + ", expected Individual, Entity or Ship");
        }
        String designated = fields.remove("Date Designated");
        String listed = designationDate(designated, where);
        String key = uniqueId.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
        String subjectId = dataset + "-" + key;

        Schema schema = model.requireSchema(schemaName);
        EntityBuilder subject = Entity.builder(schema, subjectId, dataset).source(where);
        String name = fields.remove("Name");
        subject.add("name", name);
        if (name == null) {
            subject.add("notes", "Name: blank in the list");
        }
        subject.add("topics", "sanction").add("sourceUrl", SOURCE_URL);

        EntityBuilder sanction = Entity.builder(model.requireSchema("Sanction"), dataset + "-sanction-" + key, dataset).source(where)
                .add("entity", subjectId).add("authority", AUTHORITY).add("country", "gb").add("authorityId", uniqueId)
                .add("program", fields.remove("Regime Name")).add("sourceUrl", SOURCE_URL);
        String measures = fields.remove("Sanctions Imposed");
        if (measures != null) {
            Arrays.stream(measures.split(",")).map(String::strip).filter(measure -> !NO_MEASURE.contains(measure))
                    .forEach(measure -> sanction.add("provisions", measure));
        }
        addDate(sanction, "listingDate", listed, subject, "Date Designated", designated, false);
        if (listed != null) {
            listed(listed);
        }
        fields.forEach((field, value) -> subject.add("notes", field + ": " + value));
        return List.of(subject.build(), sanction.build());
    }

    /** dd-MM-yyyy as the list writes it, or ISO from a date cell of the spreadsheet. */
    private static String designationDate(String value, String where) {
        if (value == null) {
            return null;
        }
        String pattern = value.matches("\\d{4}-\\d{2}-\\d{2}") ? "yyyy-MM-dd" : "dd-MM-yyyy";
        return ListDates.iso(value, pattern, "Date Designated", where);
    }
}

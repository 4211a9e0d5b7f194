package org.convergence.screening.batch;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.convergence.ConvergenceException;
import org.convergence.ErrorCategory;
import org.convergence.model.ConvergenceModel;
import org.convergence.model.Countries;
import org.convergence.screening.ScreenedEntity;
import org.convergence.screening.Screener;
import tech.followthemoney.model.Property;
import tech.followthemoney.model.PropertyType;
import tech.followthemoney.model.Schema;

/**
 * Turns the values of one input row into a screening query: values trimmed and empty ones dropped,
 * country names turned into codes, dates checked. What cannot be used is left out with a note, so
 * that one bad cell never costs the rest of the row. Thread-safe.
 */
final class RowQueries {
    private static final Pattern ISO_DATE = Pattern.compile("\\d{4}(-\\d{2}(-\\d{2})?)?");
    /** Properties that hold a name or an identifier: a query needs at least one. */
    private static final List<String> NAME_PROPERTIES = List.of("name", "alias", "previousName", "weakAlias", "abbreviation", "firstName",
            "middleName", "lastName", "fatherName");

    private final ConvergenceModel model;

    RowQueries(ConvergenceModel model) {
        this.model = model;
    }

    /**
     * The schema for the rows of a file: the one asked for; else Person when a column gives a property
     * only people have (a birth date, a nationality); else LegalEntity, which matches people and
     * organisations alike.
     *
     * @throws ConvergenceException INVALID_INPUT for an unknown or unscreenable schema
     */
    static Schema defaultSchema(ConvergenceModel model, String requested, ColumnMapping mapping) {
        if (requested != null) {
            return screenable(model, requested);
        }
        Schema legalEntity = model.requireSchema("LegalEntity");
        Schema person = model.requireSchema("Person");
        boolean personal = mapping.properties().stream().anyMatch(property -> person.hasProperty(property) && !legalEntity.hasProperty(property));
        return personal ? person : legalEntity;
    }

    private static Schema screenable(ConvergenceModel model, String name) {
        Schema schema = model.schema(name).orElseThrow(() -> new ConvergenceException(ErrorCategory.INVALID_INPUT,
                "unknown schema '" + name + "': use an FtM schema such as Person, Organization, Company, LegalEntity or Vessel"));
        if (!ScreenedEntity.isScreenable(schema)) {
            throw new ConvergenceException(ErrorCategory.INVALID_INPUT,
                    "schema '" + name + "' is not screened: use Person, Organization, Company, LegalEntity, Vessel or Airplane");
        }
        return schema;
    }

    /**
     * Checks a mapping against the schema of the file.
     *
     * @throws ConvergenceException INVALID_INPUT for a property the schema does not have, or a mapping without a name or identifier
     */
    static void check(ColumnMapping mapping, Schema schema, List<String> header) {
        for (String property : mapping.properties()) {
            if (!schema.hasProperty(property)) {
                throw new ConvergenceException(ErrorCategory.INVALID_INPUT, "column mapping: '" + property + "' is not a property of "
                        + schema.getName() + " [Hint: FtM property names are case-sensitive, e.g. name, alias, firstName, lastName, "
                        + "birthDate, nationality, country, idNumber, passportNumber, registrationNumber]");
            }
        }
        boolean named = mapping.properties().stream().anyMatch(property -> NAME_PROPERTIES.contains(property)
                || schema.getProperty(property).getType().getName().equals(PropertyType.IDENTIFIER));
        if (!named) {
            throw new ConvergenceException(ErrorCategory.INVALID_INPUT, "no column is mapped to a name or an identifier"
                    + (header == null ? "" : "; the columns are " + header) + " [Hint: map one with --column name=COLUMN]");
        }
    }

    /**
     * A row of columns: {@code values} gives the values of a column (empty when absent); the schema is
     * the row's own (a column mapped to {@code schema}) or else {@code defaultSchema}.
     */
    BatchRow fromColumns(long row, String location, Schema defaultSchema, ColumnMapping mapping, Function<String, List<String>> values) {
        Map<String, List<String>> properties = new LinkedHashMap<>();
        String reference = null;
        String schemaName = null;
        for (ColumnMapping.Column column : mapping.columns()) {
            for (String value : values.apply(column.column())) {
                String text = value == null ? "" : value.strip();
                if (text.isEmpty()) {
                    continue;
                }
                switch (column.property()) {
                    case ColumnMapping.ID -> reference = reference == null ? text : reference;
                    case ColumnMapping.SCHEMA -> schemaName = schemaName == null ? text : schemaName;
                    default -> properties.computeIfAbsent(column.property(), key -> new ArrayList<>()).add(text);
                }
            }
        }
        return fromProperties(row, location, defaultSchema, reference, schemaName, properties);
    }

    /** A row of FtM-style properties; {@code schemaName} null for {@code defaultSchema}. */
    BatchRow fromProperties(long row, String location, Schema defaultSchema, String reference, String schemaName,
            Map<String, List<String>> properties) {
        Schema schema;
        try {
            schema = schemaName == null ? defaultSchema : screenable(model, schemaName);
        } catch (ConvergenceException e) {
            return BatchRow.invalid(row, location, e.getMessage());
        }
        List<String> notes = new ArrayList<>();
        Map<String, List<String>> clean = new LinkedHashMap<>();
        properties.forEach((name, values) -> {
            if (!schema.hasProperty(name)) {
                notes.add("'" + name + "' is not a property of " + schema.getName() + "; ignored");
                return;
            }
            Property property = schema.getProperty(name);
            for (String value : values) {
                String text = value == null ? "" : value.strip();
                String kept = text.isEmpty() ? null : clean(property, text, notes);
                if (kept != null) {
                    clean.computeIfAbsent(name, key -> new ArrayList<>()).add(kept);
                }
            }
        });
        return new BatchRow(row, location, reference, new Screener.Query(reference, schema.getName(), clean), notes, null);
    }

    /** The value as the query takes it, or null (with a note) when it cannot be used. */
    private String clean(Property property, String value, List<String> notes) {
        String type = property.getType().getName();
        if (type.equals(PropertyType.COUNTRY)) {
            String code = Countries.code(value);
            if (code == null) {
                notes.add(property.getName() + " '" + value + "' ignored: not a country name or code this knows");
            }
            return code;
        }
        if (type.equals("date")) {
            String date = isoDate(value);
            if (date == null) {
                notes.add(property.getName() + " '" + value + "' ignored: not a date in ISO form (YYYY, YYYY-MM or YYYY-MM-DD)");
            }
            return date;
        }
        return value;
    }

    /** The date, if it is an ISO date or date-time prefix of a real day; else null. */
    static String isoDate(String value) {
        String date = value.length() > 10 && value.charAt(10) == 'T' ? value.substring(0, 10) : value;
        if (!ISO_DATE.matcher(date).matches()) {
            return null;
        }
        try {
            switch (date.length()) {
                case 7 -> YearMonth.parse(date);
                case 10 -> LocalDate.parse(date);
                default -> { }
            }
            return date;
        } catch (DateTimeException e) {
            return null;
        }
    }
}

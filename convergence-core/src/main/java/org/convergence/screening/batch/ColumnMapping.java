package org.convergence.screening.batch;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;
import org.convergence.ConvergenceException;
import org.convergence.ErrorCategory;

/**
 * Which input column (CSV header, or key of a flat JSON object) gives which FtM property of the query.
 * Two targets are not properties: {@code id}, the caller's reference for the row, shown beside its
 * results; and {@code schema}, a per-row schema (Person, Company ...).
 *
 * @param columns property and column pairs, in order; a property may take values from several columns
 */
public record ColumnMapping(List<Column> columns) {
    /** The row's own reference. */
    public static final String ID = "id";
    /** A per-row schema. */
    public static final String SCHEMA = "schema";

    /** One mapped column. */
    public record Column(String property, String column) {}

    /**
     * Common headers, reduced to lower-case letters and digits, and the property each gives. "id" is
     * the row's reference, not an identifier: a customer number in a customer file would otherwise
     * be compared with passport numbers.
     */
    private static final Map<String, String> GUESSES = Map.ofEntries(Map.entry("name", "name"), Map.entry("fullname", "name"),
            Map.entry("entityname", "name"), Map.entry("partyname", "name"), Map.entry("customername", "name"),
            Map.entry("companyname", "name"), Map.entry("organisation", "name"), Map.entry("organization", "name"),
            Map.entry("organisationname", "name"), Map.entry("organizationname", "name"), Map.entry("legalname", "name"),
            // a research-security officer's list of partners
            Map.entry("affiliation", "name"), Map.entry("partner", "name"), Map.entry("partnername", "name"), Map.entry("institution", "name"),
            Map.entry("firstname", "firstName"), Map.entry("givenname", "firstName"), Map.entry("forename", "firstName"),
            Map.entry("middlename", "middleName"), Map.entry("lastname", "lastName"), Map.entry("surname", "lastName"),
            Map.entry("familyname", "lastName"), Map.entry("alias", "alias"), Map.entry("aliases", "alias"), Map.entry("aka", "alias"),
            Map.entry("dateofbirth", "birthDate"), Map.entry("birthdate", "birthDate"), Map.entry("dob", "birthDate"),
            Map.entry("placeofbirth", "birthPlace"), Map.entry("birthplace", "birthPlace"), Map.entry("gender", "gender"),
            Map.entry("nationality", "nationality"), Map.entry("citizenship", "citizenship"), Map.entry("country", "country"),
            Map.entry("jurisdiction", "jurisdiction"), Map.entry("passport", "passportNumber"), Map.entry("passportnumber", "passportNumber"),
            Map.entry("passportno", "passportNumber"), Map.entry("idnumber", "idNumber"), Map.entry("nationalid", "idNumber"),
            Map.entry("registrationnumber", "registrationNumber"), Map.entry("incorporationdate", "incorporationDate"),
            Map.entry("id", ID), Map.entry("reference", ID), Map.entry("ref", ID), Map.entry("customerid", ID), Map.entry("recordid", ID),
            Map.entry("schema", SCHEMA));

    public ColumnMapping {
        columns = List.copyOf(columns);
    }

    /**
     * From command-line specifications {@code property=column}, e.g. {@code name=full_name}.
     *
     * @throws ConvergenceException INVALID_INPUT for a specification without '='
     */
    public static ColumnMapping parse(List<String> specifications) {
        List<Column> columns = new ArrayList<>();
        for (String specification : specifications) {
            int equals = specification.indexOf('=');
            if (equals <= 0 || equals == specification.length() - 1) {
                throw new ConvergenceException(ErrorCategory.INVALID_INPUT, "column mapping '" + specification
                        + "' is not PROPERTY=COLUMN, e.g. name=full_name or birthDate=date_of_birth");
            }
            columns.add(new Column(specification.substring(0, equals).strip(), specification.substring(equals + 1).strip()));
        }
        return new ColumnMapping(columns);
    }

    /** The mapping guessed from common column names; columns it does not know are left out. */
    public static ColumnMapping guess(Collection<String> header) {
        List<Column> columns = new ArrayList<>();
        for (String column : header) {
            String property = GUESSES.get(column.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", ""));
            if (property != null) {
                columns.add(new Column(property, column));
            }
        }
        return new ColumnMapping(columns);
    }

    /** The mapped columns that are not in the header. */
    public List<String> missing(Collection<String> header) {
        return columns.stream().map(Column::column).filter(column -> !header.contains(column)).distinct().toList();
    }

    /** The mapped FtM properties (without {@code id} and {@code schema}). */
    public List<String> properties() {
        return columns.stream().map(Column::property).filter(property -> !property.equals(ID) && !property.equals(SCHEMA)).distinct().toList();
    }

    /** The mapping without the columns whose property is not kept. */
    ColumnMapping only(Predicate<String> keep) {
        return new ColumnMapping(columns.stream().filter(column -> keep.test(column.property())).toList());
    }

    @Override
    public String toString() {
        return String.join(", ", columns.stream().map(column -> column.property() + "=" + column.column()).toList());
    }
}

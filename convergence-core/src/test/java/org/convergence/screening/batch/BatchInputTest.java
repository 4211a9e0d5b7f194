package org.convergence.screening.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.convergence.ConvergenceException;
import org.convergence.ErrorCategory;
import org.convergence.model.ConvergenceModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading files of parties into queries: column mappings, value checks, and bad input. */
class BatchInputTest {
    private static final ConvergenceModel MODEL = ConvergenceModel.standard();

    @TempDir
    Path folder;

    private Path write(String name, String content) throws IOException {
        return Files.writeString(folder.resolve(name), content);
    }

    private static List<BatchRow> readAll(Path file, List<String> columns, String schema, boolean skipInvalid) {
        List<BatchRow> rows = new ArrayList<>();
        try (BatchInput input = BatchInput.open(file, BatchInput.Format.of(file), columns, schema, skipInvalid, MODEL)) {
            for (BatchRow row = input.next(); row != null; row = input.next()) {
                rows.add(row);
            }
        }
        return rows;
    }

    @Test
    void explicitMappingTurnsColumnsIntoPropertiesWithCountryCodes() throws IOException {
        Path file = write("customers.csv", "ref,customer,born,citizen,unused\nC-1,Ivan Petrov,1961-02-03,Russia,x\nC-2,Li Wei,1970,CHN,y\n");
        List<BatchRow> rows = readAll(file, List.of("id=ref", "name=customer", "birthDate=born", "nationality=citizen"), null, false);

        assertEquals(2, rows.size());
        BatchRow first = rows.getFirst();
        assertEquals(1, first.row());
        assertEquals("C-1", first.reference());
        assertEquals("customers.csv row 1 (line 2)", first.location());
        assertEquals("Person", first.query().schema());
        assertEquals(Map.of("name", List.of("Ivan Petrov"), "birthDate", List.of("1961-02-03"), "nationality", List.of("ru")),
                first.query().properties());
        assertEquals(List.of("cn"), rows.get(1).query().properties().get("nationality"));
        assertTrue(first.notes().isEmpty(), first.notes().toString());
    }

    @Test
    void commonHeadersAreMappedWithoutOptions() throws IOException {
        Path file = write("people.csv", "\uFEFFid,Full Name,first_name,last_name,DOB,nationality,passport,notes\n"
                + "7,Ivan Petrov,Ivan,Petrov,1961,Hong Kong,AB 123456,vip\n");
        try (BatchInput input = BatchInput.open(file, BatchInput.Format.CSV, List.of(), null, false, MODEL)) {
            assertTrue(input.describe().startsWith("columns id=id, name=Full Name, firstName=first_name, lastName=last_name, birthDate=DOB,"
                    + " nationality=nationality, passportNumber=passport (guessed"), input.describe());
            BatchRow row = input.next();
            assertEquals("7", row.reference());
            assertEquals("Person", row.query().schema());
            assertEquals(List.of("hk"), row.query().properties().get("nationality"));
            assertEquals(List.of("AB 123456"), row.query().properties().get("passportNumber"));
            assertEquals("Ivan Petrov", row.inputName());
        }
    }

    @Test
    void filesWithoutPersonalColumnsAreScreenedAsLegalEntities() throws IOException {
        Path file = write("suppliers.csv", "company_name,country\nHarbin Institute of Technology,China\n");
        BatchRow row = readAll(file, List.of(), null, false).getFirst();
        assertEquals("LegalEntity", row.query().schema());
        assertEquals(List.of("cn"), row.query().properties().get("country"));
    }

    @Test
    void aMappedColumnMissingFromTheFileIsNamedWithTheColumnsPresent() throws IOException {
        Path file = write("customers.csv", "full_name,dob\nIvan Petrov,1961\n");
        ConvergenceException error = assertThrows(ConvergenceException.class,
                () -> readAll(file, List.of("name=full_name", "birthDate=date_of_birth"), null, false));
        assertEquals(ErrorCategory.INVALID_INPUT, error.category());
        assertEquals("column 'date_of_birth' (mapped to birthDate) is not in customers.csv; its columns are: full_name, dob", error.getMessage());
    }

    @Test
    void aMappingToAnUnknownPropertyOrToNoNameIsRefused() throws IOException {
        Path file = write("customers.csv", "full_name,dob\nIvan Petrov,1961\n");
        ConvergenceException unknown = assertThrows(ConvergenceException.class,
                () -> readAll(file, List.of("name=full_name", "birthdate=dob"), "Person", false));
        assertTrue(unknown.getMessage().startsWith("column mapping: 'birthdate' is not a property of Person"), unknown.getMessage());

        ConvergenceException noName = assertThrows(ConvergenceException.class, () -> readAll(file, List.of("birthDate=dob"), null, false));
        assertTrue(noName.getMessage().contains("no column is mapped to a name or an identifier; the columns are [full_name, dob]"),
                noName.getMessage());

        ConvergenceException malformed = assertThrows(ConvergenceException.class, () -> readAll(file, List.of("full_name"), null, false));
        assertTrue(malformed.getMessage().contains("is not PROPERTY=COLUMN"), malformed.getMessage());
    }

    @Test
    void invalidDatesAndUnknownCountriesAreLeftOutWithANote() throws IOException {
        Path file = write("customers.csv", "full_name,date_of_birth,nationality\nIvan Petrov,31/12/1980,Atlantis\nOlga Ivanova,1980-02-30,\n"
                + "Anna Smirnova,1980-02-29T00:00:00,Russian Federation\n");
        List<BatchRow> rows = readAll(file, List.of(), null, false);

        assertEquals(Map.of("name", List.of("Ivan Petrov")), rows.get(0).query().properties());
        assertEquals(List.of("birthDate '31/12/1980' ignored: not a date in ISO form (YYYY, YYYY-MM or YYYY-MM-DD)",
                "nationality 'Atlantis' ignored: not a country name or code this knows"), rows.get(0).notes());
        assertTrue(rows.get(1).notes().getFirst().startsWith("birthDate '1980-02-30' ignored"), rows.get(1).notes().toString());
        assertEquals(List.of("1980-02-29"), rows.get(2).query().properties().get("birthDate"));
        assertEquals(List.of("ru"), rows.get(2).query().properties().get("nationality"));
    }

    @Test
    void emptyAndHugeNamesStillGiveARow() throws IOException {
        String huge = "A".repeat(10_000);
        Path file = write("customers.csv", "full_name,date_of_birth\n,1980\n" + huge + ",1981\n");
        List<BatchRow> rows = readAll(file, List.of(), null, false);
        assertEquals(2, rows.size());
        assertNull(rows.get(0).query().properties().get("name"));
        assertEquals(huge, rows.get(1).query().properties().get("name").getFirst());
    }

    @Test
    void quotedCellsMaySpanLinesAndLocationsFollowTheLines() throws IOException {
        Path file = write("customers.csv", "full_name,notes\n\"Petrov, Ivan\",\"two\nlines\"\nOlga Ivanova,x\n");
        List<BatchRow> rows = readAll(file, List.of(), null, false);
        assertEquals(List.of("Petrov, Ivan"), rows.get(0).query().properties().get("name"));
        assertEquals("customers.csv row 2 (line 4)", rows.get(1).location());
    }

    @Test
    void anUnclosedQuoteIsReportedWithItsLine() throws IOException {
        Path file = write("customers.csv", "full_name,notes\nIvan Petrov,x\n\"Olga Ivanova,y\n");
        ConvergenceException error = assertThrows(ConvergenceException.class, () -> readAll(file, List.of(), null, false));
        assertEquals(ErrorCategory.INVALID_INPUT, error.category());
        assertTrue(error.getMessage().contains("customers.csv:") && error.getMessage().contains("malformed CSV"), error.getMessage());
    }

    @Test
    void jsonLinesTakeFtmStyleAndFlatObjects() throws IOException {
        Path file = write("parties.jsonl", """
                {"id": "p1", "schema": "Person", "properties": {"name": ["Ivan Petrov"], "birthDate": "1961", "nationality": ["Russia"]}}

                {"full_name": "Li Wei", "dob": "1970-05-06", "ref": "p2"}
                {"properties": {"name": ["Harbin Institute of Technology"], "country": ["cn"]}}
                """);
        List<BatchRow> rows = readAll(file, List.of(), null, false);
        assertEquals(3, rows.size());
        assertEquals("p1", rows.get(0).reference());
        assertEquals(Map.of("name", List.of("Ivan Petrov"), "birthDate", List.of("1961"), "nationality", List.of("ru")), rows.get(0).query().properties());
        assertEquals("parties.jsonl row 2 (line 3)", rows.get(1).location());
        assertEquals("Person", rows.get(1).query().schema());
        assertEquals(Map.of("name", List.of("Li Wei"), "birthDate", List.of("1970-05-06")), rows.get(1).query().properties());
        assertEquals("p2", rows.get(1).reference());
        assertEquals("LegalEntity", rows.get(2).query().schema());
    }

    @Test
    void aMalformedJsonLineStopsTheReadNamingTheLineUnlessSkipped() throws IOException {
        Path file = write("parties.jsonl", "{\"name\": \"Ivan Petrov\"}\n{oops\n[1, 2]\n{\"name\": \"Olga Ivanova\"}\n");
        ConvergenceException error = assertThrows(ConvergenceException.class, () -> readAll(file, List.of(), null, false));
        assertEquals(ErrorCategory.INVALID_INPUT, error.category());
        assertTrue(error.getMessage().startsWith(file + ":2: malformed JSON") && error.getMessage().contains("--skip-invalid"), error.getMessage());

        List<BatchRow> rows = readAll(file, List.of(), null, true);
        assertEquals(4, rows.size());
        assertNotNull(rows.get(1).error());
        assertTrue(rows.get(1).error().startsWith("malformed JSON"), rows.get(1).error());
        assertEquals("expected a JSON object, found array", rows.get(2).error());
        assertEquals(List.of("Olga Ivanova"), rows.get(3).query().properties().get("name"));
    }

    @Test
    void aPerRowSchemaMustBeScreenable() throws IOException {
        Path file = write("parties.csv", "name,schema\nIvan Petrov,Person\nHarbin Institute of Technology,Company\nSu-35,Airplane\nX,Sanction\n");
        List<BatchRow> rows = readAll(file, List.of(), null, false);
        assertEquals(List.of("Person", "Company", "Airplane"), rows.subList(0, 3).stream().map(row -> row.query().schema()).toList());
        assertTrue(rows.get(3).error().startsWith("schema 'Sanction' is not screened"), rows.get(3).error());
    }

    @Test
    void theFormatComesFromTheNameOrIsAskedFor() {
        assertEquals(BatchInput.Format.CSV, BatchInput.Format.of(Path.of("a.CSV")));
        assertEquals(BatchInput.Format.JSONL, BatchInput.Format.of(Path.of("a.ndjson")));
        ConvergenceException error = assertThrows(ConvergenceException.class, () -> BatchInput.Format.of(Path.of("a.xlsx")));
        assertTrue(error.getMessage().contains("--format csv or --format jsonl"), error.getMessage());
        ConvergenceException missing = assertThrows(ConvergenceException.class,
                () -> BatchInput.open(folder.resolve("none.csv"), BatchInput.Format.CSV, List.of(), null, false, MODEL));
        assertEquals(ErrorCategory.NOT_FOUND, missing.category());
    }
}

package org.convergence.lists;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.convergence.ConvergenceException;
import org.convergence.InvalidRecordException;
import org.convergence.ingest.ImportProgress;
import org.convergence.ingest.ImportResult;
import org.convergence.lists.uk.UkSanctionsListReader;
import org.convergence.model.ConvergenceModel;
import org.convergence.model.Entity;
import org.convergence.store.H2StatementStore;
import org.convergence.store.StatementStore;
import org.convergence.testing.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The FCDO UK Sanctions List summary, as CSV and as ODS, read in place. */
class UkSanctionsListReaderTest {
    private static final String CSV = "lists/uk-ofsi/UK_Sanctions_List_summary_2025-08-11.csv";
    private static final String ODS = "lists/uk-ofsi/UK_Sanctions_List_summary_2025-08-11.ods";
    private static final String HEADER = "Unique ID,OFSI Group ID,Name,Regime Name,Type,Designation source,Date Designated,Sanctions Imposed\r\n";

    @TempDir
    Path folder;

    static List<Entity> read(Path file) {
        List<Entity> entities = new ArrayList<>();
        try (UkSanctionsListReader reader = new UkSanctionsListReader(file, "gb-fcdo", ConvergenceModel.standard())) {
            for (Entity entity; (entity = reader.next()) != null; ) {
                entities.add(entity);
            }
        }
        return entities;
    }

    private static Map<String, Entity> byId(List<Entity> entities) {
        return entities.stream().collect(Collectors.toMap(Entity::id, Function.identity()));
    }

    private static long count(List<Entity> entities, String schema) {
        return entities.stream().filter(entity -> entity.schema().getName().equals(schema)).count();
    }

    private static ImportResult importFile(StatementStore store, Path file) {
        return ListSource.GB_FCDO.importInto(store, file, ConvergenceModel.standard(), false, ImportProgress.NONE);
    }

    /** The Unique IDs of the raw CSV by a plain match: a record starts a line with its id (three letters, four digits). */
    private static List<String> rawIds(Path csv) throws IOException {
        return Files.readAllLines(csv).stream().filter(line -> line.matches("[A-Z]{3}\\d{4},.*")).map(line -> line.substring(0, 7)).toList();
    }

    /** How many records of the raw CSV have this Type, by a match of the fields that follow it (source, date). */
    private static long rawTypeCount(String text, String type) {
        return Pattern.compile("," + type + ",(?:UK|UN|UK\\|UN),\\d\\d-\\d\\d-\\d{4},").matcher(text).results().count();
    }

    @Test
    void csvGivesAPartyAndASanctionPerDesignationByTypeAsAPlainCountSays() throws IOException {
        Path csv = SharedData.require(CSV);
        List<String> ids = rawIds(csv);
        assertEquals(5_302, ids.size());
        assertEquals(ids.size(), ids.stream().distinct().count(), "Unique IDs are unique");
        List<Entity> entities = read(csv);
        assertEquals(2 * ids.size(), entities.size());
        assertEquals(ids.size(), count(entities, "Sanction"));
        String text = Files.readString(csv);
        assertEquals(rawTypeCount(text, "Individual"), count(entities, "Person"));
        assertEquals(rawTypeCount(text, "Entity"), count(entities, "Organization"));
        assertEquals(rawTypeCount(text, "Ship"), count(entities, "Vessel"));
        assertEquals(List.of(3_754L, 1_087L, 461L), List.of(count(entities, "Person"), count(entities, "Organization"), count(entities, "Vessel")));
    }

    @Test
    void odsAndCsvOfTheSameListGiveTheSameEntities() {
        Map<String, Entity> fromCsv = byId(read(SharedData.require(CSV)));
        Map<String, Entity> fromOds = byId(read(SharedData.require(ODS)));
        assertEquals(fromCsv.keySet(), fromOds.keySet());
        fromCsv.forEach((id, entity) -> {
            Entity other = fromOds.get(id);
            assertEquals(entity.schema().getName(), other.schema().getName(), id);
            assertEquals(entity.properties(), other.properties(), id);
        });
    }

    @Test
    void spotChecksOfKnownDesignations() {
        Map<String, Entity> entities = byId(read(SharedData.require(CSV)));

        Entity plant = entities.get("gb-fcdo-rus0261");
        assertEquals("Organization", plant.schema().getName());
        assertEquals(List.of("JSC 558 Aircraft Repair Plant"), plant.values("name"));
        assertEquals(List.of("sanction"), plant.values("topics"));
        assertTrue(plant.values("notes").containsAll(List.of("OFSI Group ID: 14201", "Designation source: UK")), plant.values("notes").toString());
        Entity sanction = entities.get("gb-fcdo-sanction-rus0261");
        assertEquals(List.of("gb-fcdo-rus0261"), sanction.values("entity"));
        assertEquals(List.of("Russia"), sanction.values("program"));
        assertEquals(List.of("2022-03-01"), sanction.values("listingDate"));
        assertEquals(List.of("RUS0261"), sanction.values("authorityId"));
        assertEquals(List.of(UkSanctionsListReader.AUTHORITY), sanction.values("authority"));
        assertEquals(List.of("gb"), sanction.values("country"));
        assertEquals(List.of("Asset freeze", "Director Disqualification Sanction", "Trust Services Sanctions"), sanction.values("provisions"));

        Entity akhund = entities.get("gb-fcdo-afg0006");
        assertEquals("Person", akhund.schema().getName());
        assertEquals(List.of("AKHUND MOHAMMAD HASSAN"), akhund.values("name"));
        assertTrue(akhund.values("notes").contains("Designation source: UN"));
        assertEquals(List.of("2001-01-25"), entities.get("gb-fcdo-sanction-afg0006").values("listingDate"));

        assertEquals("Vessel", entities.get("gb-fcdo-dpr0075").schema().getName());
        // "-, Asset freeze, ..." in the list: the placeholder is no measure.
        assertEquals(List.of("Asset freeze", "Director Disqualification Sanction", "Trust Services Sanctions"),
                entities.get("gb-fcdo-sanction-rus2534").values("provisions"));
    }

    @Test
    void aDesignationWithABlankNameIsKeptWithANote() {
        Entity blank = byId(read(SharedData.require(CSV))).get("gb-fcdo-bel0174");
        assertNull(blank.first("name"));
        assertTrue(blank.values("notes").contains("Name: blank in the list"));
    }

    @Test
    void importGivesTheNewestDesignationAsDataDateAndAReimportChangesNothing() {
        Path csv = SharedData.require(CSV);
        try (StatementStore store = new H2StatementStore(folder, ConvergenceModel.standard())) {
            ImportResult first = importFile(store, csv);
            assertEquals(2 * 5_302, first.version().entityCount());
            assertEquals("2025-07-23", first.version().dataDate());
            ImportResult again = importFile(store, csv);
            assertTrue(again.unchanged());
            assertEquals(1, store.versions("gb-fcdo").size());
        }
    }

    @Test
    void anImpossibleDesignationDateNamesTheRecordAndFieldAndNothingIsImported() throws IOException {
        Path file = Files.writeString(folder.resolve("bad-date.csv"), HEADER
                + "RUS0001,12944,Kiselyov Dmitry Konstantinovich,Russia,Individual,UK,31-12-2020,Asset freeze\r\n"
                + "RUS0002,12914,Klishas Andrei Aleksandrovich,Russia,Individual,UK,31-02-2024,Asset freeze\r\n");
        try (StatementStore store = new H2StatementStore(folder.resolve("store"), ConvergenceModel.standard())) {
            InvalidRecordException error = assertThrows(InvalidRecordException.class, () -> importFile(store, file));
            assertEquals("bad-date.csv:3 (RUS0002)", error.location());
            assertTrue(error.problem().contains("Date Designated") && error.problem().contains("31-02-2024"), error.getMessage());
            assertTrue(store.versions("gb-fcdo").isEmpty());
        }
    }

    @Test
    void aMissingColumnIsNamedAndNothingIsImported() throws IOException {
        Path file = Files.writeString(folder.resolve("no-regime.csv"),
                "Unique ID,OFSI Group ID,Name,Type,Designation source,Date Designated,Sanctions Imposed\r\n"
                        + "RUS0001,12944,Kiselyov Dmitry Konstantinovich,Individual,UK,31-12-2020,Asset freeze\r\n");
        try (StatementStore store = new H2StatementStore(folder.resolve("store"), ConvergenceModel.standard())) {
            ConvergenceException error = assertThrows(ConvergenceException.class, () -> importFile(store, file));
            assertTrue(error.getMessage().startsWith("no-regime.csv:1: the header lacks the column Regime Name"), error.getMessage());
            assertTrue(store.versions("gb-fcdo").isEmpty());
        }
    }

    @Test
    void aTruncatedOdsIsReportedAndNothingIsImported() throws IOException {
        byte[] ods = Files.readAllBytes(SharedData.require(ODS));
        Path truncated = Files.write(folder.resolve("truncated.ods"), Arrays.copyOf(ods, ods.length / 2));
        try (StatementStore store = new H2StatementStore(folder.resolve("store"), ConvergenceModel.standard())) {
            ConvergenceException error = assertThrows(ConvergenceException.class, () -> importFile(store, truncated));
            assertTrue(error.getMessage().startsWith("truncated.ods: not a readable zip archive") && error.getMessage().contains("truncated?"),
                    error.getMessage());
            assertTrue(store.versions("gb-fcdo").isEmpty());
        }
    }

    @Test
    void aFileOfAnotherListIsRejectedByItsHeader() {
        Path dpl = SharedData.require("lists/us-trade-csl/dpl_2022-09.txt");
        ConvergenceException error = assertThrows(ConvergenceException.class, () -> read(dpl));
        assertTrue(error.getMessage().startsWith("dpl_2022-09.txt:1: the header lacks the columns Unique ID, OFSI Group ID"), error.getMessage());
        assertTrue(error.getMessage().contains("expected the header of the FCDO UK Sanctions List summary"), error.getMessage());
    }

    @Test
    void aFileNamedOdsThatIsNoZipIsNotReadAsCsv() throws IOException {
        Path file = Files.writeString(folder.resolve("list.ods"), HEADER);
        ConvergenceException error = assertThrows(ConvergenceException.class, () -> read(file));
        assertTrue(error.getMessage().startsWith("list.ods: named .ods but not a zip archive"), error.getMessage());
    }

    @Test
    void aRepeatedUniqueIdWithOtherValuesIsAnInvalidRecordAndAnExactRepeatIsReadOnce() throws IOException {
        String row = "RUS0001,12944,Kiselyov Dmitry Konstantinovich,Russia,Individual,UK,31-12-2020,Asset freeze\r\n";
        Path repeated = Files.writeString(folder.resolve("repeated.csv"), HEADER + row + row);
        assertEquals(2, read(repeated).size());
        Path conflicting = Files.writeString(folder.resolve("conflicting.csv"), HEADER + row + row.replace("Russia", "Belarus"));
        InvalidRecordException error = assertThrows(InvalidRecordException.class, () -> read(conflicting));
        assertEquals("conflicting.csv:3 (RUS0001)", error.location());
        assertTrue(error.problem().startsWith("the same Unique ID as conflicting.csv:2 (RUS0001), with other values"), error.problem());
    }
}

package org.convergence.lists;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.convergence.ConvergenceException;
import org.convergence.InvalidRecordException;
import org.convergence.ingest.ImportProgress;
import org.convergence.ingest.ImportResult;
import org.convergence.lists.us.DeniedPersonsListReader;
import org.convergence.model.ConvergenceModel;
import org.convergence.model.Entity;
import org.convergence.store.H2StatementStore;
import org.convergence.store.StatementStore;
import org.convergence.testing.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The BIS Denied Persons List (tab-separated dpl.txt of 2022-09), read in place. */
class DeniedPersonsListReaderTest {
    private static final String DPL = "lists/us-trade-csl/dpl_2022-09.txt";
    private static final String HEADER = "\"Name\"\t\"Street_Address\"\t\"City\"\t\"State\"\t\"Country\"\t\"Postal_Code\"\t\"Effective_Date\"\t"
            + "\"Expiration_Date\"\t\"Standard_Order\"\t\"Last_Update\"\t\"Action\"\t\"FR_Citation\"\n";

    @TempDir
    Path folder;

    private record Read(List<Entity> entities, int records, int repeated, String dataDate) {}

    private static Read read(Path file) {
        List<Entity> entities = new ArrayList<>();
        try (DeniedPersonsListReader reader = new DeniedPersonsListReader(file, "us-bis-dpl", ConvergenceModel.standard())) {
            for (Entity entity; (entity = reader.next()) != null; ) {
                entities.add(entity);
            }
            return new Read(entities, reader.records(), reader.repeatedRows(), reader.dataDate());
        }
    }

    private static Map<String, Entity> byId(List<Entity> entities) {
        return entities.stream().collect(Collectors.toMap(Entity::id, Function.identity()));
    }

    private static List<Entity> named(List<Entity> entities, String name) {
        return entities.stream().filter(entity -> name.equals(entity.first("name"))).toList();
    }

    private static Entity sanctionOf(List<Entity> entities, Entity party) {
        return byId(entities).get(party.id().replace("us-bis-dpl-", "us-bis-dpl-sanction-"));
    }

    private static ImportResult importFile(StatementStore store, Path file) {
        return ListSource.US_BIS_DPL.importInto(store, file, ConvergenceModel.standard(), false, ImportProgress.NONE);
    }

    @Test
    void everyDistinctRowGivesALegalEntityAndASanctionAndWordForWordRepeatsAreReadOnce() throws IOException {
        Path file = SharedData.require(DPL);
        // No field of this file holds a line break, so the lines after the header are its rows.
        List<String> rows = Files.readAllLines(file).subList(1, 582);
        int distinct = new HashSet<>(rows).size();
        assertEquals(581, rows.size());
        assertEquals(579, distinct, "DAQING ZHOU and NEI-CHIEN CHU are each listed twice, word for word");
        Read read = read(file);
        assertEquals(581, read.records());
        assertEquals(581 - distinct, read.repeated());
        assertEquals(2 * distinct, read.entities().size());
        assertEquals(distinct, read.entities().stream().filter(entity -> entity.schema().getName().equals("LegalEntity")).count());
        assertEquals(distinct, read.entities().stream().filter(entity -> entity.schema().getName().equals("Sanction")).count());
        assertEquals("2022-09-02", read.dataDate(), "the newest plausible Last_Update (2922-09-01 and 3017-08-22 are typos)");
    }

    @Test
    void spotCheckOfADenialWithItsDatesAddressAndNotice() {
        List<Entity> entities = read(SharedData.require(DPL)).entities();
        Entity villa = named(entities, "AARON ABRAHAM VILLA").getFirst();
        assertTrue(villa.id().matches("us-bis-dpl-[0-9a-f]{40}"), villa.id());
        assertEquals(List.of("3415 RIVERA AVENUE, EL PASO, TX, 79905"), villa.values("address"));
        assertEquals(List.of("2022-08-29"), villa.values("modifiedAt"));
        assertTrue(villa.values("notes").contains("Action: F.R. NOTICE ADDED"));
        Entity sanction = sanctionOf(entities, villa);
        assertEquals(List.of(villa.id()), sanction.values("entity"));
        assertEquals(List.of("2022-08-24"), sanction.values("startDate"));
        assertEquals(List.of("2026-01-14"), sanction.values("endDate"));
        assertEquals(List.of("87 F.R. 52741 8/29/2022"), sanction.values("authorityId"));
        assertEquals(List.of(DeniedPersonsListReader.PROGRAM), sanction.values("program"));
        assertEquals(List.of(DeniedPersonsListReader.AUTHORITY), sanction.values("authority"));
        assertEquals(List.of("us"), sanction.values("country"));
        assertEquals(List.of("Standard order: Y"), sanction.values("provisions"));

        Entity sun = named(entities, "FUYI SUN A/K/A FRANK SUN").getFirst();
        assertEquals(List.of("FUYI SUN", "FRANK SUN"), sun.values("alias"));
        assertEquals(4, named(entities, "MANSOUR ZADEH").size(), "one party per address, as the list writes it");
    }

    @Test
    void aLastUpdateWithAnImpossibleYearIsKeptInNotesAndTheRecordImports() {
        List<Entity> entities = read(SharedData.require(DPL)).entities();
        Entity knokke = named(entities, "KNOKKE-HEIST SUPPORT CORPORATION MANAGEMENT").stream()
                .filter(entity -> entity.first("address").startsWith("NYCKEESSTRAAT 4")).findFirst().orElseThrow();
        assertEquals(List.of(), knokke.values("modifiedAt"));
        assertTrue(knokke.values("notes").contains("modifiedAt: 2922-09-01 (not a plausible date; kept as written)"), knokke.values("notes").toString());
        assertEquals(List.of("be"), knokke.values("country"));
        assertEquals(List.of("2022-08-29"), sanctionOf(entities, knokke).values("startDate"));
        Entity zadeh = named(entities, "MANSOUR ZADEH").stream().filter(entity -> entity.first("address").startsWith("STROVOLOU 77")).findFirst().orElseThrow();
        assertTrue(zadeh.values("notes").contains("modifiedAt: 3017-08-22 (not a plausible date; kept as written)"));
    }

    @Test
    void aCountryThatIsNoCountryCodeGoesToNotes() {
        List<Entity> entities = read(SharedData.require(DPL)).entities();
        Entity smith = named(entities, "STEPHEN EDWARD SMITH").getFirst();
        assertEquals(List.of(), smith.values("country"));
        assertTrue(smith.values("notes").contains("Country: NM"), "NM is New Mexico in the Country column");
        assertEquals(List.of("cn"), named(entities, "JOHNSON HU").getFirst().values("country"), "Country PRC");
    }

    @Test
    void importAndReimportOfTheSameFileGiveOneVersion() {
        Path file = SharedData.require(DPL);
        try (StatementStore store = new H2StatementStore(folder, ConvergenceModel.standard())) {
            ImportResult first = importFile(store, file);
            assertEquals(2 * 579, first.version().entityCount());
            assertEquals("2022-09-02", first.version().dataDate());
            assertTrue(importFile(store, file).unchanged());
            assertEquals(1, store.versions("us-bis-dpl").size());
        }
    }

    @Test
    void thePartyAtTheSameAddressUnderTwoOrdersGetsTwoListings() throws IOException {
        String order = "\"JOHN DOE\"\t\"1 MAIN STREET\"\t\"EL PASO\"\t\"TX\"\t\"US\"\t\"79905\"\t\"%s\"\t\"01/14/2026\"\t\"Y\"\t\"2022-08-29\"\t\"F.R. NOTICE ADDED\"\t\"%s\"\n";
        Path file = Files.writeString(folder.resolve("two-orders.txt"),
                HEADER + order.formatted("08/24/2022", "87 F.R. 52741 8/29/2022") + order.formatted("09/01/2022", "87 F.R. 60000 9/5/2022"));
        List<Entity> entities = read(file).entities();
        assertEquals(4, entities.size());
        assertNotEquals(entities.get(0).id(), entities.get(2).id());
    }

    @Test
    void anImpossibleEffectiveDateNamesTheLineAndFieldAndNothingIsImported() throws IOException {
        String text = Files.readString(SharedData.require(DPL)).replace("\"08/24/2022\"", "\"02/30/2022\"");
        Path file = Files.writeString(folder.resolve("bad-date.txt"), text);
        try (StatementStore store = new H2StatementStore(folder.resolve("store"), ConvergenceModel.standard())) {
            InvalidRecordException error = assertThrows(InvalidRecordException.class, () -> importFile(store, file));
            assertEquals("bad-date.txt:3 (AARON ABRAHAM VILLA)", error.location());
            assertEquals("Effective_Date: '02/30/2022' is not a date in the form MM/dd/yyyy", error.problem());
            assertTrue(store.versions("us-bis-dpl").isEmpty());
        }
    }

    @Test
    void aTruncatedFileIsReportedWithTheLineOfTheOpenQuote() throws IOException {
        String text = Files.readString(SharedData.require(DPL));
        Path file = Files.writeString(folder.resolve("truncated.txt"), text.substring(0, text.indexOf("SEAGOVILLE")));
        ConvergenceException error = assertThrows(ConvergenceException.class, () -> read(file));
        assertTrue(error.getMessage().startsWith("truncated.txt:2: a quoted field"), error.getMessage());
    }

    @Test
    void textThatIsNotUtf8IsReportedWithItsLine() throws IOException {
        byte[] latin1 = (HEADER + "\"JOS\u00c9 GARC\u00cdA\"\t\"\"\t\"\"\t\"\"\t\"MX\"\t\"\"\t\"08/24/2022\"\t\"\"\t\"Y\"\t\"2022-08-29\"\t\"\"\t\"\"\n")
                .getBytes(StandardCharsets.ISO_8859_1);
        Path file = Files.write(folder.resolve("latin1.txt"), latin1);
        ConvergenceException error = assertThrows(ConvergenceException.class, () -> read(file));
        assertTrue(error.getMessage().startsWith("latin1.txt:2: not UTF-8 text"), error.getMessage());
    }

    @Test
    void missingColumnsAndFilesOfAnotherListAreRejectedByTheHeader() throws IOException {
        Path file = Files.writeString(folder.resolve("no-dates.txt"), HEADER.replace("\"Effective_Date\"\t\"Expiration_Date\"\t", ""));
        ConvergenceException error = assertThrows(ConvergenceException.class, () -> read(file));
        assertTrue(error.getMessage().startsWith("no-dates.txt:1: the header lacks the columns Effective_Date, Expiration_Date"), error.getMessage());

        Path csl = SharedData.require("lists/us-trade-csl/consolidated_sample_2025-06.csv");
        try (StatementStore store = new H2StatementStore(folder.resolve("store"), ConvergenceModel.standard())) {
            ConvergenceException other = assertThrows(ConvergenceException.class, () -> importFile(store, csl));
            assertTrue(other.getMessage().startsWith("consolidated_sample_2025-06.csv:1: the header lacks the columns Name, Street_Address"),
                    other.getMessage());
            assertTrue(other.getMessage().contains("expected the header of the BIS Denied Persons List"), other.getMessage());
            assertTrue(store.versions("us-bis-dpl").isEmpty());
        }
    }
}

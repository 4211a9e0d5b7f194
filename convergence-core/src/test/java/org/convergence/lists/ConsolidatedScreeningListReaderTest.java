package org.convergence.lists;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.convergence.ConvergenceException;
import org.convergence.InvalidRecordException;
import org.convergence.ingest.ImportProgress;
import org.convergence.ingest.ImportResult;
import org.convergence.lists.us.ConsolidatedScreeningListReader;
import org.convergence.model.ConvergenceModel;
import org.convergence.model.Entity;
import org.convergence.model.Statement;
import org.convergence.store.H2StatementStore;
import org.convergence.store.StatementStore;
import org.convergence.testing.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The US Consolidated Screening List CSV, both headers (2019 without _id, 2025 with it), read in place. */
class ConsolidatedScreeningListReaderTest {
    private static final String OLD = "lists/us-trade-csl/csl_sample_2019-12.csv";
    private static final String CURRENT = "lists/us-trade-csl/consolidated_sample_2025-06.csv";

    @TempDir
    Path folder;

    static List<Entity> read(Path file) {
        List<Entity> entities = new ArrayList<>();
        try (ConsolidatedScreeningListReader reader = new ConsolidatedScreeningListReader(file, "us-csl", ConvergenceModel.standard())) {
            for (Entity entity; (entity = reader.next()) != null; ) {
                entities.add(entity);
            }
        }
        return entities;
    }

    private static Map<String, Entity> byId(List<Entity> entities) {
        return entities.stream().collect(Collectors.toMap(Entity::id, Function.identity()));
    }

    private static Entity named(List<Entity> entities, String name) {
        return entities.stream().filter(entity -> name.equals(entity.first("name"))).findFirst().orElseThrow(() -> new AssertionError(name));
    }

    private static long count(List<Entity> entities, String schema) {
        return entities.stream().filter(entity -> entity.schema().getName().equals(schema)).count();
    }

    private static ImportResult importFile(StatementStore store, Path file) {
        return ListSource.US_CSL.importInto(store, file, ConvergenceModel.standard(), false, ImportProgress.NONE);
    }

    /** Data lines of the raw file: neither sample has a line break inside a cell, so a line is a row. */
    private static long rawRows(Path file) throws IOException {
        return Files.readAllLines(file).stream().skip(1).filter(line -> !line.isBlank()).count();
    }

    @Test
    void olderHeaderGivesAPartyAndASanctionPerRowWithTheSchemaOfItsType() throws IOException {
        Path file = SharedData.require(OLD);
        List<Entity> entities = read(file);
        assertEquals(115, rawRows(file));
        assertEquals(2 * 115, entities.size());
        assertEquals(115, count(entities, "Sanction"));
        // Type column: Individual 20, Entity 46, Vessel 2, blank 47 (the BIS and State lists give none).
        assertEquals(List.of(20L, 46L, 2L, 47L),
                List.of(count(entities, "Person"), count(entities, "Organization"), count(entities, "Vessel"), count(entities, "LegalEntity")));
        assertEquals(22, entities.stream().filter(entity -> "Entity List (EL)".equals(entity.first("program"))).count());
    }

    @Test
    void currentHeaderWithIdIsReadByColumnName() throws IOException {
        Path file = SharedData.require(CURRENT);
        List<Entity> entities = read(file);
        assertEquals(13, rawRows(file));
        assertEquals(2 * 13, entities.size());
        assertEquals(10, entities.stream().filter(entity -> entity.schema().getName().equals("Sanction"))
                .map(entity -> entity.first("program")).distinct().count(), "one row per source list but SSI (3) and PLC (2)");
    }

    @Test
    void entityListEntryKeepsItsAddressesAliasesLicenceTermsAndNotices() {
        List<Entity> entities = read(SharedData.require(CURRENT));
        Map<String, Entity> byId = byId(entities);
        Entity cetc = byId.get("us-csl-99ed1b052fdb09695fae1ba87516d8a0882b0df04652e07aeb5ce7be");
        assertEquals("LegalEntity", cetc.schema().getName(), "a blank type is not guessed");
        assertEquals(List.of("China Electronics Technology Group Corporation 13th Research Institute (CETC 13)"), cetc.values("name"));
        assertEquals(List.of("Hebei Semiconductor Research Institute", "HSRI", "Hebei Institute of Semiconductors", "Hebei Semiconductor Institute",
                "Hebei Semiconductor", "CETC Research Institute 13"), cetc.values("alias"));
        Statement last = cetc.statements().stream().filter(s -> s.value().equals("CETC Research Institute 13")).findFirst().orElseThrow();
        assertEquals("and CETC Research Institute 13", last.originalValue());
        assertEquals(List.of("113 Hezuo Road, Shijiazhuang, Hebei, China", "21 Changsheng Street, Shijiazhuang, Hebei, China",
                "21 Changsheng Road, Shijiazhuang, Hebei, China, Shijiazhuang, Hebei Province, CN"), cetc.values("address"));
        assertEquals(List.of("cn"), cetc.values("country"));

        Entity sanction = byId.get("us-csl-sanction-99ed1b052fdb09695fae1ba87516d8a0882b0df04652e07aeb5ce7be");
        assertEquals(List.of("Entity List (EL)"), sanction.values("program"));
        assertEquals(List.of("Bureau of Industry and Security"), sanction.values("authority"));
        assertEquals(List.of("83 FR 37423", "87 FR 77505"), sanction.values("authorityId"));
        assertEquals(List.of("2018-08-01"), sanction.values("startDate"));
        assertEquals(2, sanction.values("provisions").size());
        assertTrue(sanction.values("provisions").getFirst().startsWith("For all items subject to the EAR."));
        assertTrue(sanction.values("provisions").getLast().startsWith("Policy of denial for all items subject to the EAR"));
    }

    @Test
    void olderEntityListEntryWithoutAnyIdGetsADeterministicHashId() {
        List<Entity> first = read(SharedData.require(OLD));
        Entity aviation = named(first, "3K Aviation Consulting and Logistics");
        assertTrue(aviation.id().matches("us-csl-[0-9a-f]{40}"), aviation.id());
        assertEquals(aviation.id(), named(read(SharedData.require(OLD)), "3K Aviation Consulting and Logistics").id(), "same file, same id");
        assertEquals(List.of("3K Havacilik ve Danismanlik SAN. TIC. LTD. ST."), aviation.values("alias"));
        assertEquals(List.of("Biniciler Apt. Savas Cad. No. 18/5, Sirinyali Mah. 07160, Antalya, TR",
                "Sonmez Apt. No. 4/5 1523 Sokak, Sirinyali Mah. 07160, Antalya, TR"), aviation.values("address"));
        assertEquals(List.of("tr"), aviation.values("country"));
        Entity sanction = byId(first).get(aviation.id().replace("us-csl-", "us-csl-sanction-"));
        assertEquals(List.of("83 FR 44824"), sanction.values("authorityId"));
        assertEquals(List.of("2018-09-04"), sanction.values("startDate"));
    }

    @Test
    void treasuryRowsKeepTheirEntityNumberAsIdAcrossBothHeaders() {
        Entity old = byId(read(SharedData.require(OLD))).get("us-csl-9673");
        Entity current = byId(read(SharedData.require(CURRENT))).get("us-csl-9673");
        assertEquals(List.of("ABU JHEISHEH, Mohammed"), old.values("name"));
        assertEquals(List.of("Mohammed ABU JHEISHEH"), current.values("name"));
        assertEquals(List.of("1955"), current.values("birthDate"));
        assertEquals(List.of("Izna, Hebron"), current.values("birthPlace"));
    }

    @Test
    void identifiersGoToTypedPropertiesInBothLayoutsOfTheIdsColumn() {
        Entity rim = byId(read(SharedData.require(CURRENT))).get("us-csl-52291");
        assertEquals("Person", rim.schema().getName());
        assertEquals(List.of("836238033"), rim.values("passportNumber"));
        assertEquals(List.of("male"), rim.values("gender"));
        assertEquals(List.of("kp"), rim.values("nationality"));
        assertEquals(List.of("1978-12-05"), rim.values("birthDate"));
        assertEquals(List.of("cn", "kp"), rim.values("country"));
        assertTrue(rim.values("notes").stream().anyMatch(note -> note.startsWith("ids: Secondary sanctions risk:")));

        Map<String, Entity> old = byId(read(SharedData.require(OLD)));
        assertEquals(List.of("80-0890696"), old.get("us-csl-20264").values("taxNumber"), "'US, 80-0890696, Tax ID No.'");
        Entity tanker = old.get("us-csl-27304");
        assertEquals("Vessel", tanker.schema().getName());
        assertEquals(List.of("9116412"), tanker.values("imoNumber"));
        assertEquals(List.of("ir"), tanker.values("flag"));
        assertEquals(List.of("Crude Oil Tanker"), tanker.values("type"));
        assertTrue(tanker.values("notes").contains("ids: Panama, Former Vessel Flag"));
    }

    @Test
    void importGivesTheNewestStartDateAsDataDateAndAReimportChangesNothing() {
        Path file = SharedData.require(OLD);
        try (StatementStore store = new H2StatementStore(folder, ConvergenceModel.standard())) {
            ImportResult first = importFile(store, file);
            assertEquals(230, first.version().entityCount());
            assertEquals("2019-08-13", first.version().dataDate());
            assertTrue(importFile(store, file).unchanged());
            assertEquals(1, store.versions("us-csl").size());
        }
    }

    @Test
    void missingColumnsAreListedAndNothingIsImported() throws IOException {
        String text = Files.readString(SharedData.require(CURRENT)).replaceFirst(",addresses,", ",").replaceFirst(",ids\n", "\n");
        Path file = Files.writeString(folder.resolve("no-addresses.csv"), text);
        try (StatementStore store = new H2StatementStore(folder.resolve("store"), ConvergenceModel.standard())) {
            ConvergenceException error = assertThrows(ConvergenceException.class, () -> importFile(store, file));
            assertTrue(error.getMessage().startsWith("no-addresses.csv:1: the header lacks the columns addresses, ids"), error.getMessage());
            assertTrue(store.versions("us-csl").isEmpty());
        }
    }

    @Test
    void aTruncatedFileEndingInsideAQuotedFieldNamesTheLine() throws IOException {
        String text = Files.readString(SharedData.require(CURRENT));
        Path file = Files.writeString(folder.resolve("truncated.csv"), text.substring(0, text.indexOf("Hezuo Road")));
        try (StatementStore store = new H2StatementStore(folder.resolve("store"), ConvergenceModel.standard())) {
            ConvergenceException error = assertThrows(ConvergenceException.class, () -> importFile(store, file));
            assertTrue(error.getMessage().startsWith("truncated.csv:13: a quoted field") && error.getMessage().contains("truncated?"), error.getMessage());
            assertTrue(store.versions("us-csl").isEmpty());
        }
    }

    @Test
    void aFileOfAnotherListIsRejectedByItsHeader() {
        Path uk = SharedData.require("lists/uk-ofsi/UK_Sanctions_List_summary_2025-08-11.csv");
        ConvergenceException error = assertThrows(ConvergenceException.class, () -> read(uk));
        assertTrue(error.getMessage().startsWith("UK_Sanctions_List_summary_2025-08-11.csv:1: the header lacks the columns source, entity_number"),
                error.getMessage());
    }

    @Test
    void anImpossibleStartDateNamesTheRowAndField() throws IOException {
        String text = Files.readString(SharedData.require(CURRENT)).replace("\"2018-08-01\"", "\"2018-02-30\"");
        Path file = Files.writeString(folder.resolve("bad-date.csv"), text);
        try (StatementStore store = new H2StatementStore(folder.resolve("store"), ConvergenceModel.standard())) {
            InvalidRecordException error = assertThrows(InvalidRecordException.class, () -> importFile(store, file));
            assertTrue(error.location().startsWith("bad-date.csv:13 (China Electronics Technology Group"), error.location());
            assertTrue(error.problem().startsWith("start_date: '2018-02-30' is not a date"), error.problem());
            assertTrue(store.versions("us-csl").isEmpty());
        }
    }

    @Test
    void aRowWithAMissingSeparatorIsAnInvalidRecord() throws IOException {
        String text = Files.readString(SharedData.require(CURRENT)).replace("\"Atlas Sanatgaran\",\"\",", "\"Atlas Sanatgaran\",");
        Path file = Files.writeString(folder.resolve("short-row.csv"), text);
        InvalidRecordException error = assertThrows(InvalidRecordException.class, () -> read(file));
        assertEquals("short-row.csv:3", error.location());
        assertTrue(error.problem().startsWith("28 cells, expected 29 as in the header"), error.problem());
    }
}

package org.convergence.lists;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.convergence.ConvergenceException;
import org.convergence.ingest.ImportProgress;
import org.convergence.ingest.ImportResult;
import org.convergence.ingest.InvalidRecordException;
import org.convergence.lists.un.UnConsolidatedXmlReader;
import org.convergence.model.ConvergenceModel;
import org.convergence.model.Entity;
import org.convergence.store.H2StatementStore;
import org.convergence.store.StatementStore;
import org.convergence.testing.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The UN Security Council consolidated list, two versions, read in place and diffed against a count of the raw XML. */
class UnConsolidatedXmlReaderTest {
    private static final String OLDER = "lists/un-sc/un_consolidated_2025-10-09.xml";
    private static final String NEWER = "lists/un-sc/un_consolidated_2026-02-27.xml";
    private static final Pattern RECORD = Pattern.compile("<(INDIVIDUAL|ENTITY)>(.*?)</\\1>", Pattern.DOTALL);

    @TempDir
    Path folder;

    private static List<Entity> read(Path file) {
        List<Entity> entities = new ArrayList<>();
        try (UnConsolidatedXmlReader reader = new UnConsolidatedXmlReader(file, "un-sc", ConvergenceModel.standard())) {
            for (Entity entity; (entity = reader.next()) != null; ) {
                entities.add(entity);
            }
        }
        return entities;
    }

    /** DATAID to the record's raw text (whitespace collapsed), by regular expression over the file. */
    private static Map<String, String> rawRecords(Path file) throws IOException {
        Map<String, String> records = new HashMap<>();
        Matcher matcher = RECORD.matcher(Files.readString(file));
        while (matcher.find()) {
            Matcher id = Pattern.compile("<DATAID>(\\d+)</DATAID>").matcher(matcher.group(2));
            assertTrue(id.find());
            records.put(id.group(1), matcher.group(2).replaceAll("\\s+", " "));
        }
        return records;
    }

    @Test
    void everyIndividualAndEntityIsReadWithItsSanction() throws IOException {
        for (String snapshot : List.of(OLDER, NEWER)) {
            Path file = SharedData.require(snapshot);
            String xml = Files.readString(file);
            long individuals = Pattern.compile("<INDIVIDUAL>").matcher(xml).results().count();
            long organisations = Pattern.compile("<ENTITY>").matcher(xml).results().count();
            List<Entity> entities = read(file);
            assertEquals(individuals, entities.stream().filter(e -> e.schema().getName().equals("Person")).count(), snapshot);
            assertEquals(organisations, entities.stream().filter(e -> e.schema().getName().equals("Organization")).count(), snapshot);
            assertEquals(individuals + organisations, entities.stream().filter(e -> e.schema().getName().equals("Sanction")).count());
        }
        assertEquals(2 * (730 + 273), read(SharedData.require(NEWER)).size());
        assertEquals(2 * (727 + 273), read(SharedData.require(OLDER)).size());
    }

    @Test
    void aDprkIndividualHasDateOfBirthAliasesPassportAndListing() {
        Map<String, Entity> entities = read(SharedData.require(NEWER)).stream().collect(Collectors.toMap(Entity::id, e -> e));
        Entity paek = entities.get("un-sc-690747");
        assertEquals(List.of("PAEK CHANG-HO"), paek.values("name"));
        assertEquals(List.of("Pak Chang-Ho", "Paek Ch'ang-Ho"), paek.values("alias"));
        assertEquals(List.of("1964-06-18"), paek.values("birthDate"));
        assertEquals(List.of("kp"), paek.values("nationality"));
        assertEquals(List.of("Kaesong, Democratic People's Republic of Korea"), paek.values("birthPlace"));
        assertEquals(List.of("381420754"), paek.values("passportNumber"));
        Entity sanction = entities.get("un-sc-sanction-690747");
        assertEquals(List.of("DPRK"), sanction.values("program"));
        assertEquals(List.of("KPi.006"), sanction.values("authorityId"));
        assertEquals(List.of("2013-01-22"), sanction.values("listingDate"));
        assertEquals(List.of(UnConsolidatedXmlReader.AUTHORITY), sanction.values("authority"));
    }

    @Test
    void entityAliasesKeepTheirQuality() {
        Map<String, Entity> entities = read(SharedData.require(NEWER)).stream().collect(Collectors.toMap(Entity::id, e -> e));
        Entity adf = entities.get("un-sc-6908402");
        assertEquals("Organization", adf.schema().getName());
        assertEquals(List.of("Allied Democratic Forces"), adf.values("alias"));
        assertTrue(adf.values("previousName").containsAll(List.of("ADF/NALU", "NALU")));
        assertEquals(List.of("cd"), adf.values("country"));
    }

    @Test
    void datesWithATimeZoneAreReadAsDates() {
        Entity sanction = read(SharedData.require(OLDER)).stream()
                .filter(e -> e.schema().getName().equals("Sanction") && e.first("listingDate") != null && e.first("listingDate").equals("2015-04-07"))
                .findFirst().orElseThrow();
        assertEquals("2015-04-07", sanction.first("listingDate"));
    }

    @Test
    void diffBetweenTheTwoVersionsMatchesAnIndependentCountOfTheRawRecords() throws IOException {
        Map<String, String> older = rawRecords(SharedData.require(OLDER));
        Map<String, String> newer = rawRecords(SharedData.require(NEWER));
        Set<String> added = new TreeSet<>(newer.keySet());
        added.removeAll(older.keySet());
        Set<String> removed = new TreeSet<>(older.keySet());
        removed.removeAll(newer.keySet());
        Set<String> changed = newer.keySet().stream().filter(older::containsKey).filter(id -> !older.get(id).equals(newer.get(id)))
                .collect(Collectors.toCollection(TreeSet::new));
        try (StatementStore store = new H2StatementStore(folder, ConvergenceModel.standard())) {
            ImportResult first = ListSource.UN_SC.importInto(store, SharedData.require(OLDER), ConvergenceModel.standard(), false, ImportProgress.NONE);
            ImportResult second = ListSource.UN_SC.importInto(store, SharedData.require(NEWER), ConvergenceModel.standard(), false, ImportProgress.NONE);
            assertEquals("2025-10-09", first.version().dataDate());
            assertEquals("2026-02-27", second.version().dataDate());
            ListDiff.Result diff = ListDiff.between(store, first.version(), second.version());
            assertEquals(2 * added.size(), diff.added().size(), "a person or organisation and its sanction per new record");
            assertEquals(2 * removed.size(), diff.removed().size());
            Set<String> changedRecords = diff.changed().stream().map(change -> change.id().replace("un-sc-sanction-", "").replace("un-sc-", ""))
                    .collect(Collectors.toCollection(TreeSet::new));
            assertEquals(changed, changedRecords, "the records whose XML differs are the records whose entities changed");
            assertEquals(List.of(6, 3, 3), List.of(added.size(), removed.size(), changed.size()));
            ImportResult again = ListSource.UN_SC.importInto(store, SharedData.require(NEWER), ConvergenceModel.standard(), false, ImportProgress.NONE);
            assertTrue(again.unchanged());
        }
    }

    @Test
    void truncatedOrForeignFilesFailWithTheFileAndNothingIsImported() throws IOException {
        String xml = Files.readString(SharedData.require(NEWER));
        Path truncated = Files.writeString(folder.resolve("truncated.xml"), xml.substring(0, xml.length() / 3));
        Path foreign = Files.writeString(folder.resolve("sema.xml"), "<?xml version=\"1.0\"?><data-set><record/></data-set>");
        try (StatementStore store = new H2StatementStore(folder.resolve("store"), ConvergenceModel.standard())) {
            ConvergenceException cut = assertThrows(ConvergenceException.class,
                    () -> ListSource.UN_SC.importInto(store, truncated, ConvergenceModel.standard(), false, ImportProgress.NONE));
            assertTrue(cut.getMessage().contains("truncated.xml"), cut.getMessage());
            ConvergenceException other = assertThrows(ConvergenceException.class,
                    () -> ListSource.UN_SC.importInto(store, foreign, ConvergenceModel.standard(), false, ImportProgress.NONE));
            assertTrue(other.getMessage().contains("expected <CONSOLIDATED_LIST>"), other.getMessage());
            assertTrue(store.versions("un-sc").isEmpty());
        }
    }

    @Test
    void anImpossibleDateNamesTheRecordAndTheField() throws IOException {
        Path bad = Files.writeString(folder.resolve("bad-date.xml"), """
                <?xml version="1.0" encoding="UTF-8"?>
                <CONSOLIDATED_LIST dateGenerated="2026-02-27T00:00:09.554Z"><INDIVIDUALS><INDIVIDUAL>
                <DATAID>1</DATAID><FIRST_NAME>A</FIRST_NAME><UN_LIST_TYPE>DPRK</UN_LIST_TYPE><LISTED_ON>2013-02-30</LISTED_ON>
                </INDIVIDUAL></INDIVIDUALS></CONSOLIDATED_LIST>
                """.strip());
        InvalidRecordException error = assertThrows(InvalidRecordException.class, () -> read(bad));
        assertTrue(error.location().startsWith("bad-date.xml:") && error.location().endsWith("record 1"), error.location());
        assertTrue(error.problem().contains("listingDate") && error.problem().contains("2013-02-30"), error.problem());
    }
}

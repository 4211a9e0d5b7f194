package org.convergence.lists;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.convergence.ConvergenceException;
import org.convergence.InvalidRecordException;
import org.convergence.ingest.ImportProgress;
import org.convergence.ingest.ImportResult;
import org.convergence.lists.un.UnConsolidatedXmlReader;
import org.convergence.model.ConvergenceModel;
import org.convergence.model.Entity;
import org.convergence.store.H2StatementStore;
import org.convergence.store.StatementStore;
import org.convergence.testing.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The UN Security Council consolidated list, two snapshots read in place: counts and the diff between
 * them checked against a count of the raw XML, spot checks of known records, and bad input.
 */
class UnConsolidatedXmlReaderTest {
    private static final String OLD = "lists/un-sc/un_consolidated_2025-10-09.xml";
    private static final String NEW = "lists/un-sc/un_consolidated_2026-02-27.xml";
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

    private static Map<String, Entity> byId(List<Entity> entities) {
        Map<String, Entity> map = new HashMap<>();
        entities.forEach(entity -> map.put(entity.id(), entity));
        return map;
    }

    private static ImportResult importFile(StatementStore store, Path file) {
        return ListSource.UN_SC.importInto(store, file, ConvergenceModel.standard(), false, ImportProgress.NONE);
    }

    /** DATAID to the record's raw text with whitespace collapsed, by regular expression over the XML. */
    private static Map<String, String> rawRecords(Path file) throws IOException {
        Matcher records = RECORD.matcher(Files.readString(file));
        Map<String, String> map = new TreeMap<>();
        while (records.find()) {
            Matcher id = Pattern.compile("<DATAID>(\\d+)</DATAID>").matcher(records.group(2));
            assertTrue(id.find());
            map.put(id.group(1), records.group(0).replaceAll("\\s+", " ").replace(" <", "<").replace("> ", ">"));
        }
        return map;
    }

    private static long count(Path file, String tag) throws IOException {
        return Pattern.compile("<" + tag + ">").matcher(Files.readString(file)).results().count();
    }

    @Test
    void bothSnapshotsImportOneSubjectAndOneSanctionPerRecordWithTheirGenerationDate() throws IOException {
        Path old = SharedData.require(OLD);
        Path current = SharedData.require(NEW);
        assertEquals(List.of(727L, 273L), List.of(count(old, "INDIVIDUAL"), count(old, "ENTITY")));
        assertEquals(List.of(730L, 273L), List.of(count(current, "INDIVIDUAL"), count(current, "ENTITY")));
        try (StatementStore store = new H2StatementStore(folder, ConvergenceModel.standard())) {
            ImportResult first = importFile(store, old);
            ImportResult second = importFile(store, current);
            assertEquals(2 * 1_000 + links(read(old)), first.entities());
            assertEquals(2 * rawRecords(old).size() + links(read(old)), first.entities());
            assertEquals(2 * 1_003 + links(read(current)), second.entities());
            assertEquals(2 * rawRecords(current).size() + links(read(current)), second.entities());
            assertEquals("2025-10-09", first.version().dataDate());
            assertEquals("2026-02-27", second.version().dataDate());
            assertTrue(importFile(store, current).unchanged(), "the same file again makes no new version");
            assertEquals(2, store.versions("un-sc").size());
        }
        List<Entity> entities = read(current);
        Map<String, Long> schemata = entities.stream().collect(Collectors.groupingBy(e -> e.schema().getName(), Collectors.counting()));
        assertEquals(Map.of("Person", 730L, "LegalEntity", 273L, "Sanction", 1_003L, "UnknownLink", 512L), schemata);
    }

    @Test
    void referenceNumberInAListingsTextBecomesALinkWithTheSentenceThatNamesIt() {
        Map<String, Entity> entities = byId(read(SharedData.require(NEW)));

        Entity member = entities.get("un-sc-link-6908482-2881836");
        assertThat(member.values("subject")).containsExactly("un-sc-6908482");
        assertThat(entities.get("un-sc-sanction-6908482").values("authorityId")).containsExactly("QDi.376");
        assertThat(member.values("object")).containsExactly("un-sc-2881836");
        assertThat(entities.get("un-sc-2881836").values("name")).containsExactly("AL-QAIDA IN THE ARABIAN PENINSULA (AQAP)");
        assertThat(member.values("role")).containsExactly("UN listing refers to");
        assertThat(member.values("description")).containsExactly("Member of Al-Qaida in the Arabian Peninsula (AQAP) (QDe.129).");
        assertThat(member.values("publisher")).containsExactly("United Nations Security Council");
        assertThat(member.statements()).allSatisfy(statement -> assertThat(statement.source()).endsWith("(DATAID 6908482) field COMMENTS1"));

        assertThat(entities.get("un-sc-link-110427-110338").values("description")).as("IRi.020's designation names IRe.066")
                .containsExactly("Head of the Shahid Bagheri Industrial Group (SBIG), which is designated under resolution 1737 (2006) "
                        + "for its role in the ballistic missile programme (designated under IRe.066).");
        assertThat(entities).as("SOi.018 writes AQIM's QDe.014 as Qde.014").containsKey("un-sc-link-6908853-113995");
    }

    @Test
    void referenceNumberOfNoRecordMakesNoLink() {
        Map<String, Entity> entities = byId(read(SharedData.require(NEW)));

        assertThat(entities.get("un-sc-110914").values("notes")).anySatisfy(note -> assertThat(note).contains("TAi.048"));
        assertThat(entities.values()).filteredOn(entity -> "un-sc-110914".equals(entity.first("subject")))
                .as("TAi.048 was this record's own earlier number").isEmpty();
    }

    @Test
    void talibanIndividualHasNamesDatesPassportsAndProgram() {
        Map<String, Entity> entities = byId(read(SharedData.require(NEW)));
        Entity haqqani = entities.get("un-sc-111107");
        assertEquals("Person", haqqani.schema().getName());
        assertEquals(List.of("ABDUL JALIL HAQQANI WALI MOHAMMAD"), haqqani.values("name"));
        assertEquals(List.of("ABDUL JALIL"), haqqani.values("firstName"));
        assertTrue(haqqani.values("alias").containsAll(List.of("عبد الجليل حقانی ولی محمد", "Abdul Jalil Akhund", "Abdul Jalil Haqqani")));
        assertEquals(List.of("Nazar Jan"), haqqani.values("weakAlias"), "QUALITY Low is a weak alias");
        assertEquals(List.of("1963"), haqqani.values("birthDate"), "APPROXIMATELY 1963");
        assertEquals("approximately 1963", haqqani.statements().stream()
                .filter(s -> s.property().equals("birthDate")).findFirst().orElseThrow().originalValue());
        assertEquals(List.of("Khwaja Malik village, Arghandab District, Kandahar Province, Afghanistan",
                "Kandahar City, Kandahar Province, Afghanistan"), haqqani.values("birthPlace"));
        assertEquals(List.of("af"), haqqani.values("nationality"));
        assertEquals(List.of("Maulavi", "Mullah"), haqqani.values("title"));
        assertEquals(List.of("OR1961825", "TR024417"), haqqani.values("passportNumber"));
        assertTrue(haqqani.values("notes").contains("Document Passport OR1961825: issuing country: Afghanistan; date of issue: 2003-02-04; "
                + "expired 2 Feb. 2006, under the name of Akhter Mohmad"), haqqani.values("notes").toString());
        assertTrue(haqqani.values("notes").stream().anyMatch(note -> note.startsWith("Believed to be in Afghanistan/Pakistan border area.")),
                "COMMENTS1");

        Entity sanction = entities.get("un-sc-sanction-111107");
        assertEquals(List.of("un-sc-111107"), sanction.values("entity"));
        assertEquals(List.of("United Nations Security Council"), sanction.values("authority"));
        assertEquals(List.of("Taliban sanctions (1988 Committee)"), sanction.values("program"));
        assertEquals(List.of("UN-SC1988"), sanction.values("programId"));
        assertEquals(List.of("TAi.034"), sanction.values("authorityId"));
        assertEquals(List.of("TAi.034"), sanction.values("unscId"));
        assertEquals(List.of("2001-01-25"), sanction.values("listingDate"));
        assertEquals(8, sanction.values("modifiedAt").size(), "one per LAST_DAY_UPDATED value");
    }

    @Test
    void dprkIndividualHasBothDatesOfBirthAndItsPassport() {
        Map<String, Entity> entities = byId(read(SharedData.require(NEW)));
        Entity kim = entities.get("un-sc-6908497");
        assertEquals(List.of("KIM TONG MY’ONG"), kim.values("name"));
        assertEquals(List.of("1964", "1962-08-28"), kim.values("birthDate"));
        assertEquals(List.of("kp"), kim.values("nationality"));
        assertEquals(List.of("290320764"), kim.values("passportNumber"));
        assertEquals(List.of("President of Tanchon Commercial Bank"), kim.values("position"));
        assertEquals(7, kim.values("alias").size());
        assertTrue(kim.values("alias").contains("Kim Hyok-Chol"));
        assertTrue(kim.values("weakAlias").isEmpty());
        Entity sanction = entities.get("un-sc-sanction-6908497");
        assertEquals(List.of("DPRK sanctions (1718 Committee)"), sanction.values("program"));
        assertEquals(List.of("KPi.023"), sanction.values("authorityId"));
        assertEquals(List.of("2016-03-02"), sanction.values("listingDate"));
    }

    @Test
    void birthYearsBetweenTwoYearsAreEveryYearOfTheRange() {
        Entity akhund = byId(read(SharedData.require(NEW))).get("un-sc-110577");
        assertEquals(List.of("1955", "1956", "1957", "1958", "1945", "1946", "1947", "1948", "1949", "1950"), akhund.values("birthDate"));
        assertTrue(akhund.values("notes").contains("Date of birth between 1955 and 1958: Approximately"));
    }

    @Test
    void entityHasAliasesAddressesAndCountry() {
        Map<String, Entity> entities = byId(read(SharedData.require(NEW)));
        Entity shipping = entities.get("un-sc-6908516");
        assertEquals("LegalEntity", shipping.schema().getName());
        assertEquals(List.of("CHONGCHONGANG SHIPPING COMPANY"), shipping.values("name"));
        assertEquals(List.of("Chong Chon Gang Shipping Co. Ltd.", "Chongchongang Shipping Co LTD"), shipping.values("alias"));
        assertEquals(List.of("817 Haeun, Donghung-dong, Central District, Pyongyang, Democratic People's Republic of Korea",
                "817, Haeum, Tonghun-dong, Chung-gu, Pyongyang, Democratic People's Republic of Korea"), shipping.values("address"));
        assertEquals(Set.of("kp"), Set.copyOf(shipping.values("country")));
        assertTrue(shipping.first("notes").startsWith("IMO Number: 5342883."));
        Entity sanction = entities.get("un-sc-sanction-6908516");
        assertEquals(List.of("KPe.022"), sanction.values("authorityId"));
        assertEquals(List.of("2016-03-02"), sanction.values("listingDate"));
        assertEquals(List.of("UN-SC1718"), sanction.values("programId"));

        Entity adf = entities.get("un-sc-6908402");
        assertEquals(List.of("Allied Democratic Forces"), adf.values("alias"));
        assertEquals(List.of("Forces Démocratiques Alliées-Armée Nationale de Libération de l’Ouganda", "ADF/NALU", "NALU"),
                adf.values("previousName"), "QUALITY f.k.a.");
    }

    /**
     * Added and removed records are DATAIDs in one file only; changed records are those whose raw XML
     * differs. Between these two files the UN changed three records without raising VERSIONNUM (1
     * everywhere) and recorded a LAST_DAY_UPDATED for only one of them, so neither field measures change:
     * the raw text does. COMMENTS1 is the party's notes and LAST_DAY_UPDATED the sanction's modifiedAt,
     * so all three parties change and one sanction.
     */
    @Test
    void diffBetweenTheSnapshotsMatchesAnIndependentCountOfTheRawRecords() throws IOException {
        Path old = SharedData.require(OLD);
        Path current = SharedData.require(NEW);
        Map<String, String> before = rawRecords(old);
        Map<String, String> after = rawRecords(current);
        Set<String> added = new TreeSet<>(after.keySet());
        added.removeAll(before.keySet());
        Set<String> removed = new TreeSet<>(before.keySet());
        removed.removeAll(after.keySet());
        Set<String> changed = new TreeSet<>();
        Set<String> updated = new TreeSet<>();
        for (String id : after.keySet()) {
            if (before.containsKey(id) && !before.get(id).equals(after.get(id))) {
                changed.add(id);
                if (!lastDayUpdated(before.get(id)).equals(lastDayUpdated(after.get(id)))) {
                    updated.add(id);
                }
            }
        }
        assertEquals(List.of(6, 3, 3, 1), List.of(added.size(), removed.size(), changed.size(), updated.size()));

        try (StatementStore store = new H2StatementStore(folder, ConvergenceModel.standard())) {
            ImportResult first = importFile(store, old);
            ImportResult second = importFile(store, current);
            ListDiff.Result diff = ListDiff.between(store, first.version(), second.version());
            assertEquals(subjectsAndSanctions(added), withoutLinks(diff.added()));
            assertEquals(subjectsAndSanctions(removed), withoutLinks(diff.removed()));
            Set<String> records = new TreeSet<>(added);
            records.addAll(removed);
            records.addAll(changed);
            assertThat(Stream.of(diff.added(), diff.removed(), diff.changed().stream().map(ListDiff.Change::id).toList()).flatMap(List::stream)
                    .filter(id -> id.contains("-link-")))
                    .as("a link comes or goes with a record added, removed or changed at either end")
                    .isNotEmpty().allSatisfy(id -> assertThat(id.substring("un-sc-link-".length()).split("-")).containsAnyElementsOf(records));
            Set<String> changedIds = withoutLinks(diff.changed().stream().map(ListDiff.Change::id).toList());
            Set<String> expected = new TreeSet<>();
            changed.forEach(id -> expected.add("un-sc-" + id));
            updated.forEach(id -> expected.add("un-sc-sanction-" + id));
            assertEquals(expected, changedIds);
            assertTrue(diff.changed().stream().filter(change -> !change.id().contains("sanction"))
                    .allMatch(change -> change.properties().equals(Set.of("notes"))));
        }
    }

    private static String lastDayUpdated(String record) {
        Matcher matcher = Pattern.compile("<LAST_DAY_UPDATED>(.*?)</LAST_DAY_UPDATED>").matcher(record);
        return matcher.find() ? matcher.group(1) : "";
    }

    private static Set<String> withoutLinks(List<String> ids) {
        return ids.stream().filter(id -> !id.contains("-link-")).collect(Collectors.toCollection(TreeSet::new));
    }

    private static long links(List<Entity> entities) {
        return entities.stream().filter(entity -> entity.schema().getName().equals("UnknownLink")).count();
    }

    private static Set<String> subjectsAndSanctions(Set<String> dataIds) {
        Set<String> ids = new TreeSet<>();
        dataIds.forEach(id -> {
            ids.add("un-sc-" + id);
            ids.add("un-sc-sanction-" + id);
        });
        return ids;
    }

    private static final String HEAD = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
            + "<CONSOLIDATED_LIST dateGenerated=\"2026-02-27T00:00:09.554Z\">\n<INDIVIDUALS>\n";
    private static final String TAIL = "</INDIVIDUALS>\n<ENTITIES/>\n</CONSOLIDATED_LIST>\n";

    private static String individual(String dataId, String listedOn) {
        return "<INDIVIDUAL>\n" + (dataId == null ? "" : "<DATAID>" + dataId + "</DATAID>\n") + "<FIRST_NAME>TEST</FIRST_NAME>\n"
                + "<UN_LIST_TYPE>DPRK</UN_LIST_TYPE>\n<REFERENCE_NUMBER>KPi.999</REFERENCE_NUMBER>\n<LISTED_ON>" + listedOn + "</LISTED_ON>\n"
                + "</INDIVIDUAL>\n";
    }

    @Test
    void impossibleListingDateNamesFileLineRecordAndFieldAndImportsNothing() throws IOException {
        Path file = Files.writeString(folder.resolve("bad-date.xml"), HEAD + individual("1", "2016-03-02") + individual("2", "2025-02-30") + TAIL);
        try (StatementStore store = new H2StatementStore(folder.resolve("store"), ConvergenceModel.standard())) {
            InvalidRecordException error = assertThrows(InvalidRecordException.class, () -> importFile(store, file));
            assertEquals("bad-date.xml:11 record 2 (DATAID 2) field LISTED_ON", error.location());
            assertTrue(error.problem().contains("'2025-02-30' is not a calendar date"), error.getMessage());
            assertTrue(store.versions("un-sc").isEmpty());

            ImportResult skipping = ListSource.UN_SC.importInto(store, file, ConvergenceModel.standard(), true, ImportProgress.NONE);
            assertEquals(1, skipping.skippedCount());
            assertEquals(2, skipping.entities(), "the valid record before it is read, and reading goes on after it");
        }
    }

    @Test
    void listingDateThatCannotBeTrueIsKeptInTheNotesOfTheParty() throws IOException {
        Path file = Files.writeString(folder.resolve("typo.xml"), HEAD + individual("3", "3025-01-01") + TAIL);
        List<Entity> entities = read(file);
        assertEquals(List.of("Sanction listingDate: 3025-01-01 (not a plausible date; kept as written)"), entities.get(0).values("notes"));
        assertTrue(entities.get(1).values("listingDate").isEmpty());
    }

    @Test
    void recordWithoutDataIdIsInvalid() throws IOException {
        Path file = Files.writeString(folder.resolve("no-id.xml"), HEAD + individual(null, "2016-03-02") + TAIL);
        InvalidRecordException error = assertThrows(InvalidRecordException.class, () -> read(file));
        assertEquals("no-id.xml:4 record 1: DATAID: expected the record's number, found none", error.getMessage());
    }

    @Test
    void duplicateDataIdIsInvalid() throws IOException {
        Path file = Files.writeString(folder.resolve("twice.xml"), HEAD + individual("7", "2016-03-02") + individual("7", "2016-03-02") + TAIL);
        InvalidRecordException error = assertThrows(InvalidRecordException.class, () -> read(file));
        assertTrue(error.getMessage().startsWith("twice.xml:11 record 2 (DATAID 7): DATAID 7 appears twice; first at twice.xml:4"),
                error.getMessage());
    }

    @Test
    void truncatedXmlFailsWithTheLineAndNothingIsImported() throws IOException {
        String text = Files.readString(SharedData.require(NEW));
        Path truncated = Files.writeString(folder.resolve("truncated.xml"), text.substring(0, text.length() / 2));
        try (StatementStore store = new H2StatementStore(folder.resolve("store"), ConvergenceModel.standard())) {
            ConvergenceException error = assertThrows(ConvergenceException.class, () -> importFile(store, truncated));
            assertFalse(error instanceof InvalidRecordException);
            assertTrue(error.getMessage().contains("truncated.xml:") && error.getMessage().contains("malformed XML"), error.getMessage());
            assertTrue(store.versions("un-sc").isEmpty());
        }
    }

    @Test
    void fileOfAnotherSourceIsRejected() throws IOException {
        Path sema = Files.writeString(folder.resolve("sema.xml"), "<?xml version=\"1.0\"?><data-set><record/></data-set>");
        ConvergenceException error = assertThrows(ConvergenceException.class, () -> read(sema));
        assertTrue(error.getMessage().contains("sema.xml: root element is <data-set>, expected <CONSOLIDATED_LIST>"), error.getMessage());
        Path csv = Files.writeString(folder.resolve("list.csv"), "Name,Country\nIvanov,RU\n");
        error = assertThrows(ConvergenceException.class, () -> read(csv));
        assertTrue(error.getMessage().contains("list.csv: not XML"), error.getMessage());
    }

    @Test
    void impossibleGenerationDateIsRejected() throws IOException {
        Path file = Files.writeString(folder.resolve("generated.xml"), HEAD.replace("2026-02-27T", "2026-02-30T") + TAIL);
        ConvergenceException error = assertThrows(ConvergenceException.class, () -> read(file));
        assertTrue(error.getMessage().contains("generated.xml: <CONSOLIDATED_LIST dateGenerated='2026-02-30T00:00:09.554Z'> is not an ISO date"),
                error.getMessage());
    }
}

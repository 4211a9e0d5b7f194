package org.convergence.lists;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.convergence.ConvergenceException;
import org.convergence.InvalidRecordException;
import org.convergence.ingest.EntitySource;
import org.convergence.ingest.ImportProgress;
import org.convergence.ingest.ImportResult;
import org.convergence.lists.ofac.OfacReaders;
import org.convergence.model.ConvergenceModel;
import org.convergence.model.Entity;
import org.convergence.store.H2StatementStore;
import org.convergence.store.StatementStore;
import org.convergence.testing.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * OFAC's SDN list (legacy CSV set of July 2021) and consolidated non-SDN list (CSV set of December
 * 2025, SDN.XML-schema file of June 2025), read in place; counts checked against the raw files.
 */
class OfacReadersTest {
    private static final String SDN = "lists/ofac/sdn_2021-07";
    private static final String CONS = "lists/ofac/cons_2025-12";
    private static final String CONS_XML = "lists/ofac/ofac_consolidated_nonsdn_2025-06-30.xml";
    /** The first column of every record of an OFAC CSV file (ent_num); no header row, no line breaks inside fields in these files. */
    private static final Pattern ENT_NUM = Pattern.compile("(?m)^(\\d+),");
    private static final Pattern UID = Pattern.compile("<sdnEntry>\\s*<uid>(\\d+)</uid>");

    @TempDir
    Path folder;

    private static List<Entity> read(ListSource source, Path path) {
        List<Entity> entities = new ArrayList<>();
        try (EntitySource reader = source.open(path, ConvergenceModel.standard())) {
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

    private static long count(List<Entity> entities, String schema) {
        return entities.stream().filter(entity -> entity.schema().getName().equals(schema)).count();
    }

    private static List<String> keys(Pattern pattern, Path file) throws IOException {
        Matcher matcher = pattern.matcher(Files.readString(file, StandardCharsets.ISO_8859_1));
        List<String> keys = new ArrayList<>();
        while (matcher.find()) {
            keys.add(matcher.group(1));
        }
        return keys;
    }

    private ImportResult importInto(StatementStore store, ListSource source, Path path, boolean skipInvalid) {
        return source.importInto(store, path, ConvergenceModel.standard(), skipInvalid, ImportProgress.NONE);
    }

    @Test
    void sdnCsvSetImportsOneSubjectAndOneSanctionPerLineOfSdnCsv() throws IOException {
        Path set = SharedData.require(SDN);
        String raw = Files.readString(set.resolve("sdn.csv"), StandardCharsets.ISO_8859_1);
        List<String> entNums = keys(ENT_NUM, set.resolve("sdn.csv"));
        assertEquals(8_976, entNums.size(), "records of sdn.csv, counted by regular expression");
        try (StatementStore store = new H2StatementStore(folder, ConvergenceModel.standard())) {
            ImportResult result = importInto(store, ListSource.US_OFAC_SDN, set, false);
            assertEquals(2L * entNums.size() + 3_399, result.version().entityCount(), "a subject and a sanction per entry, and the links");
            assertNull(result.version().dataDate(), "the CSV set states no date");
        }
        List<Entity> entities = read(ListSource.US_OFAC_SDN, set);
        assertEquals(entNums.size(), count(entities, "Sanction"));
        assertEquals(Pattern.compile("(?m)^\\d+,\"[^\"]*\",\"vessel\"").matcher(raw).results().count(), count(entities, "Vessel"));
        assertEquals(Pattern.compile("(?m)^\\d+,\"[^\"]*\",\"aircraft\"").matcher(raw).results().count(), count(entities, "Airplane"));
        assertEquals(Pattern.compile("(?m)^\\d+,\"[^\"]*\",\"individual\"").matcher(raw).results().count(), count(entities, "Person"));
        assertEquals(Pattern.compile("(?m)^\\d+,\"[^\"]*\",-0- ").matcher(raw).results().count(), count(entities, "Organization"));
        assertEquals(new TreeSet<>(entNums.stream().map(n -> "us-ofac-sdn-" + n).toList()),
                new TreeSet<>(entities.stream().map(Entity::id).filter(id -> !id.contains("sanction") && !id.contains("-link-")).toList()));
    }

    @Test
    void sdnPersonHasProgramsAliasesWeakAliasesAndFactsFromRemarks() {
        // sdn.csv: 23469,"YUHUA, Shi","individual","NPWMD] [IFSR",... "DOB 05 Aug 1976; nationality China; ...;
        // Gender Male; Passport PE0475719 (China) expires 14 Nov 2019; a.k.a. 'SHI, Arlex'."  alt.csv: aka SHI, Yuhua; aka HUA, Shi Yu
        Map<String, Entity> entities = byId(read(ListSource.US_OFAC_SDN, SharedData.require(SDN)));
        Entity person = entities.get("us-ofac-sdn-23469");
        assertEquals("Person", person.schema().getName());
        assertEquals(List.of("YUHUA, Shi"), person.values("name"));
        assertEquals(List.of("Shi"), person.values("firstName"));
        assertEquals(List.of("YUHUA"), person.values("lastName"));
        assertEquals(List.of("SHI, Yuhua", "HUA, Shi Yu"), person.values("alias"));
        assertEquals(List.of("SHI, Arlex"), person.values("weakAlias"));
        assertEquals(List.of("1976-08-05"), person.values("birthDate"));
        assertEquals(List.of("PE0475719"), person.values("passportNumber"));
        assertTrue(person.statements().stream().anyMatch(s -> s.property().equals("passportNumber")
                && s.originalValue().equals("Passport PE0475719 (China) expires 14 Nov 2019")), "country and expiry stay in the original value");
        assertEquals(List.of("cn"), person.values("nationality"));
        assertEquals(List.of("male"), person.values("gender"));
        assertTrue(person.first("notes").startsWith("Remarks: DOB 05 Aug 1976; nationality China;"), "the remarks are kept whole");
        Entity sanction = entities.get("us-ofac-sdn-sanction-23469");
        assertEquals(List.of("us-ofac-sdn-23469"), sanction.values("entity"));
        assertEquals(List.of("NPWMD", "IFSR"), sanction.values("program"));
        assertEquals(List.of("Office of Foreign Assets Control"), sanction.values("authority"));
        assertEquals(List.of("23469"), sanction.values("authorityId"));
        assertEquals(List.of("us"), sanction.values("country"));
        assertEquals(List.of("Additional Sanctions Information - Subject to Secondary Sanctions"), sanction.values("provisions"));
    }

    @Test
    void sdnVesselHasImoMmsiFlagsAndFormerNames() {
        // 15036,"ARTAVIL","vessel","IRAN",-0- ,"T2EU4","Crude/Oil Products Tanker","99,144","56,068","Iran",-0- ,"Former Vessel Flag
        // Malta; alt. Former Vessel Flag Tuvalu; alt. Former Vessel Flag None Identified; alt. Former Vessel Flag Tanzania; ...
        // Vessel Registration Identification IMO 9187629; MMSI 572469210; f.k.a. 'ALPHA'; ..."  alt.csv: fka ABADAN, fka SHONA
        Entity vessel = byId(read(ListSource.US_OFAC_SDN, SharedData.require(SDN))).get("us-ofac-sdn-15036");
        assertEquals("Vessel", vessel.schema().getName());
        assertEquals(List.of("ARTAVIL"), vessel.values("name"));
        assertEquals(List.of("9187629"), vessel.values("imoNumber"));
        assertEquals(List.of("572469210"), vessel.values("mmsi"));
        assertEquals(List.of("T2EU4"), vessel.values("callSign"));
        assertEquals(List.of("ir"), vessel.values("flag"));
        assertEquals(List.of("mt", "tv", "tz"), vessel.values("pastFlags"));
        assertTrue(vessel.values("notes").contains("Former Vessel Flag: None Identified"), "a flag that is no country is a note");
        assertEquals(List.of("ABADAN", "SHONA"), vessel.values("previousName"));
        assertEquals(List.of("ALPHA"), vessel.values("weakAlias"));
        assertEquals(List.of("99144"), vessel.values("tonnage"));
        assertEquals(List.of("56068"), vessel.values("grossRegisteredTonnage"));
    }

    @Test
    void remarksLongerThanTheColumnContinueFromTheCommentsFile() throws IOException {
        // sdn.csv cuts the remarks of 12300 at 1,000 characters ("Linked To: PROMO RAI"); sdn_comments.csv goes on ("Z S.A.S.; ...").
        Path set = SharedData.require(SDN);
        Entity person = byId(read(ListSource.US_OFAC_SDN, set)).get("us-ofac-sdn-12300");
        String remarks = person.values("notes").stream().filter(note -> note.startsWith("Remarks: ")).findFirst().orElseThrow();
        assertTrue(remarks.contains("Linked To: PROMO RAIZ S.A.S.; Linked To: RED MUNDIAL INMOBILIARIA"), remarks);
        assertTrue(remarks.endsWith("Linked To: R D I S.A."), remarks);
        String comments = Files.readString(set.resolve("sdn_comments.csv"), StandardCharsets.ISO_8859_1);
        assertTrue(comments.contains("12300,\"Z S.A.S.; Linked To: RED MUNDIAL INMOBILIARIA"), "the continuation is the comments row of 12300");
    }

    @Test
    void consolidatedCsvSetAndXmlHaveOneSubjectPerRecord() throws IOException {
        List<String> csvKeys = keys(ENT_NUM, SharedData.require(CONS).resolve("cons_prim.csv"));
        List<String> xmlKeys = keys(UID, SharedData.require(CONS_XML));
        assertEquals(442, csvKeys.size());
        assertEquals(443, xmlKeys.size());
        List<Entity> csv = read(ListSource.US_OFAC_CONS, SharedData.require(CONS));
        List<Entity> xml = read(ListSource.US_OFAC_CONS, SharedData.require(CONS_XML));
        assertEquals(2 * csvKeys.size() + count(csv, "UnknownLink"), csv.size());
        assertEquals(csvKeys.size(), count(csv, "Sanction"));
        assertEquals(2 * xmlKeys.size() + count(xml, "UnknownLink"), xml.size());
        assertEquals(xmlKeys.size(), count(xml, "Sanction"));
    }

    @Test
    void linkedToBecomesALinkToTheOneEntryOfThatName() {
        List<Entity> entities = read(ListSource.US_OFAC_SDN, SharedData.require(SDN));
        long stated = entities.stream().flatMap(entity -> entity.values("notes").stream()).filter(note -> note.startsWith("Remarks: "))
                .mapToLong(note -> note.split("Linked To: ", -1).length - 1).sum();

        assertThat(stated).isEqualTo(3_408);
        assertThat(entities).filteredOn(entity -> entity.schema().getName().equals("UnknownLink"))
                .as("every statement but 2 naming either Ministry of State Security and 7 naming parties of other lists (Rostec, Rosneft ...)")
                .hasSize(3_399);
        Entity nasrallah = byId(entities).get("us-ofac-sdn-link-2686-4697");
        assertThat(nasrallah.values("subject")).containsExactly("us-ofac-sdn-2686");
        assertThat(nasrallah.values("object")).containsExactly("us-ofac-sdn-4697");
        assertThat(byId(entities).get("us-ofac-sdn-4697").values("name")).containsExactly("HIZBALLAH");
        assertThat(nasrallah.values("role")).containsExactly("Linked To");
        assertThat(nasrallah.values("description")).as("the spelling that named HIZBALLAH, without the remark's full stop")
                .containsExactly("Linked To: HIZBALLAH");
        assertThat(nasrallah.values("publisher")).containsExactly("Office of Foreign Assets Control");
        assertThat(nasrallah.values("sourceUrl")).containsExactly(OfacReaders.SDN_URL);
        assertThat(nasrallah.statements()).allSatisfy(statement -> assertThat(statement.source()).isEqualTo("sdn.csv:67 ent_num 2686"));
    }

    @Test
    void linkedToANameOfNoEntryOrOfSeveralMakesNoLinkAndStaysInTheRemarks() {
        Map<String, Entity> byId = byId(read(ListSource.US_OFAC_SDN, SharedData.require(SDN)));

        assertThat(byId.get("us-ofac-sdn-18782").values("notes")).anySatisfy(note -> assertThat(note).endsWith("Linked To: ROSTEC."));
        assertThat(byId.values()).filteredOn(entity -> "us-ofac-sdn-18782".equals(entity.first("subject")))
                .as("Rostec is on another list").isEmpty();
        assertThat(byId.values()).filteredOn(entity -> "us-ofac-sdn-20130".equals(entity.first("subject")))
                .as("two entries are named MINISTRY OF STATE SECURITY").isEmpty();
    }

    @Test
    void consolidatedListStatesTheSameLinksInBothFormats() {
        Map<String, Entity> csv = byId(read(ListSource.US_OFAC_CONS, SharedData.require(CONS)));
        Map<String, Entity> xml = byId(read(ListSource.US_OFAC_CONS, SharedData.require(CONS_XML)));
        Set<String> csvLinks = new TreeSet<>(csv.keySet().stream().filter(id -> id.contains("-link-")).toList());

        assertThat(csvLinks).hasSize(282).isEqualTo(new TreeSet<>(xml.keySet().stream().filter(id -> id.contains("-link-")).toList()));
        assertThat(csvLinks).allSatisfy(id -> assertThat(csv.get(id).properties()).isEqualTo(xml.get(id).properties()));
        assertThat(xml.get("us-ofac-cons-link-17017-17013").values("description")).containsExactly("Linked To: VTB BANK PUBLIC JOINT STOCK COMPANY");
    }

    @Test
    void entityInBothConsolidatedFormatsHasTheSameIdsAndValues() {
        // GAZPROMBANK, ent_num 17016 in cons_prim.csv and uid 17016 in the XML.
        Entity fromCsv = byId(read(ListSource.US_OFAC_CONS, SharedData.require(CONS))).get("us-ofac-cons-17016");
        Map<String, Entity> xml = byId(read(ListSource.US_OFAC_CONS, SharedData.require(CONS_XML)));
        Entity fromXml = xml.get("us-ofac-cons-17016");
        assertEquals("Organization", fromXml.schema().getName());
        assertEquals(List.of("GAZPROMBANK JOINT STOCK COMPANY"), fromXml.values("name"));
        for (String property : List.of("name", "alias", "previousName", "address", "country", "taxNumber", "innCode", "registrationNumber",
                "ogrnCode", "leiCode", "swiftBic", "incorporationDate", "website")) {
            assertEquals(Set.copyOf(fromCsv.values(property)), Set.copyOf(fromXml.values(property)), property);
        }
        assertEquals(List.of("7744001497"), fromXml.values("innCode"));
        assertEquals(List.of("1027700167110"), fromXml.values("ogrnCode"));
        Entity sanction = xml.get("us-ofac-cons-sanction-17016");
        assertEquals(List.of("UKRAINE-EO13662", "RUSSIA-EO14024"), sanction.values("program"));
        assertEquals(List.of("2022-02-24"), sanction.values("listingDate"));
        assertEquals(List.of("2022-03-26"), sanction.values("startDate"));
    }

    @Test
    void xmlStatesItsPublishDateAndWeakAliases() {
        try (StatementStore store = new H2StatementStore(folder, ConvergenceModel.standard())) {
            ImportResult result = importInto(store, ListSource.US_OFAC_CONS, SharedData.require(CONS_XML), false);
            assertEquals("2025-06-30", result.version().dataDate(), "publshInformation/Publish_Date 06/30/2025");
        }
        // uid 50476, MARTELLY: aka category strong "MARTELLY, Michael", category weak "Sweet Micky".
        Entity martelly = byId(read(ListSource.US_OFAC_CONS, SharedData.require(CONS_XML))).get("us-ofac-cons-50476");
        assertEquals(List.of("MARTELLY, Michel Joseph"), martelly.values("name"));
        assertEquals(List.of("MARTELLY, Michael"), martelly.values("alias"));
        assertEquals(List.of("Sweet Micky"), martelly.values("weakAlias"));
        assertEquals(List.of("1961-02-12"), martelly.values("birthDate"));
        assertEquals(List.of("ht"), martelly.values("nationality"));
    }

    @Test
    void diffFromTheXmlOfJuneToTheCsvOfDecemberFollowsTheEntNums() throws IOException {
        Set<String> june = new HashSet<>(keys(UID, SharedData.require(CONS_XML)));
        Set<String> december = new HashSet<>(keys(ENT_NUM, SharedData.require(CONS).resolve("cons_prim.csv")));
        try (StatementStore store = new H2StatementStore(folder, ConvergenceModel.standard())) {
            ImportResult first = importInto(store, ListSource.US_OFAC_CONS, SharedData.require(CONS_XML), false);
            ImportResult second = importInto(store, ListSource.US_OFAC_CONS, SharedData.require(CONS), false);
            ListDiff.Result diff = ListDiff.between(store, first.version(), second.version());
            long added = december.stream().filter(key -> !june.contains(key)).count();
            long removed = june.stream().filter(key -> !december.contains(key)).count();
            assertEquals(2 * added, diff.added().stream().filter(id -> !id.contains("-link-")).count(), "a subject and a sanction per new ent_num");
            assertEquals(2 * removed, diff.removed().stream().filter(id -> !id.contains("-link-")).count());
            assertThat(diff.changed()).as("a link reads alike from either format").noneMatch(change -> change.id().contains("-link-"));
            ImportResult again = importInto(store, ListSource.US_OFAC_CONS, SharedData.require(CONS), false);
            assertTrue(again.unchanged(), "the same folder again makes no new version");
            assertEquals(2, store.versions("us-ofac-cons").size());
        }
    }

    // Bad input. Fixtures are small hand-written sets in the temporary folder.

    private static final String ROW = "36,\"AEROCARIBBEAN AIRLINES\",-0- ,\"CUBA\",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- \r\n";

    private Path set(String sdn, String add, String alt, String comments) throws IOException {
        Path set = Files.createDirectories(folder.resolve("set"));
        Files.writeString(set.resolve("sdn.csv"), sdn, StandardCharsets.ISO_8859_1);
        Files.writeString(set.resolve("add.csv"), add, StandardCharsets.ISO_8859_1);
        Files.writeString(set.resolve("alt.csv"), alt, StandardCharsets.ISO_8859_1);
        if (comments != null) {
            Files.writeString(set.resolve("sdn_comments.csv"), comments, StandardCharsets.ISO_8859_1);
        }
        return set;
    }

    private <T extends ConvergenceException> T failsAndImportsNothing(Class<T> type, ListSource source, Path path) {
        try (StatementStore store = new H2StatementStore(folder.resolve("store"), ConvergenceModel.standard())) {
            T error = assertThrows(type, () -> importInto(store, source, path, false));
            assertTrue(store.versions(source.id()).isEmpty(), "nothing is imported");
            return error;
        }
    }

    @Test
    void missingFileOfTheSetIsNamed() throws IOException {
        Path set = set(ROW, "", "", null);
        ConvergenceException error = failsAndImportsNothing(ConvergenceException.class, ListSource.US_OFAC_SDN, set);
        assertEquals("set/sdn_comments.csv: missing; the OFAC CSV set is sdn.csv, add.csv, alt.csv, sdn_comments.csv", error.getMessage());
    }

    @Test
    void folderOfTheOtherOfacListIsRejectedWithAHint() {
        ConvergenceException error = failsAndImportsNothing(ConvergenceException.class, ListSource.US_OFAC_CONS, SharedData.require(SDN));
        assertTrue(error.getMessage().startsWith("sdn_2021-07/cons_prim.csv: missing;"), error.getMessage());
        assertTrue(error.getMessage().contains("the folder has sdn.csv: is it the other OFAC list, the SDN list?"), error.getMessage());
    }

    @Test
    void csvFileOfAnotherListIsRejected() throws IOException {
        Path set = set("_id,source,entity_number,type,programs,name\r\n1,SDN,36,Entity,CUBA,AEROCARIBBEAN\r\n", "", "", "");
        ConvergenceException error = failsAndImportsNothing(ConvergenceException.class, ListSource.US_OFAC_SDN, set);
        assertTrue(error.getMessage().startsWith("set/sdn.csv:1: starts with '_id', expected an ent_num"), error.getMessage());
    }

    @Test
    void raggedRowNamesFileLineAndColumnsAndCanBeSkipped() throws IOException {
        Path set = set(ROW + "173,\"ANGLO-CARIBBEAN CO., LTD.\",-0- ,\"CUBA\",-0- ,-0- \r\n", "", "", "");
        InvalidRecordException error = failsAndImportsNothing(InvalidRecordException.class, ListSource.US_OFAC_SDN, set);
        assertEquals("sdn.csv:2: has 6 columns, expected 12 (is a quote or comma missing, or the record cut?)", error.getMessage());
        try (StatementStore store = new H2StatementStore(folder.resolve("skipping"), ConvergenceModel.standard())) {
            ImportResult result = importInto(store, ListSource.US_OFAC_SDN, set, true);
            assertEquals(1, result.skippedCount());
            assertEquals(2, result.version().entityCount(), "the valid record lands");
        }
    }

    @Test
    void nonNumericEntNumIsInvalid() throws IOException {
        Path set = set(ROW + ROW.replace("36,", "3x6,"), "", "", "");
        InvalidRecordException error = failsAndImportsNothing(InvalidRecordException.class, ListSource.US_OFAC_SDN, set);
        assertEquals("sdn.csv:2: ent_num: '3x6' is not a number", error.getMessage());
    }

    @Test
    void aliasOfNoEntryIsInvalid() throws IOException {
        Path set = set(ROW, "", "36,12,\"aka\",\"AERO-CARIBBEAN\",-0- \r\n999,13,\"aka\",\"NOBODY\",-0- \r\n", "");
        InvalidRecordException error = failsAndImportsNothing(InvalidRecordException.class, ListSource.US_OFAC_SDN, set);
        assertEquals("alt.csv:2 ent_num 999: no entry with this ent_num in sdn.csv", error.getMessage());
    }

    @Test
    void impossibleDateOfBirthNamesRecordAndField() throws IOException {
        Path set = set(ROW + "10,\"DOE, John\",\"individual\",\"SDGT\",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,\"DOB 31 Feb 1960.\"\r\n", "", "", "");
        InvalidRecordException error = failsAndImportsNothing(InvalidRecordException.class, ListSource.US_OFAC_SDN, set);
        assertEquals("sdn.csv:2 ent_num 10: birthDate: '1960-02-31' is not a calendar date", error.getMessage());
    }

    @Test
    void truncatedCsvEndsInsideAQuotedField() throws IOException {
        Path set = set(ROW + "173,\"ANGLO-CARIBBEAN CO", "", "", "");
        ConvergenceException error = failsAndImportsNothing(ConvergenceException.class, ListSource.US_OFAC_SDN, set);
        assertEquals("set/sdn.csv:2: a quoted field is not closed before the end of the file; is the file truncated?", error.getMessage());
    }

    @Test
    void latin1NamesAndTheEndOfFileByteAreRead() throws IOException {
        Path set = set(ROW.replace("AEROCARIBBEAN", "A\u00C9ROCARIBBEAN") + "\u001A", "", "", "");
        Entity subject = read(ListSource.US_OFAC_SDN, set).getFirst();
        assertEquals(List.of("A\u00C9ROCARIBBEAN AIRLINES"), subject.values("name"));
    }

    @Test
    void truncatedXmlFailsWithTheLine() throws IOException {
        String text = Files.readString(SharedData.require(CONS_XML));
        Path truncated = Files.writeString(folder.resolve("truncated.xml"), text.substring(0, text.length() / 2));
        ConvergenceException error = failsAndImportsNothing(ConvergenceException.class, ListSource.US_OFAC_CONS, truncated);
        assertTrue(error.getMessage().contains("truncated.xml:") && error.getMessage().contains("malformed XML"), error.getMessage());
    }

    @Test
    void xmlOfAnotherSourceIsRejected() throws IOException {
        Path other = Files.writeString(folder.resolve("un.xml"), "<?xml version=\"1.0\"?><CONSOLIDATED_LIST><INDIVIDUALS/></CONSOLIDATED_LIST>");
        ConvergenceException error = failsAndImportsNothing(ConvergenceException.class, ListSource.US_OFAC_CONS, other);
        assertTrue(error.getMessage().contains("root element is <CONSOLIDATED_LIST>, expected <sdnList>"), error.getMessage());
    }

    @Test
    void xmlEntryWithoutUidOrWithAnUnknownTypeIsInvalid() throws IOException {
        Path file = Files.writeString(folder.resolve("sdn.xml"), """
                <?xml version="1.0"?>
                <sdnList xmlns="https://sanctionslistservice.ofac.treas.gov/api/PublicationPreview/exports/XML">
                  <publshInformation><Publish_Date>06/30/2025</Publish_Date><Record_Count>2</Record_Count></publshInformation>
                  <sdnEntry><uid>1</uid><lastName>ONE</lastName><sdnType>Spaceship</sdnType></sdnEntry>
                  <sdnEntry><lastName>TWO</lastName><sdnType>Entity</sdnType></sdnEntry>
                </sdnList>
                """);
        InvalidRecordException error = failsAndImportsNothing(InvalidRecordException.class, ListSource.US_OFAC_SDN, file);
        assertEquals("sdn.xml:4 record 1 uid 1: sdnType: 'Spaceship', expected Individual, Entity, Vessel or Aircraft", error.getMessage());
        try (EntitySource reader = ListSource.US_OFAC_SDN.open(file, ConvergenceModel.standard())) {
            assertThrows(InvalidRecordException.class, reader::next);
            InvalidRecordException second = assertThrows(InvalidRecordException.class, reader::next);
            assertEquals("sdn.xml:5 record 2: uid: missing", second.getMessage());
            assertNull(reader.next());
            assertEquals("2025-06-30", reader.dataDate());
        }
    }

    @Test
    void xmlWithFewerEntriesThanItsRecordCountIsIncomplete() throws IOException {
        Path file = Files.writeString(folder.resolve("short.xml"), """
                <sdnList><publshInformation><Publish_Date>06/30/2025</Publish_Date><Record_Count>2</Record_Count></publshInformation>
                <sdnEntry><uid>1</uid><lastName>ONE</lastName><sdnType>Entity</sdnType></sdnEntry></sdnList>
                """);
        ConvergenceException error = failsAndImportsNothing(ConvergenceException.class, ListSource.US_OFAC_SDN, file);
        assertTrue(error.getMessage().endsWith("short.xml: Record_Count says 2 entries, the file has 1 sdnEntry elements; is the file incomplete?"),
                error.getMessage());
    }
}

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
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.convergence.ConvergenceException;
import org.convergence.ingest.ImportProgress;
import org.convergence.ingest.ImportResult;
import org.convergence.lists.sema.SemaXmlReader;
import org.convergence.model.ConvergenceModel;
import org.convergence.model.Entity;
import org.convergence.store.H2StatementStore;
import org.convergence.store.StatementStore;
import org.convergence.testing.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Canada's SEMA list, both schemata, read in place; the diff between them checked against a count of the raw XML. */
class SemaXmlReaderTest {
    private static final String CURRENT = "lists/ca-sema/sema-lmes_2025-09-22.xml";
    private static final String OLD = "lists/ca-sema/sema-lmes_2020-04-15.xml";

    @TempDir
    Path folder;

    private static List<Entity> read(Path file) {
        List<Entity> entities = new ArrayList<>();
        try (SemaXmlReader reader = new SemaXmlReader(file, "ca-sema", ConvergenceModel.standard())) {
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

    @Test
    void currentListHasOneSubjectAndOneSanctionPerRecord() {
        List<Entity> entities = read(SharedData.require(CURRENT));
        assertEquals(2 * 5_090, entities.size());
        assertEquals(5_090, entities.stream().filter(e -> e.schema().getName().equals("Sanction")).count());
        assertEquals(310, entities.stream().filter(e -> e.schema().getName().equals("Vessel")).count());
    }

    @Test
    void spotChecksOfKnownRecords() {
        Map<String, Entity> entities = byId(read(SharedData.require(CURRENT)));
        Entity vessel = entities.get("ca-sema-russia-1-1-1");
        assertEquals(List.of("Balitiyskiy III"), vessel.values("name"));
        assertEquals(List.of("7612448"), vessel.values("imoNumber"));
        Entity sanction = entities.get("ca-sema-sanction-russia-1-1-1");
        assertEquals(List.of("2025-02-21"), sanction.values("listingDate"));
        assertEquals(List.of("ca-sema-russia-1-1-1"), sanction.values("entity"));
        assertTrue(sanction.first("program").startsWith("Special Economic Measures Act: Russia"));
        Entity oleksin = entities.get("ca-sema-belarus-1-part-1-56");
        assertEquals(List.of("Aleksey Oleksin"), oleksin.values("name"));
        assertEquals(List.of("Aliaksei Aleksin"), oleksin.values("alias"));
        Entity barsukov = entities.get("ca-sema-belarus-1-part-1-3");
        assertEquals(List.of("1965-04-29"), barsukov.values("birthDate"));
    }

    @Test
    void oldSchemaOf2020IsReadToo() {
        List<Entity> entities = read(SharedData.require(OLD));
        assertEquals(2 * 1_369, entities.size());
        Entity airBagan = byId(entities).get("ca-sema-burma-1-1");
        assertEquals("Organization", airBagan.schema().getName());
        assertEquals(List.of("Air Bagan Holdings Pte. Ltd.", "Air Bagan Limited"), airBagan.values("alias"));
    }

    @Test
    void diffBetweenTheTwoVersionsMatchesAnIndependentCountOfRecordKeys() throws IOException {
        Path old = SharedData.require(OLD);
        Path current = SharedData.require(CURRENT);
        try (StatementStore store = new H2StatementStore(folder, ConvergenceModel.standard())) {
            ImportResult first = importFile(store, old);
            ImportResult second = importFile(store, current);
            assertEquals(2, second.version().version());
            assertEquals("2025-08-26", second.version().dataDate(), "the newest listing date");
            ListDiff.Result diff = ListDiff.between(store, first.version(), second.version());
            List<String> oldKeys = keys(old);
            List<String> newKeys = keys(current);
            long added = newKeys.stream().filter(key -> !oldKeys.contains(key)).count();
            long removed = oldKeys.stream().filter(key -> !newKeys.contains(key)).count();
            assertEquals(2 * added, diff.added().size(), "a subject and a sanction per new record");
            assertEquals(2 * removed, diff.removed().size());
            assertTrue(!diff.changed().isEmpty());
        }
    }

    private static ImportResult importFile(StatementStore store, Path file) {
        return ListSource.CA_SEMA.importInto(store, file, ConvergenceModel.standard(), false, ImportProgress.NONE);
    }

    /** Country-Schedule-Item of every record, by regular expression over the raw XML. */
    private static List<String> keys(Path file) throws IOException {
        Matcher records = Pattern.compile("<record>(.*?)</record>", Pattern.DOTALL).matcher(Files.readString(file));
        List<String> keys = new ArrayList<>();
        while (records.find()) {
            String record = records.group(1);
            keys.add(field(record, "Country").split(" / ")[0] + "|" + field(record, "Schedule") + "|" + field(record, "Item"));
        }
        return keys;
    }

    private static String field(String record, String name) {
        Matcher matcher = Pattern.compile("<" + name + ">(.*?)</" + name + ">", Pattern.DOTALL).matcher(record);
        return matcher.find() ? matcher.group(1).strip() : "";
    }

    @Test
    void truncatedXmlFailsWithTheLineAndNothingIsImported() throws IOException {
        String text = Files.readString(SharedData.require(CURRENT));
        Path truncated = Files.writeString(folder.resolve("truncated.xml"), text.substring(0, text.length() / 2));
        try (StatementStore store = new H2StatementStore(folder.resolve("store"), ConvergenceModel.standard())) {
            ConvergenceException error = assertThrows(ConvergenceException.class, () -> importFile(store, truncated));
            assertTrue(error.getMessage().contains("truncated.xml:") && error.getMessage().contains("malformed XML"), error.getMessage());
            assertTrue(store.versions("ca-sema").isEmpty());
        }
    }

    @Test
    void fileOfAnotherSourceIsRejected() throws IOException {
        Path other = Files.writeString(folder.resolve("other.xml"), "<?xml version=\"1.0\"?><sdnList></sdnList>");
        ConvergenceException error = assertThrows(ConvergenceException.class, () -> read(other));
        assertTrue(error.getMessage().contains("expected <data-set>"), error.getMessage());
    }
}

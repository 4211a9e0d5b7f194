package org.convergence.lists;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.convergence.ConvergenceException;
import org.convergence.ingest.ImportProgress;
import org.convergence.ingest.ImportResult;
import org.convergence.ingest.InvalidRecordException;
import org.convergence.lists.aspi.UnitrackerMispReader;
import org.convergence.model.ConvergenceModel;
import org.convergence.model.Entity;
import org.convergence.model.Statement;
import org.convergence.store.H2StatementStore;
import org.convergence.store.StatementStore;
import org.convergence.testing.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** ASPI's China Defence Universities Tracker as the MISP galaxy cluster, read in place. */
class UnitrackerMispReaderTest {
    private static final String CLUSTER = "research-security/aspi-unitracker/misp_china-defence-universities.json";
    private static final String CSV = "research-security/aspi-unitracker/aspi_unitracker_institutions.csv";

    @TempDir
    Path folder;

    private static List<Entity> read(Path file) {
        List<Entity> entities = new ArrayList<>();
        try (UnitrackerMispReader reader = new UnitrackerMispReader(file, "aspi-unitracker", ConvergenceModel.standard())) {
            for (Entity entity; (entity = reader.next()) != null; ) {
                entities.add(entity);
            }
        }
        return entities;
    }

    private static ImportResult importFile(StatementStore store, Path file) {
        return ListSource.ASPI_UNITRACKER.importInto(store, file, ConvergenceModel.standard(), false, ImportProgress.NONE);
    }

    @Test
    void everyInstitutionOfTheClusterIsReadWithItsListing() throws IOException {
        Path cluster = SharedData.require(CLUSTER);
        List<Entity> entities = read(cluster);
        List<Entity> organizations = entities.stream().filter(e -> e.schema().getName().equals("Organization")).toList();

        JsonNode values = new ObjectMapper().readTree(cluster.toFile()).get("values");
        long csvRows = new CsvMapper().enable(CsvParser.Feature.WRAP_AS_ARRAY).readerForArrayOf(String.class).with(CsvSchema.emptySchema().withSkipFirstDataRow(true))
                .readValues(SharedData.require(CSV).toFile()).readAll().size();
        assertEquals(159, values.size());
        assertEquals(values.size(), csvRows);
        assertEquals(values.size(), organizations.size());
        assertEquals(2 * values.size(), entities.size(), "one listing per institution");
        assertEquals(entities.size(), entities.stream().map(Entity::id).distinct().count());

        Map<String, Long> categories = organizations.stream().collect(Collectors.groupingBy(org -> org.first("classification"), Collectors.counting()));
        assertEquals(Map.of("Civilian", 80L, "Military", 52L, "Defence industry conglomerate", 12L, "Security", 8L,
                "Seven sons of national defence", 7L), categories);
        assertTrue(organizations.stream().allMatch(org -> org.values("name").size() == 2), "an English and a Chinese name each");
    }

    @Test
    void harbinInstituteOfTechnologyHasItsChineseNameAndTheTrackersFacts() {
        Map<String, Entity> byId = new HashMap<>();
        read(SharedData.require(CLUSTER)).forEach(e -> byId.put(e.id(), e));

        Entity hit = byId.get("aspi-unitracker-7e1827c7-cc6b-4b73-a557-8bd2b9a7f65d");
        assertEquals(List.of("Harbin Institute of Technology", "哈尔滨工业大学"), hit.values("name"));
        List<String> languages = hit.statements().stream().filter(s -> s.property().equals("name")).map(Statement::lang).toList();
        assertEquals(List.of("eng", "zho"), languages);
        assertEquals(List.of("HIT"), hit.values("alias"), "the Chinese alias is the name already");
        assertEquals(List.of("cn"), hit.values("country"));
        assertEquals(List.of("Seven sons of national defence"), hit.values("classification"));
        assertEquals(List.of("export.risk"), hit.values("topics"));
        assertEquals(13, hit.values("keywords").size());
        assertTrue(hit.values("keywords").contains("Cyber"));
        assertTrue(hit.values("notes").contains("Supervising agency: Ministry of Industry and Information Technology (MIIT)"));
        assertTrue(hit.values("notes").contains("Major defence laboratory: State Key Laboratory of Advanced Welding and Joining "
                + "(先进焊接与连接国家重点实验室/现代焊接生产技术国家重点实验室)"));
        assertTrue(hit.first("description").startsWith("HIT is one of China’s top defence research universities."));
        assertEquals(List.of("https://unitracker.aspi.org.au/universities/harbin-institute-of-technology"), hit.values("sourceUrl"));

        Entity listing = byId.get("aspi-unitracker-sanction-7e1827c7-cc6b-4b73-a557-8bd2b9a7f65d");
        assertEquals(List.of(hit.id()), listing.values("entity"));
        assertEquals(List.of("Australian Strategic Policy Institute"), listing.values("authority"));
        assertEquals(List.of("China Defence Universities Tracker"), listing.values("program"));
        assertEquals(List.of("Category: Seven sons of national defence"), listing.values("reason"));
        assertEquals(hit.values("sourceUrl"), listing.values("sourceUrl"));

        Entity ams = byId.get("aspi-unitracker-6ba88ae5-8be1-44cb-bfba-0a01a1309dad");
        assertEquals(List.of("Academy of Military Science", "中国人民解放军军事科学院"), ams.values("name"));
        assertEquals(List.of("AMS", "Academy of Military Sciences"), ams.values("alias"));
        assertEquals(List.of("China, Beijing, Haidian, 香山路73号"), ams.values("address"));
        assertEquals(Set.of("export.risk", "mil"), Set.copyOf(ams.values("topics")));
        assertTrue(ams.values("notes").containsAll(List.of("Latitude: 40.0060427610374", "Longitude: 116.26134600856699",
                "Subsidiary: Warfare Research Institute (战争研究院)")));
    }

    @Test
    void importHasNoDataDateAndReimportChangesNothing() {
        Path cluster = SharedData.require(CLUSTER);
        try (StatementStore store = new H2StatementStore(folder, ConvergenceModel.standard())) {
            ImportResult first = importFile(store, cluster);
            assertNull(first.version().dataDate(), "the cluster states no date");
            assertEquals(2 * 159, first.version().entityCount());
            ImportResult again = importFile(store, cluster);
            assertTrue(again.unchanged());
            assertEquals(1, store.versions("aspi-unitracker").size());
        }
    }

    @Test
    void truncatedJsonFailsWithTheLineAndNothingIsImported() throws IOException {
        String text = Files.readString(SharedData.require(CLUSTER));
        Path truncated = Files.writeString(folder.resolve("truncated.json"), text.substring(0, text.length() / 2));
        try (StatementStore store = new H2StatementStore(folder.resolve("store"), ConvergenceModel.standard())) {
            ConvergenceException error = assertThrows(ConvergenceException.class, () -> importFile(store, truncated));
            assertTrue(error.getMessage().matches("(?s).*truncated\\.json:\\d+: malformed JSON.*"), error.getMessage());
            assertTrue(store.versions("aspi-unitracker").isEmpty());
        }
    }

    @Test
    void clusterOfAnotherMispGalaxyIsRejected() throws IOException {
        Path other = Files.writeString(folder.resolve("threat-actor.json"), """
                {"name": "Threat Actor", "type": "threat-actor", "uuid": "7cdff317-a673-4474-84ec-4f1754947823",
                 "values": [{"value": "APT1", "uuid": "6a2cfd6a-2c39-4a1b-8bd2-4c0f9d0a8d2c"}]}""");
        ConvergenceException error = assertThrows(ConvergenceException.class, () -> read(other));
        assertTrue(error.getMessage().contains("threat-actor.json: MISP galaxy cluster of type 'threat-actor'")
                && error.getMessage().contains("expected type 'china-defence-universities'"), error.getMessage());
    }

    @Test
    void htmlIsNotJson() throws IOException {
        Path page = SharedData.require("research-security/ca-nro/named-research-organizations_2024-04-18.html");
        ConvergenceException error = assertThrows(ConvergenceException.class, () -> read(page));
        assertTrue(error.getMessage().contains("malformed JSON"), error.getMessage());
    }

    @Test
    void institutionWithoutUuidNamesTheRecordAndTheField() throws IOException {
        Path broken = Files.writeString(folder.resolve("no-uuid.json"), """
                {"name": "China Defence Universities Tracker", "type": "china-defence-universities",
                 "values": [{"value": "Harbin Institute of Technology (哈尔滨工业大学)", "meta": {"aliases": ["HIT"]}}]}""");
        try (StatementStore store = new H2StatementStore(folder.resolve("store"), ConvergenceModel.standard())) {
            InvalidRecordException error = assertThrows(InvalidRecordException.class, () -> importFile(store, broken));
            assertEquals("no-uuid.json record 1", error.location());
            assertTrue(error.problem().startsWith("uuid: expected a UUID"), error.getMessage());
            assertTrue(store.versions("aspi-unitracker").isEmpty());
        }
    }
}

package org.convergence.lists;

import static org.assertj.core.api.Assertions.assertThat;
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
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.convergence.ConvergenceException;
import org.convergence.InvalidRecordException;
import org.convergence.ingest.ImportProgress;
import org.convergence.ingest.ImportResult;
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
    private static final String INSTITUTION_ID = "aspi-unitracker-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";
    private static final String HIT = "aspi-unitracker-7e1827c7-cc6b-4b73-a557-8bd2b9a7f65d";
    private static final String AVIC = "aspi-unitracker-9644a95a-a1f7-40b5-93ba-c34989ef0492";

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

    private static Map<String, Entity> byId(List<Entity> entities) {
        Map<String, Entity> byId = new HashMap<>();
        entities.forEach(entity -> byId.put(entity.id(), entity));
        return byId;
    }

    private static Entity only(Map<String, Entity> byId, Predicate<Entity> test) {
        return assertThat(byId.values()).filteredOn(test).singleElement().actual();
    }

    private static long count(List<Entity> entities, String schema) {
        return entities.stream().filter(e -> e.schema().getName().equals(schema)).count();
    }

    private static ImportResult importFile(StatementStore store, Path file) {
        return ListSource.ASPI_UNITRACKER.importInto(store, file, ConvergenceModel.standard(), false, ImportProgress.NONE);
    }

    @Test
    void everyInstitutionOfTheClusterIsReadWithItsListing() throws IOException {
        Path cluster = SharedData.require(CLUSTER);
        List<Entity> entities = read(cluster);
        List<Entity> organizations = entities.stream().filter(e -> e.id().matches(INSTITUTION_ID)).toList();

        JsonNode values = new ObjectMapper().readTree(cluster.toFile()).get("values");
        long csvRows = new CsvMapper().enable(CsvParser.Feature.WRAP_AS_ARRAY).readerForArrayOf(String.class).with(CsvSchema.emptySchema().withSkipFirstDataRow(true))
                .readValues(SharedData.require(CSV).toFile()).readAll().size();
        assertEquals(159, values.size());
        assertEquals(values.size(), csvRows);
        assertEquals(values.size(), organizations.size());
        assertTrue(organizations.stream().allMatch(org -> org.schema().getName().equals("Organization")));
        assertEquals(values.size(), count(entities, "Sanction"), "one listing per institution");
        assertEquals(entities.size(), entities.stream().map(Entity::id).distinct().count());

        Map<String, Long> categories = organizations.stream().collect(Collectors.groupingBy(org -> org.first("classification"), Collectors.counting()));
        assertEquals(Map.of("Civilian", 80L, "Military", 52L, "Defence industry conglomerate", 12L, "Security", 8L,
                "Seven sons of national defence", 7L), categories);
        assertTrue(organizations.stream().allMatch(org -> org.values("name").size() == 2), "an English and a Chinese name each");
    }

    @Test
    void everyAgencyLaboratoryAndSubsidiaryOfTheTrackerIsARelationOfItsInstitution() throws IOException {
        JsonNode values = new ObjectMapper().readTree(SharedData.require(CLUSTER).toFile()).get("values");
        Map<String, Integer> entries = new HashMap<>();
        for (JsonNode value : values) {
            value.path("meta").properties().forEach(field -> entries.merge(field.getKey(), field.getValue().size(), Integer::sum));
        }
        assertThat(entries).containsEntry("supervising agencies", 309).containsEntry("subsidiaries", 153)
                .containsEntry("major defence laboratories", 298);

        List<Entity> entities = read(SharedData.require(CLUSTER));
        assertThat(entities.stream().filter(e -> e.schema().getName().equals("UnknownLink"))).hasSize(309)
                .allSatisfy(link -> assertThat(link.values("role")).containsExactly("supervising agency of"));
        assertThat(entities.stream().filter(e -> "major defence laboratory".equals(e.first("role"))))
                .as("298 entries less the 71 notes the tracker writes under a laboratory").hasSize(227);
        assertThat(count(entities, "Ownership") + entities.stream().filter(e -> "subsidiary".equals(e.first("role"))).count()).isEqualTo(153);
        assertThat(entities).filteredOn(e -> e.id().contains("-agency-")).hasSize(53);
        assertThat(entities).filteredOn(e -> e.id().contains("-laboratory-")).hasSize(225);
        assertThat(entities).filteredOn(e -> e.id().contains("-subsidiary-")).hasSize(147);
        assertThat(entities).hasSize(159 * 2 + 53 + 225 + 147 + 309 + 227 + 153);
        assertThat(entities).filteredOn(e -> e.id().contains("-relation-"))
                .allSatisfy(relation -> assertThat(relation.values("sourceUrl")).singleElement().asString()
                        .startsWith("https://unitracker.aspi.org.au/universities/"))
                .allSatisfy(relation -> assertThat(relation.values("publisher")).containsExactly("Australian Strategic Policy Institute"));
    }

    @Test
    void laboratoryIsAnOrganizationOfItsOwnWithItsNamesInBothScripts() {
        Map<String, Entity> byId = byId(read(SharedData.require(CLUSTER)));
        Entity welding = only(byId, e -> e.values("name").contains("State Key Laboratory of Advanced Welding and Joining"));

        assertThat(welding.schema().getName()).isEqualTo("Organization");
        assertThat(welding.values("name")).containsExactly("State Key Laboratory of Advanced Welding and Joining", "先进焊接与连接国家重点实验室",
                "现代焊接生产技术国家重点实验室");
        assertThat(welding.statements()).filteredOn(s -> s.property().equals("name")).extracting(Statement::lang)
                .containsExactly("eng", "zho", "zho");
        Entity membership = only(byId, e -> welding.id().equals(e.first("member")));
        assertThat(membership.schema().getName()).isEqualTo("Membership");
        assertThat(membership.values("organization")).containsExactly(HIT);
        assertThat(membership.values("role")).containsExactly("major defence laboratory");
        assertThat(membership.values("summary")).containsExactly("State Key Laboratory of Advanced Welding and Joining "
                + "(先进焊接与连接国家重点实验室/现代焊接生产技术国家重点实验室)");
        assertThat(membership.values("sourceUrl")).containsExactly("https://unitracker.aspi.org.au/universities/harbin-institute-of-technology");
    }

    @Test
    void laboratoryRunJointlyByTwoUniversitiesIsOneOrganizationWithBothHosts() {
        Map<String, Entity> byId = byId(read(SharedData.require(CLUSTER)));
        Entity lab = only(byId, e -> e.values("name").contains("National Key Laboratory of Science and Technology on Micro/Nano Fabrication"));

        assertThat(lab.values("name")).as("a slash inside a Chinese name is no separator").containsExactly(
                "National Key Laboratory of Science and Technology on Micro/Nano Fabrication", "微米/纳米加工技术国家级重点实验室",
                "微米纳米加工技术国防科技重点实验室", "微米／纳米加工技术国防科技重点实验室");
        assertThat(byId.values()).filteredOn(e -> lab.id().equals(e.first("member"))).extracting(e -> byId.get(e.first("organization")).caption())
                .containsExactlyInAnyOrder("Peking University", "Shanghai Jiao Tong University");
    }

    @Test
    void notesUnderALaboratoryDescribeItsMembershipInsteadOfBecomingLaboratories() {
        Map<String, Entity> byId = byId(read(SharedData.require(CLUSTER)));
        Entity changsha = only(byId, e -> e.id().contains("-laboratory-") && e.values("name").contains("National Supercomputing Center in Changsha"));
        Entity atHunan = only(byId, e -> changsha.id().equals(e.first("member")) && e.first("role").equals("major defence laboratory"));

        assertThat(atHunan.values("organization")).containsExactly("aspi-unitracker-9e35cf4b-8cf4-481c-b2dc-b800c3e59945");
        assertThat(atHunan.values("description")).containsExactly("Jointly run with the PLA National University of Defense Technology",
                "Hosts the PLA’s Tianhe-1A supercomputer",
                "In 2015, the centre was added to the US BIS Entity List because Tianhe-1A is used in research on nuclear explosions.");
        assertThat(byId.values()).filteredOn(e -> e.id().contains("-laboratory-")).flatExtracting(e -> e.values("name"))
                .doesNotContain("Jointly run with AVIC", "Norinco 59", "Norinco’s 59", "Hosts the PLA’s Tianhe-1A supercomputer")
                .contains("Electrical Craft Engineering Technology Research and Development Center", "电子工艺工程技术研究中心");
        assertThat(byId.values()).filteredOn(e -> changsha.id().equals(e.first("member"))).extracting(e -> e.first("role"))
                .as("the National University of Defense Technology lists it as a subsidiary, Hunan University as both")
                .containsExactlyInAnyOrder("major defence laboratory", "subsidiary", "subsidiary");
    }

    @Test
    void agencySupervisingManyInstitutionsIsOnePublicBody() {
        Map<String, Entity> byId = byId(read(SharedData.require(CLUSTER)));
        Entity sastind = only(byId, e -> e.values("alias").contains("SASTIND") && e.id().contains("-agency-"));

        assertThat(sastind.schema().getName()).isEqualTo("PublicBody");
        assertThat(sastind.values("name")).containsExactly("State Administration for Science, Technology and Industry for National Defense");
        assertThat(byId.values()).filteredOn(e -> sastind.id().equals(e.first("subject"))).hasSize(62)
                .allSatisfy(link -> assertThat(link.values("summary"))
                        .containsExactly("State Administration for Science, Technology and Industry for National Defense (SASTIND)"))
                .extracting(link -> link.first("object")).doesNotHaveDuplicates().contains("aspi-unitracker-67135b43-bc3c-4343-abc1-a6ff2a5e0c13");
        assertThat(only(byId, e -> e.values("name").contains("Sinopec Group")).schema().getName())
                .as("an agency whose name says no government body is an Organization").isEqualTo("Organization");
    }

    @Test
    void agencyOrSubsidiaryThatIsAnInstitutionOfTheTrackerIsThatInstitution() {
        Map<String, Entity> byId = byId(read(SharedData.require(CLUSTER)));
        String aecc = "aspi-unitracker-d8484f98-157f-4a68-bde2-3dbfe27b30e4";
        String comac = "aspi-unitracker-2bc5b9ee-cb57-42e6-8fc9-1f8f96f90187";
        String ams = "aspi-unitracker-6ba88ae5-8be1-44cb-bfba-0a01a1309dad";
        String cardc = "aspi-unitracker-3db5f3b5-9200-4d73-b444-27e482318018";

        assertThat(byId.values()).filteredOn(e -> e.schema().getName().equals("UnknownLink") && e.first("object").equals(aecc))
                .extracting(e -> e.first("subject")).contains(AVIC, comac);
        assertThat(byId.values()).filteredOn(e -> e.id().contains("-agency-")).flatExtracting(e -> e.values("name"))
                .doesNotContain("Aviation Industry Corporation of China", "China Electronics Technology Group Corporation");
        assertThat(byId.values()).filteredOn(e -> cardc.equals(e.first("member"))).singleElement()
                .satisfies(membership -> assertThat(membership.values("organization")).containsExactly(ams))
                .satisfies(membership -> assertThat(membership.values("role")).containsExactly("subsidiary"));
    }

    @Test
    void conglomeratesSubsidiariesAreCompaniesItOwns() {
        Map<String, Entity> byId = byId(read(SharedData.require(CLUSTER)));
        List<Entity> owned = byId.values().stream().filter(e -> e.schema().getName().equals("Ownership") && AVIC.equals(e.first("owner"))).toList();

        assertThat(owned).hasSize(24);
        assertThat(owned).extracting(e -> byId.get(e.first("asset"))).allSatisfy(asset -> assertThat(asset.schema().getName()).isEqualTo("Company"))
                .extracting(Entity::caption).contains("FACC AG (Austria)", "AVICOPTER PLC (Shanghai)");
        Entity panda = only(byId, e -> e.values("name").contains("Panda International Information Technology Company"));
        assertThat(panda.values("name")).containsExactly("Panda International Information Technology Company", "熊猫（北京）国际信息技术有限公司");
        assertThat(only(byId, e -> panda.id().equals(e.first("member"))).values("summary"))
                .as("the tracker's doubt stays with the relation").singleElement().asString().startsWith("[Probable] Panda International");
    }

    @Test
    void harbinInstituteOfTechnologyHasItsChineseNameAndTheTrackersFacts() {
        Map<String, Entity> byId = byId(read(SharedData.require(CLUSTER)));

        Entity hit = byId.get(HIT);
        assertEquals(List.of("Harbin Institute of Technology", "哈尔滨工业大学"), hit.values("name"));
        List<String> languages = hit.statements().stream().filter(s -> s.property().equals("name")).map(Statement::lang).toList();
        assertEquals(List.of("eng", "zho"), languages);
        assertEquals(List.of("HIT"), hit.values("alias"), "the Chinese alias is the name already");
        assertEquals(List.of("cn"), hit.values("country"));
        assertEquals(List.of("Seven sons of national defence"), hit.values("classification"));
        assertEquals(List.of("export.risk"), hit.values("topics"));
        assertEquals(13, hit.values("keywords").size());
        assertTrue(hit.values("keywords").contains("Cyber"));
        assertThat(hit.values("notes")).as("agencies, laboratories and subsidiaries are relations now").isEmpty();
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
        assertThat(ams.values("notes")).containsExactly("Latitude: 40.0060427610374", "Longitude: 116.26134600856699");
        Entity warfare = only(byId, e -> e.values("name").contains("Warfare Research Institute"));
        assertThat(warfare.values("name")).containsExactly("Warfare Research Institute", "战争研究院");
        assertThat(only(byId, e -> warfare.id().equals(e.first("member"))).values("organization")).containsExactly(ams.id());
    }

    @Test
    void importHasNoDataDateAndReimportChangesNothing() {
        Path cluster = SharedData.require(CLUSTER);
        try (StatementStore store = new H2StatementStore(folder, ConvergenceModel.standard())) {
            ImportResult first = importFile(store, cluster);
            assertNull(first.version().dataDate(), "the cluster states no date");
            assertEquals(read(cluster).size(), first.version().entityCount());
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

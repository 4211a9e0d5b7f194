package org.convergence.lists;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.convergence.ConvergenceException;
import org.convergence.InvalidRecordException;
import org.convergence.ingest.ImportProgress;
import org.convergence.ingest.ImportResult;
import org.convergence.lists.nro.NroHtmlReader;
import org.convergence.model.ConvergenceModel;
import org.convergence.model.Entity;
import org.convergence.store.H2StatementStore;
import org.convergence.store.StatementStore;
import org.convergence.testing.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Canada's Named Research Organizations page, read in place and checked against the two CSVs parsed from it independently. */
class NroHtmlReaderTest {
    private static final String PAGE = "research-security/ca-nro/named-research-organizations_2024-04-18.html";
    private static final String CSV = "research-security/ca-nro/named-research-organizations_2024-04-18.csv";
    private static final String CSV_WITH_ALIASES = "research-security/ca-nro/nro_list_with_aliases_2024-04-18.csv";
    private static final Map<String, String> CODES = Map.of("People's Republic of China", "cn", "Iran", "ir", "Russia", "ru");

    @TempDir
    Path folder;

    private static List<Entity> read(Path file) {
        List<Entity> entities = new ArrayList<>();
        try (NroHtmlReader reader = new NroHtmlReader(file, "ca-nro", ConvergenceModel.standard())) {
            for (Entity entity; (entity = reader.next()) != null; ) {
                entities.add(entity);
            }
        }
        return entities;
    }

    private static Map<String, Entity> organizations(List<Entity> entities) {
        return entities.stream().filter(e -> e.schema().getName().equals("Organization"))
                .collect(Collectors.toMap(e -> e.first("name"), Function.identity()));
    }

    private static ImportResult importFile(StatementStore store, Path file) {
        return ListSource.CA_NRO.importInto(store, file, ConvergenceModel.standard(), false, ImportProgress.NONE);
    }

    /** Name to {country code, sorted aliases without the name itself}, from a derived CSV (name, country, "; "-separated aliases). */
    private static Map<String, List<Object>> csv(Path file) throws IOException {
        Map<String, List<Object>> rows = new TreeMap<>();
        try (MappingIterator<String[]> lines = new CsvMapper().enable(CsvParser.Feature.WRAP_AS_ARRAY).readerForArrayOf(String.class)
                .with(CsvSchema.emptySchema().withSkipFirstDataRow(true)).readValues(file.toFile())) {
            for (String[] row : lines.readAll()) {
                String country = CODES.get(row[1].replace('’', '\'').strip());
                Set<String> aliases = new TreeSet<>(Arrays.stream(row[2].split(";")).map(String::strip).filter(a -> !a.isEmpty()).toList());
                aliases.remove(row[0]);
                rows.put(row[0], List.of(country, aliases));
            }
        }
        return rows;
    }

    @Test
    void everyOrganisationOfThePageIsReadAsTheDerivedCsvsListIt() throws IOException {
        Map<String, Entity> read = organizations(read(SharedData.require(PAGE)));
        Map<String, List<Object>> fromPage = new TreeMap<>();
        read.forEach((name, org) -> fromPage.put(name, List.of(org.first("country"), new TreeSet<>(org.values("alias")))));
        Map<String, List<Object>> csv = csv(SharedData.require(CSV));
        assertEquals(csv, fromPage);
        assertEquals(csv(SharedData.require(CSV_WITH_ALIASES)), fromPage);

        assertEquals(103, read.size());
        Map<Object, Long> perCountry = csv.values().stream().collect(Collectors.groupingBy(row -> row.get(0), Collectors.counting()));
        assertEquals(Map.of("cn", 85L, "ir", 12L, "ru", 6L), perCountry);
        assertEquals(94, read.values().stream().filter(org -> !org.values("alias").isEmpty()).count());
    }

    @Test
    void eachOrganisationHasOneListingUnderThePolicy() {
        List<Entity> entities = read(SharedData.require(PAGE));
        List<Entity> listings = entities.stream().filter(e -> e.schema().getName().equals("Sanction")).toList();
        assertEquals(103, listings.size());
        Set<String> ids = entities.stream().map(Entity::id).collect(Collectors.toSet());
        assertEquals(206, ids.size(), "ids are unique");
        for (Entity listing : listings) {
            assertTrue(ids.contains(listing.first("entity")));
            assertEquals(List.of("Innovation, Science and Economic Development Canada"), listing.values("authority"), "the page's publisher");
            assertEquals(List.of(NroHtmlReader.PROGRAM), listing.values("program"));
            assertEquals(List.of("ca"), listing.values("country"));
        }
    }

    @Test
    void spotChecksOfARussianAChineseAndAnIranianOrganisation() {
        Map<String, Entity> byId = new HashMap<>();
        read(SharedData.require(PAGE)).forEach(e -> byId.put(e.id(), e));

        Entity institute48 = byId.get("ca-nro-ru-48th-central-scientific-research-institute");
        assertEquals(List.of("48th Central Scientific Research Institute"), institute48.values("name"));
        assertEquals("eng", institute48.statements().getFirst().lang());
        assertEquals(List.of("ru"), institute48.values("country"));
        assertEquals(10, institute48.values("alias").size());
        assertEquals("48th TsNII Sergiev Posad", institute48.values("alias").getFirst());
        assertTrue(institute48.values("alias").containsAll(List.of("Zargorsk Institute", "the Virology Center", "48th TsNII Kirov")));
        assertEquals(List.of("export.control"), institute48.values("topics"));
        assertEquals(List.of(NroHtmlReader.SOURCE_URL), institute48.values("sourceUrl"));
        assertEquals(List.of("ca-nro-ru-48th-central-scientific-research-institute"),
                byId.get("ca-nro-sanction-ru-48th-central-scientific-research-institute").values("entity"));

        Entity xian = byId.get("ca-nro-cn-air-force-xi-an-flight-academy");
        assertEquals(List.of("Air Force Xi’an Flight Academy"), xian.values("name"));
        assertEquals(List.of("PLA Air Force Xi'an Flight Academy", "Air Force Xi'an Flight Academy", "Xi'an Flying College of PLA Air Force"),
                xian.values("alias"));
        assertEquals(List.of("cn"), byId.get("ca-nro-cn-harbin-institute-of-technology").values("country"));
        assertEquals(List.of("HIT"), byId.get("ca-nro-cn-harbin-institute-of-technology").values("alias"));

        Entity sharif = byId.get("ca-nro-ir-sharif-university-of-technology");
        assertEquals(List.of("Arya-Mehr University of Technology", "SHFT", "SUT: Sharif Technical University"), sharif.values("alias"));
        assertEquals(List.of("ir"), sharif.values("country"));
    }

    @Test
    void importTakesThePagesDateModifiedAndReimportChangesNothing() {
        Path page = SharedData.require(PAGE);
        try (StatementStore store = new H2StatementStore(folder, ConvergenceModel.standard())) {
            ImportResult first = importFile(store, page);
            assertEquals("2024-04-18", first.version().dataDate());
            assertEquals(206, first.version().entityCount());
            ImportResult again = importFile(store, page);
            assertTrue(again.unchanged());
            assertEquals(first.version().version(), again.version().version());
            assertEquals(1, store.versions("ca-nro").size());
        }
    }

    @Test
    void truncatedPageIsRejectedAndNothingIsImported() throws IOException {
        String text = Files.readString(SharedData.require(PAGE));
        Path truncated = Files.writeString(folder.resolve("truncated.html"), text.substring(0, text.length() / 2));
        try (StatementStore store = new H2StatementStore(folder.resolve("store"), ConvergenceModel.standard())) {
            ConvergenceException error = assertThrows(ConvergenceException.class, () -> importFile(store, truncated));
            assertTrue(error.getMessage().contains("truncated.html") && error.getMessage().contains("is the file truncated?"), error.getMessage());
            assertTrue(store.versions("ca-nro").isEmpty());
        }
    }

    @Test
    void pageOfAnotherListIsRejected() throws IOException {
        Path other = Files.writeString(folder.resolve("areas.html"), """
                <html><body><main><h1 id="wb-cont">Sensitive Technology Research Areas</h1>
                <ul><li><strong>Advanced digital infrastructure technology</strong></li></ul></main></body></html>""");
        ConvergenceException error = assertThrows(ConvergenceException.class, () -> read(other));
        assertTrue(error.getMessage().contains("areas.html") && error.getMessage().contains("expected 'Named Research Organizations'"),
                error.getMessage());
    }

    @Test
    void organisationWithoutItsCountryNamesTheItemAndTheField() throws IOException {
        String text = Files.readString(SharedData.require(PAGE));
        Path broken = Files.writeString(folder.resolve("no-country.html"),
                text.replaceFirst("Russian Academy of Sciences</strong> \\(Russia\\)", "Russian Academy of Sciences</strong>"));
        try (StatementStore store = new H2StatementStore(folder.resolve("store"), ConvergenceModel.standard())) {
            InvalidRecordException error = assertThrows(InvalidRecordException.class, () -> importFile(store, broken));
            assertTrue(error.location().startsWith("no-country.html:") && error.location().contains("item 1"), error.getMessage());
            assertTrue(error.problem().startsWith("country: expected '(country)'"), error.getMessage());
            assertTrue(store.versions("ca-nro").isEmpty());
        }
    }

    @Test
    void impossibleDateModifiedIsRejected() throws IOException {
        String text = Files.readString(SharedData.require(PAGE));
        Path broken = Files.writeString(folder.resolve("bad-date.html"), text.replace(">2024-04-18</time>", ">2024-02-30</time>"));
        ConvergenceException error = assertThrows(ConvergenceException.class, () -> read(broken));
        assertTrue(error.getMessage().contains("bad-date.html") && error.getMessage().contains("dateModified")
                && error.getMessage().contains("2024-02-30"), error.getMessage());
    }

    @Test
    void pageSavedInAnotherEncodingIsRejected() throws IOException {
        String text = Files.readString(SharedData.require(PAGE));
        Path latin = Files.write(folder.resolve("cp1252.html"), text.getBytes(Charset.forName("windows-1252")));
        ConvergenceException error = assertThrows(ConvergenceException.class, () -> read(latin));
        assertTrue(error.getMessage().contains("cp1252.html") && error.getMessage().contains("not UTF-8"), error.getMessage());
        assertFalse(error instanceof InvalidRecordException, "the whole file is unreadable, not one record");
    }
}

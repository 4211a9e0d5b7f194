package org.convergence.screening.eval;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.convergence.ConvergenceException;
import org.convergence.ErrorCategory;
import org.convergence.screening.ScreeningIndex;
import org.convergence.screening.Screener;
import org.convergence.screening.names.NameKind;
import org.convergence.screening.names.NameNormalizer;
import org.convergence.screening.names.NormalizedName;

/**
 * The labelled name-matching sets in {@code ../shared/data/name-matching}, read as screening cases.
 *
 * <p>yente's positives name a UN-listed person without its id: the untreated row is the UN name as
 * listed, the treated row (same line) a typo or reordering of it. The right entity is the one in the
 * {@code un-sc} dataset whose name has the same parts as the untreated name (and, when several do, the
 * same date of birth); rows whose person is not in the imported UN version are left out and counted.
 *
 * <p>The Chinese cross-script set is built from two lists: each Named Research Organization whose
 * English name (or alias) is an ASPI tracker institution's English name is queried by the ASPI
 * Chinese name alone, against {@code ca-nro}; the NRO entry must come first.
 */
public final class LabelledSets {
    public static final String UN_UNTREATED = "yente/cgb_positives_un_untreated.csv";
    public static final String UN_TREATED = "yente/cgb_positives_un_treated.csv";
    public static final String UN_SHORTENED = "yente/cgb_positives_un_untreated.csv, middle names left out";
    public static final String NEGATIVES = "yente/cgb_negatives_global.csv";
    /** Suffix of a set's name-only variant (see {@link #nameOnly}). */
    public static final String NAME_ONLY = ", name only";
    public static final String CROSS_SCRIPT = "watchman/cross_script_pairs.csv";
    public static final String OFAC_CASES = "watchman/watchman-java_ofac_test_cases.csv";
    public static final String NRO_CHINESE = "ca-nro × aspi-unitracker (Chinese names)";
    public static final String PUTIN = "nomenklatura/putin_names.txt";
    public static final String OFAC_FIXTURES = "nomenklatura/ofac_score_fixtures.csv";
    public static final String CONGRESS = "yente/cgb_positives_us_congress_untreated.csv";

    private final Path nameMatching;
    private final ScreeningIndex index;
    private final NameNormalizer normalizer;

    /** What a set gave: its cases, and the rows left out with the reason. */
    public record Loaded(String set, List<LabelledCase> cases, int leftOut, String leftOutReason) {}

    public LabelledSets(Path nameMatching, ScreeningIndex index) {
        this.nameMatching = nameMatching;
        this.index = index;
        this.normalizer = index.normalizer();
    }

    /** The UN positives (untreated or treated): the person must be returned as a match. */
    public Loaded unPositives(String file) {
        List<Map<String, String>> untreated = csv(UN_UNTREATED);
        List<Map<String, String>> rows = file.equals(UN_UNTREATED) ? untreated : csv(file);
        Map<String, List<ScreeningIndex.Indexed>> unByName = namesOf("un-sc");
        List<LabelledCase> cases = new ArrayList<>();
        int leftOut = 0;
        for (int i = 0; i < rows.size() && i < untreated.size(); i++) {
            Optional<String> expected = resolve(unByName, untreated.get(i));
            if (expected.isEmpty()) {
                leftOut++;
                continue;
            }
            cases.add(new LabelledCase(file, i + 1, personQuery(rows.get(i), i), "un-sc", new LabelledCase.Finds(expected.get(), false)));
        }
        return new Loaded(file, cases, leftOut, "person not found by name in the imported un-sc version");
    }

    /**
     * The UN positives as screening often meets them: the untreated names of three or more parts cut
     * to their first and last part (no patronymic, no middle names), with the row's date of birth and
     * nationality. The listed person must still come back as a match.
     */
    public Loaded unShortened() {
        Loaded full = unPositives(UN_UNTREATED);
        List<LabelledCase> cases = new ArrayList<>();
        for (LabelledCase kase : full.cases()) {
            String name = kase.query().properties().get("name").getFirst();
            String[] parts = name.strip().split("\\s+");
            if (parts.length < 3) {
                continue;
            }
            Map<String, List<String>> properties = new LinkedHashMap<>(kase.query().properties());
            properties.put("name", List.of(parts[0] + " " + parts[parts.length - 1]));
            cases.add(new LabelledCase(UN_SHORTENED, kase.row(), new Screener.Query(kase.query().id(), "Person", properties), kase.scope(),
                    kase.expectation()));
        }
        return new Loaded(UN_SHORTENED, cases, full.leftOut(), full.leftOutReason());
    }

    /**
     * A set's cases with the name alone, no date of birth or nationality, as screening often meets
     * them (a payee, a co-author): what a name says without the facts that usually confirm or rule out
     * a match. The set is named with {@link #NAME_ONLY} after the original's name.
     */
    public Loaded nameOnly(Loaded set) {
        List<LabelledCase> cases = set.cases().stream().map(kase -> new LabelledCase(set.set() + NAME_ONLY, kase.row(),
                new Screener.Query(kase.query().id(), kase.query().schema(), Map.of("name", kase.query().properties().getOrDefault("name", List.of()))),
                kase.scope(), kase.expectation())).toList();
        return new Loaded(set.set() + NAME_ONLY, cases, set.leftOut(), set.leftOutReason());
    }

    /** People on no list: nothing may be flagged. {@code every} keeps one row in that many (1 = all). */
    public Loaded negatives(String file, int every) {
        List<Map<String, String>> rows = csv(file);
        List<LabelledCase> cases = new ArrayList<>();
        for (int i = 0; i < rows.size(); i += every) {
            cases.add(new LabelledCase(file, i + 1, personQuery(rows.get(i), i), "all", new LabelledCase.NoMatch()));
        }
        return new Loaded(file, cases, 0, null);
    }

    /**
     * Members of the US Congress, whose names are common American names: not on any list of this
     * work, so nothing may be flagged. A stress test of common names, with the year of birth.
     */
    public Loaded congress() {
        Loaded loaded = negatives(CONGRESS, 1);
        return new Loaded(CONGRESS, loaded.cases(), 0, null);
    }

    /**
     * One person's name in about eighty scripts and languages (nomenklatura's fixture), each against
     * the name as OFAC lists it: every one is the same person. Titles (President, Presidente ...) are
     * part of several of them.
     */
    public Loaded putinNames() {
        List<LabelledCase> cases = new ArrayList<>();
        List<String> lines = lines(PUTIN);
        Map<String, List<String>> listed = Map.of("name", List.of("PUTIN, Vladimir Vladimirovich"));
        for (int i = 0; i < lines.size(); i++) {
            String name = lines.get(i).strip();
            if (!name.isEmpty()) {
                cases.add(new LabelledCase(PUTIN, i + 1, query("Person", "name", name, i), "all", new LabelledCase.Pair("Person", listed, true)));
            }
        }
        return new Loaded(PUTIN, cases, 0, null);
    }

    /**
     * nomenklatura's OFAC-tool fixtures: a query and a name from the OFAC list, labelled same party or
     * not by reading each pair ({@code ofac-fixture-labels.yaml}); pairs that the names alone cannot
     * settle are left out.
     */
    public Loaded ofacFixtures() {
        FixtureLabels labels = readResource("/org/convergence/screening/eval/ofac-fixture-labels.yaml", new TypeReference<>() {});
        List<Map<String, String>> rows = csv(OFAC_FIXTURES);
        List<LabelledCase> cases = new ArrayList<>();
        int leftOut = 0;
        for (int i = 0; i < rows.size(); i++) {
            int row = i + 1;
            if (labels.leftOut().contains(row)) {
                leftOut++;
                continue;
            }
            String result = rows.get(i).get("result_name");
            // a listed name with a comma is a person's (FAMILY, Given); without one, the fixtures mix people and organisations
            String schema = result.contains(",") ? "Person" : "LegalEntity";
            cases.add(new LabelledCase(OFAC_FIXTURES, row, query(schema, "name", rows.get(i).get("query_name"), i), "all",
                    new LabelledCase.Pair(schema, Map.of("name", List.of(result)), labels.same().contains(row))));
        }
        return new Loaded(OFAC_FIXTURES, cases, leftOut, "the names alone cannot say whether the parties are the same");
    }

    private record FixtureLabels(List<Integer> same, @JsonProperty("left_out") List<Integer> leftOut) {}

    /** Watchman's cross-script pairs: query name and expected name must score as a match. */
    public Loaded crossScriptPairs() {
        List<LabelledCase> cases = new ArrayList<>();
        List<String> lines = lines(CROSS_SCRIPT);
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] fields = line.split(",", 4);
            if (fields.length < 2) {
                continue;
            }
            cases.add(new LabelledCase(CROSS_SCRIPT, i + 1, query("Person", "name", fields[0].strip(), i), "all",
                    new LabelledCase.Pair("Person", Map.of("name", List.of(fields[1].strip())), true)));
        }
        return new Loaded(CROSS_SCRIPT, cases, 0, null);
    }

    /**
     * Watchman-java's OFAC cases: must/should alert, or must not. Cases marked may_alert or
     * context_dependent say no right answer and are left out. A few cases test a party no real list
     * names (ACME CORP); those parties are listed, with the case's words, in
     * {@code watchman-presupposed-parties.yaml} and scored beside the real lists' candidates.
     */
    public Loaded ofacCases() {
        List<Map<String, String>> rows = csv(OFAC_CASES);
        List<LabelledCase> cases = new ArrayList<>();
        int leftOut = 0;
        for (int i = 0; i < rows.size(); i++) {
            Map<String, String> row = rows.get(i);
            String outcome = row.getOrDefault("expected_outcome", "");
            boolean alert = outcome.equals("must_alert") || outcome.equals("should_alert");
            if (!alert && !outcome.equals("must_not_alert")) {
                leftOut++;
                continue;
            }
            String category = row.getOrDefault("category", "");
            String schema = category.startsWith("entity") || row.getOrDefault("test_value", "").matches(".*\\b(BANK|LIMITED|LTD|LLC|CORPORATION|STATE)\\b.*")
                    ? "LegalEntity" : "Person";
            List<LabelledCase.Presupposed> presupposed = PRESUPPOSED.stream().filter(p -> p.testId().equals(row.get("test_id")))
                    .map(p -> new LabelledCase.Presupposed(p.schema(), p.name(), p.reason())).toList();
            cases.add(new LabelledCase(OFAC_CASES, i + 1, query(schema, "name", row.get("test_value"), i), "all",
                    new LabelledCase.Alert(alert, presupposed)));
        }
        return new Loaded(OFAC_CASES, cases, leftOut, "expected outcome may_alert or context_dependent");
    }

    /** A test party one of watchman-java's cases presupposes (see {@code watchman-presupposed-parties.yaml}). */
    private record PresupposedParty(@JsonProperty("case") String testId, String schema, String name, String reason) {}

    private static final List<PresupposedParty> PRESUPPOSED = readPresupposed();

    private static List<PresupposedParty> readPresupposed() {
        return readResource("/org/convergence/screening/eval/watchman-presupposed-parties.yaml", new TypeReference<>() {});
    }

    private static <T> T readResource(String resource, TypeReference<T> type) {
        try (var in = LabelledSets.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing from the build");
            }
            return new ObjectMapper(new YAMLFactory()).readValue(in, type);
        } catch (IOException e) {
            throw new IllegalStateException(resource + " is part of the build and must be readable: " + e.getMessage(), e);
        }
    }

    /** Named Research Organizations queried by the Chinese name the ASPI tracker gives the same institution. */
    public Loaded nroByChineseName() {
        Map<String, List<ScreeningIndex.Indexed>> nroByName = namesOf("ca-nro");
        List<LabelledCase> cases = new ArrayList<>();
        Map<String, Boolean> seen = new HashMap<>();
        int row = 0;
        for (ScreeningIndex.Indexed aspi : index.entitiesOf("aspi-unitracker")) {
            List<String> names = aspi.properties().getOrDefault("name", List.of());
            String chinese = names.stream().filter(name -> name.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN))
                    .findFirst().orElse(null);
            if (chinese == null) {
                continue;
            }
            for (String english : names) {
                if (english.equals(chinese)) {
                    continue;
                }
                List<ScreeningIndex.Indexed> nro = nroByName.getOrDefault(nameKey(english, NameKind.ORGANISATION), List.of());
                if (nro.size() == 1 && seen.putIfAbsent(nro.getFirst().screened().id(), true) == null) {
                    cases.add(new LabelledCase(NRO_CHINESE, ++row, query("Organization", "name", chinese, row), "ca-nro",
                            new LabelledCase.Finds(nro.getFirst().screened().id(), true)));
                }
            }
        }
        return new Loaded(NRO_CHINESE, cases, 0, null);
    }

    private Screener.Query personQuery(Map<String, String> row, int i) {
        Map<String, List<String>> properties = new LinkedHashMap<>();
        properties.put("name", List.of(row.getOrDefault("full_name", "")));
        String born = row.getOrDefault("date_of_birth", "");
        if (!born.isBlank()) {
            properties.put("birthDate", List.of(born.strip()));
        }
        String nationality = row.getOrDefault("nationality", "");
        if (nationality.strip().matches("[a-zA-Z]{2}")) {
            properties.put("nationality", List.of(nationality.strip().toLowerCase()));
        }
        return new Screener.Query("row-" + (i + 1), "Person", properties);
    }

    private static Screener.Query query(String schema, String property, String value, int i) {
        return new Screener.Query("row-" + (i + 1), schema, Map.of(property, List.of(value)));
    }

    /** The untreated row's person in the UN dataset: same name parts, and same birth year when several share them. */
    private Optional<String> resolve(Map<String, List<ScreeningIndex.Indexed>> unByName, Map<String, String> untreated) {
        List<ScreeningIndex.Indexed> found = unByName.getOrDefault(nameKey(untreated.get("full_name"), NameKind.PERSON), List.of());
        if (found.size() > 1) {
            String born = untreated.getOrDefault("date_of_birth", "");
            List<ScreeningIndex.Indexed> sameYear = found.stream()
                    .filter(e -> born.length() >= 4 && e.screened().dates().stream().anyMatch(d -> d.startsWith(born.substring(0, 4)))).toList();
            found = sameYear.isEmpty() ? found : sameYear;
        }
        return found.isEmpty() ? Optional.empty() : Optional.of(found.getFirst().screened().id());
    }

    private Map<String, List<ScreeningIndex.Indexed>> namesOf(String dataset) {
        Map<String, List<ScreeningIndex.Indexed>> byName = new HashMap<>();
        for (ScreeningIndex.Indexed entity : index.entitiesOf(dataset)) {
            for (NormalizedName name : entity.screened().allNames()) {
                List<ScreeningIndex.Indexed> list = byName.computeIfAbsent(sortedKeys(name), key -> new ArrayList<>());
                if (!list.contains(entity)) {
                    list.add(entity);
                }
            }
        }
        return byName;
    }

    private String nameKey(String name, NameKind kind) {
        return sortedKeys(normalizer.normalize(name, kind));
    }

    private static String sortedKeys(NormalizedName name) {
        return name.keys().stream().sorted().reduce((a, b) -> a + " " + b).orElse("");
    }

    private List<Map<String, String>> csv(String relative) {
        Path file = nameMatching.resolve(relative);
        CsvMapper mapper = new CsvMapper().enable(CsvParser.Feature.SKIP_EMPTY_LINES);
        try (MappingIterator<Map<String, String>> rows = mapper.readerForMapOf(String.class)
                .with(CsvSchema.emptySchema().withHeader()).readValues(file.toFile())) {
            return rows.readAll();
        } catch (IOException e) {
            throw new ConvergenceException(ErrorCategory.INVALID_INPUT, file + ": cannot read the labelled set: " + e.getMessage(), e);
        }
    }

    private List<String> lines(String relative) {
        Path file = nameMatching.resolve(relative);
        try {
            return Files.readAllLines(file);
        } catch (IOException e) {
            throw new ConvergenceException(ErrorCategory.INVALID_INPUT, file + ": cannot read the labelled set: " + e.getMessage(), e);
        }
    }
}

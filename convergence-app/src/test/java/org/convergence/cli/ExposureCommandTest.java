package org.convergence.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.convergence.testing.SharedData;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code convergence exposure} as a research-security officer runs it, against the real NRO list and ASPI's tracker. */
class ExposureCommandTest {
    @TempDir
    static Path store;

    @TempDir
    Path folder;

    private static CommandRun run(String... args) {
        return CommandRun.of(args);
    }

    private static String data() {
        return "--data=" + store;
    }

    @BeforeAll
    static void importLists() {
        assertEquals(0, run("lists", "import", "ca-nro", SharedData.require("research-security/ca-nro/named-research-organizations_2024-04-18.html")
                .toString(), data()).exitCode());
        assertEquals(0, run("lists", "import", "aspi-unitracker",
                SharedData.require("research-security/aspi-unitracker/misp_china-defence-universities.json").toString(), data()).exitCode());
    }

    private Path partners() throws IOException {
        return Files.writeString(folder.resolve("partners.csv"), """
                ref,affiliation
                P-1,"School of Materials Science and Engineering, Harbin Institute of Technology, Harbin 150001, China"
                P-2,State Key Laboratory of Advanced Welding and Joining
                P-3,"Department of Chemistry, University of Waterloo, Waterloo, ON, Canada"
                P-4,
                """);
    }

    @Test
    void partnersFileGivesOneJsonLineARowWithTierAndSourcedPaths() throws IOException {
        Path results = folder.resolve("exposure.jsonl");
        CommandRun run = run("exposure", partners().toString(), "--column", "id=ref", "--column", "name=affiliation", "--user", "officer", "-o",
                results.toString(), data());
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.err().contains("checked 4 partners") && run.err().contains("1 listed, 1 linked, 1 clear, 1 not checked"), run.err());
        ObjectMapper json = new ObjectMapper();
        List<JsonNode> lines = Files.readAllLines(results).stream().map(line -> {
            try {
                return json.readTree(line);
            } catch (IOException e) {
                throw new AssertionError(e);
            }
        }).toList();
        assertEquals(List.of("listed", "linked", "clear", "clear"), lines.stream().map(line -> line.get("tier").asText()).toList());
        assertEquals(List.of(1, 2, 3, 4), lines.stream().map(line -> line.get("row").asInt()).toList());
        JsonNode labPath = lines.get(1).get("paths").get(0);
        JsonNode first = labPath.get("steps").get(0);
        assertTrue(first.get("score").asDouble() > 0.8, first.toString());
        assertTrue(first.get("relation").get("label").asText().contains("belongs to"), first.toString());
        assertTrue(first.get("relation").get("source").get("records").size() > 0, first.toString());
        assertTrue(lines.get(3).get("error").asText().contains("no name or affiliation"), lines.get(3).toString());
    }

    @Test
    void htmlReportDrawsEachPathAndEscapesNames() throws IOException {
        Path report = folder.resolve("exposure.html");
        Path file = Files.writeString(folder.resolve("odd.csv"), "affiliation\n\"<script>alert(1)</script> Lab, Harbin Institute of Technology\"\n");
        CommandRun run = run("exposure", file.toString(), "--column", "name=affiliation", "--user", "officer", "--format", "html", "-o", report.toString(),
                data());
        assertEquals(0, run.exitCode(), run.err());
        String html = Files.readString(report);
        assertTrue(html.contains("<svg") && html.contains("Harbin Institute of Technology") && html.contains("&lt;script&gt;"), html);
        assertFalse(html.contains("<script>"), html);
    }

    @Test
    void fileWithoutTheMappedColumnIsRefusedNamingTheColumns() throws IOException {
        CommandRun run = run("exposure", partners().toString(), "--column", "name=partner", "--user", "officer", data());
        assertEquals(3, run.exitCode(), run.err());
        assertTrue(run.err().contains("column 'partner' (mapped to name) is not in partners.csv; its columns are: ref, affiliation"), run.err());
    }
}

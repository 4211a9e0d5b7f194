package org.convergence.analytics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.convergence.model.ConvergenceModel;
import org.convergence.store.H2StatementStore;
import org.convergence.store.StatementStore;
import org.convergence.testing.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The analytics over the repository's own evidence base agree with counts taken from the YAML files
 * directly (a plain YAML tree, not the evidence reader): per domain and year, and per direction and period.
 */
class RepositoryAnalyticsTest {
    private static final Path EVIDENCE = Path.of(System.getProperty("convergence.repository.root", "..")).resolve("evidence");

    @TempDir
    Path folder;

    private static List<JsonNode> rawEvents() throws IOException {
        List<JsonNode> events = new ArrayList<>();
        try (Stream<Path> files = Files.list(EVIDENCE.resolve("events"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
                new YAMLMapper().readTree(file.toFile()).forEach(events::add);
            }
        }
        return events;
    }

    @Test
    void matrixAndFlowsMatchCountsFromTheFiles() throws IOException {
        ConvergenceModel model = ConvergenceModel.standard();
        try (StatementStore store = new H2StatementStore(folder, model)) {
            Fixtures.importEvidence(store, EVIDENCE, model);
            ConvergenceAnalytics analytics = ConvergenceAnalytics.fromStore(store);

            Map<String, Integer> byDomainYear = new HashMap<>();
            int[] direction2022 = new int[3];
            for (JsonNode event : rawEvents()) {
                int year = Integer.parseInt(event.get("date").asText().substring(0, 4));
                byDomainYear.merge(event.get("domain").asText() + "|" + year, 1, Integer::sum);
                if (year >= 2022) {
                    direction2022[List.of("ru-to-cn", "cn-to-ru", "joint").indexOf(event.get("direction").asText())]++;
                }
            }
            ConvergenceAnalytics.Matrix matrix = analytics.matrix(FlowFilter.ALL);
            assertTrue(byDomainYear.size() > 50);
            byDomainYear.forEach((key, count) -> {
                String[] parts = key.split("\\|");
                assertEquals(count, matrix.count(parts[0], Integer.parseInt(parts[1])), key);
            });
            ConvergenceAnalytics.PeriodFlows after2022 = analytics.flowsByPeriod(FlowFilter.ALL, List.of(1991, 2022)).get(1);
            assertEquals(direction2022[0], after2022.ruToCn());
            assertEquals(direction2022[1], after2022.cnToRu());
            assertEquals(direction2022[2], after2022.joint());
        }
    }
}

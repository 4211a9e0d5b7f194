package org.convergence.exposure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.convergence.graph.ExposureGraph;
import org.convergence.ingest.ImportProgress;
import org.convergence.lists.ListSource;
import org.convergence.model.ConvergenceModel;
import org.convergence.screening.Scope;
import org.convergence.screening.Screener;
import org.convergence.screening.audit.AuditLog;
import org.convergence.screening.audit.AuditedScreener;
import org.convergence.screening.audit.Requester;
import org.convergence.store.H2StatementStore;
import org.convergence.store.StatementStore;
import org.convergence.testing.Fixtures;
import org.convergence.testing.SharedData;
import org.convergence.testing.TestStores;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The exposure check on real data: ASPI's tracker, the Named Research Organizations, the yente ZALA
 * fixture and the repository's evidence base, plus a small file of companies whose ownership runs in a
 * cycle and to itself, one of them owning a share of a listed university.
 */
class ExposureCheckTest {
    private static final String HIT_ASPI = "aspi-unitracker-7e1827c7-cc6b-4b73-a557-8bd2b9a7f65d";

    @TempDir
    static Path folder;

    private static StatementStore store;
    private static Screener screener;
    private static ExposureCheck check;
    private static AuditLog log;

    @BeforeAll
    static void importSources() throws IOException {
        ConvergenceModel model = ConvergenceModel.standard();
        store = new H2StatementStore(folder.resolve("store"), model);
        ListSource.ASPI_UNITRACKER.importInto(store, SharedData.require("research-security/aspi-unitracker/misp_china-defence-universities.json"),
                model, false, ImportProgress.NONE);
        ListSource.CA_NRO.importInto(store, SharedData.require("research-security/ca-nro/named-research-organizations_2024-04-18.html"), model,
                false, ImportProgress.NONE);
        TestStores.importFtm(store, SharedData.require("ftm/yente_zala_entities.ftm.json"), "zala", false);
        Fixtures.importEvidence(store, Path.of(System.getProperty("convergence.repository.root", "..")).resolve("evidence"), model);
        Path cycle = folder.resolve("cycle.ftm.json");
        Files.writeString(cycle, String.join("\n",
                "{\"id\": \"c1\", \"schema\": \"Company\", \"properties\": {\"name\": [\"Quillfeather Circuit Holdings Ltd\"]}}",
                "{\"id\": \"c2\", \"schema\": \"Company\", \"properties\": {\"name\": [\"Marrowdale Loop Trading Ltd\"]}}",
                "{\"id\": \"o1\", \"schema\": \"Ownership\", \"properties\": {\"owner\": [\"c1\"], \"asset\": [\"c2\"]}}",
                "{\"id\": \"o2\", \"schema\": \"Ownership\", \"properties\": {\"owner\": [\"c2\"], \"asset\": [\"c1\"]}}",
                "{\"id\": \"o3\", \"schema\": \"Ownership\", \"properties\": {\"owner\": [\"c1\"], \"asset\": [\"c1\"]}}",
                "{\"id\": \"o4\", \"schema\": \"Ownership\", \"properties\": {\"owner\": [\"c2\"], \"asset\": [\"" + HIT_ASPI + "\"],"
                        + " \"sourceUrl\": [\"https://example.org/registry/o4\"]}}") + "\n");
        TestStores.importFtm(store, cycle, "partners-fixture", false);
        screener = Screener.open(store);
        log = AuditLog.of(store);
        ExposureGraph graph = ExposureGraph.build(store);
        check = new ExposureCheck(screener, new AuditedScreener(screener, log), () -> graph, model);
    }

    @AfterAll
    static void close() {
        if (screener != null) {
            screener.close();
        }
        if (store != null) {
            store.close();
        }
    }

    private static Exposure check(String partner) {
        ExposureCheck.Settings settings = new ExposureCheck.Settings(Scope.Spec.of(Scope.ALL), screener.thresholds(), Requester.outsideWorkspaces("tester"), 3, 5);
        return check.check(1, "partners.csv row 1", new Screener.Query("p1", "Organization", Map.of("name", List.of(partner))), settings);
    }

    @Test
    void affiliationNamingALabFirstAndAnAddressFindsTheListedInstitution() {
        Exposure exposure = check("State Key Laboratory of Robotics and System, Harbin Institute of Technology, 92 West Dazhi Street, Harbin 150001, China");
        assertThat(exposure.tier()).isEqualTo(Exposure.Tier.LISTED);
        assertThat(exposure.paths()).anySatisfy(path -> {
            assertThat(path.steps().getFirst().score()).isGreaterThan(0.8);
            assertThat(path.steps().getFirst().matched()).isEqualTo("Harbin Institute of Technology");
            assertThat(path.steps()).anySatisfy(step -> assertThat(step.dataset()).isEqualTo(ListSource.CA_NRO.id()));
        });
        assertThat(exposure.reasons()).anySatisfy(reason -> assertThat(reason).contains("Harbin Institute of Technology").contains("listed by"));
        assertThat(exposure.areas()).contains("Aerospace, Space and Satellite Technology");
        assertThat(exposure.paths()).flatExtracting(Exposure.Path::steps).extracting(Exposure.Step::caption)
                .as("a close name on another list is not the same party").doesNotContain("Harbin University of Science and Technology");
    }

    @Test
    void labNamedAloneIsLinkedByASourcedPathToItsParentOnTheNroList() {
        Exposure exposure = check("State Key Laboratory of Advanced Welding and Joining");
        assertThat(exposure.tier()).isEqualTo(Exposure.Tier.LINKED);
        Exposure.Path path = exposure.paths().stream().filter(candidate -> candidate.target().dataset().equals(ListSource.CA_NRO.id())).findFirst()
                .orElseThrow();
        assertThat(path.steps().getFirst().caption()).isEqualTo("State Key Laboratory of Advanced Welding and Joining");
        Exposure.Link membership = path.steps().getFirst().link();
        assertThat(membership.label()).contains("belongs to");
        assertThat(membership.records()).isNotEmpty();
        assertThat(path.steps().get(1).id()).isEqualTo(HIT_ASPI);
        assertThat(path.steps().get(1).link().schema()).isEqualTo(Exposure.Link.SAME_PARTY);
        assertThat(path.target().caption()).contains("Harbin Institute of Technology");
    }

    @Test
    void chineseAffiliationWrittenAsOneFindsTheInstitution() {
        Exposure exposure = check("哈尔滨工程大学水声工程学院");
        assertThat(exposure.tier()).isEqualTo(Exposure.Tier.LISTED);
        assertThat(exposure.paths()).anySatisfy(path -> assertThat(path.target().caption()).isEqualTo("Harbin Engineering University"));
    }

    @Test
    void institutionOnNoListIsClearWithAReason() {
        Exposure exposure = check("Department of Physics, McGill University, 3600 rue University, Montreal, QC H3A 2T8, Canada");
        assertThat(exposure.tier()).isEqualTo(Exposure.Tier.CLEAR);
        assertThat(exposure.flagged()).isFalse();
        assertThat(exposure.paths()).isEmpty();
        assertThat(exposure.reasons()).containsExactly("No unit of the input matches a party of the lists screened.");
    }

    @Test
    void ownershipCycleAndSelfOwnershipEndInAPathToTheListedUniversity() {
        Exposure exposure = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> check("Quillfeather Circuit Holdings Ltd"));
        assertThat(exposure.tier()).isEqualTo(Exposure.Tier.LINKED);
        Exposure.Path shortest = exposure.paths().getFirst();
        assertThat(shortest.steps()).extracting(Exposure.Step::id).startsWith("c1", "c2", HIT_ASPI);
        assertThat(shortest.steps().get(1).link().urls()).containsExactly("https://example.org/registry/o4");
    }

    @Test
    void everyScreenedUnitIsRecordedInTheAuditLog() {
        Exposure exposure = check("National University of Defense Technology, Changsha, China");
        assertThat(exposure.auditRequests()).isNotEmpty();
        java.io.StringWriter exported = new java.io.StringWriter();
        log.export(exported, AuditLog.Format.JSONL, null, null);
        assertThat(exported.toString()).contains("partners.csv row 1 unit 'National University of Defense Technology' (institution)");
    }

    @Test
    void emptyOrOverlongInputIsAnsweredNotHung() {
        Exposure empty = check("   ");
        assertThat(empty.error()).contains("no name or affiliation");
        assertThat(empty.flagged()).isFalse();
        Exposure overlong = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> check("Harbin Institute of Technology ".repeat(350)));
        assertThat(overlong.error()).isNull();
    }
}

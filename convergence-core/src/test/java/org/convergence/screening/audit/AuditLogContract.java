package org.convergence.screening.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.convergence.ConvergenceException;
import org.convergence.ErrorCategory;
import org.convergence.accounts.Accounts;
import org.convergence.accounts.Role;
import org.convergence.accounts.Workspaces;
import org.convergence.model.ConvergenceModel;
import org.convergence.screening.Scorer;
import org.convergence.screening.Scope;
import org.convergence.screening.Screener;
import org.convergence.screening.Thresholds;
import org.convergence.screening.ScoringModel;
import org.convergence.store.DatasetVersion;
import org.convergence.store.StatementStore;
import org.convergence.testing.SemaFixture;
import org.convergence.testing.SemaFixture.Listed;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The audit log and known false positives, on H2 and on a real PostgreSQL. Each test imports its own
 * small SEMA list into a dataset and country of its own name, so a shared server needs no cleaning.
 */
public abstract class AuditLogContract {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<Listed> PEOPLE = List.of(new Listed("Aleksey", "Oleksin", null, "Aliaksei Aleksin"),
            new Listed("Dmitry Vladimirovich", "Balaba", "1972", null), new Listed("Yelena Nikolaevna", "Dmukhailo", "1971", null));

    private final ConvergenceModel model = ConvergenceModel.standard();
    private final String run = "t" + Long.toString(System.nanoTime(), 36);
    private final String dataset = run + "-sema";
    private final Instant started = Instant.now().minusSeconds(1);
    private StatementStore store;
    private AuditLog log;
    private Screener screener;

    @TempDir
    Path folder;

    protected abstract StatementStore openStore(Path folder);

    @BeforeEach
    void open() throws IOException {
        store = openStore(folder);
        log = AuditLog.of(store);
        importList("v1.xml", PEOPLE);
    }

    @AfterEach
    void close() {
        if (screener != null) {
            screener.close();
        }
        if (store != null) {
            store.close();
        }
    }

    /** Imports a version of the list and screens with a screener built on it (no wait for the refresh interval). */
    private DatasetVersion importList(String file, List<Listed> people) throws IOException {
        DatasetVersion version = SemaFixture.importList(store, folder.resolve(file), dataset, "Testland " + run, people);
        if (screener != null) {
            screener.close();
        }
        screener = new Screener(store, model, new Scorer(ScoringModel.standard()));
        return version;
    }

    private String oleksinId() {
        return "ca-sema-testland-" + run + "-1-1";
    }

    private AuditedScreener.Screening screen(String name) {
        return new AuditedScreener(screener, log).screen(person(name), Scope.Spec.of(dataset), 5, new Thresholds(0.7, 0.5), Requester.outsideWorkspaces("ana"), "test");
    }

    private static Screener.Query person(String name) {
        return new Screener.Query("row-1", "Person", Map.of("name", List.of(name)));
    }

    private List<JsonNode> exportJson() throws IOException {
        StringWriter out = new StringWriter();
        log.export(out, AuditLog.Format.JSONL, started, null);
        List<JsonNode> lines = new ArrayList<>();
        for (String line : out.toString().split("\n")) {
            lines.add(JSON.readTree(line));
        }
        return lines;
    }

    private JsonNode exported(long requestId) throws IOException {
        return exportJson().stream().filter(line -> line.get("request_id").asLong() == requestId).findFirst().orElseThrow();
    }

    @Test
    void recordedRequestExportsWithItsQueryVersionsResultsAndDecision() throws IOException {
        AuditedScreener.Screening screening = screen("Aleksey Oleksin");
        AuditedResult best = screening.results().getFirst();
        assertEquals(oleksinId(), best.entityId());
        log.decide(screening.requestId(), oleksinId(), Decision.FALSE_POSITIVE, Requester.outsideWorkspaces("bob"), "our customer was born in 1990, in Minsk");

        JsonNode line = exported(screening.requestId());
        assertEquals("ana", line.get("user").asText());
        assertEquals("test", line.get("source").asText());
        assertEquals("Aleksey Oleksin", line.at("/query/properties/name/0").asText());
        assertEquals("Person", line.at("/query/schema").asText());
        assertEquals(dataset, line.get("scope").asText());
        assertTrue(line.get("list_versions").toString().contains(dataset + "@1"), line.toString());
        JsonNode result = line.at("/results/0");
        assertEquals(oleksinId(), result.get("entity_id").asText());
        assertEquals("Aleksey Oleksin", result.get("caption").asText());
        assertEquals(dataset + "@1", result.get("list_version").asText());
        assertEquals(best.result().score().score(), result.get("score").asDouble(), 1e-12);
        assertTrue(result.get("match").asBoolean());
        assertFalse(result.get("suppressed").asBoolean());
        assertEquals(best.result().score().features().size(), result.get("features").size());
        assertEquals(Scorer.SIMILARITY, result.at("/features/0/name").asText());
        assertEquals("false-positive", result.at("/decisions/0/decision").asText());
        assertEquals("bob", result.at("/decisions/0/user").asText());
        assertEquals("our customer was born in 1990, in Minsk", result.at("/decisions/0/comment").asText());
        assertFalse(Instant.parse(line.get("requested_at").asText()).isBefore(started));

        StringWriter csv = new StringWriter();
        log.export(csv, AuditLog.Format.CSV, started, null);
        List<Map<String, String>> rows = new ArrayList<>();
        try (MappingIterator<Map<String, String>> reader = new CsvMapper().readerForMapOf(String.class)
                .with(CsvSchema.emptySchema().withHeader()).readValues(csv.toString())) {
            reader.forEachRemaining(rows::add);
        }
        Map<String, String> row = rows.stream().filter(r -> r.get("request_id").equals(String.valueOf(screening.requestId()))
                && r.get("rank").equals("1")).findFirst().orElseThrow();
        assertEquals(AuditExport.CSV_HEADER, List.copyOf(row.keySet()));
        assertEquals(oleksinId(), row.get("entity_id"));
        assertEquals("false-positive", row.get("decision"));
        assertEquals("our customer was born in 1990, in Minsk", row.get("comment"));
        assertEquals("Aleksey Oleksin", JSON.readTree(row.get("query")).at("/properties/name/0").asText());
    }

    @Test
    void falsePositiveIsSuppressedForTheSameQueryUntilTheListedEntityChanges() throws IOException {
        AuditedScreener.Screening first = screen("Aleksey Oleksin");
        log.decide(first.requestId(), oleksinId(), Decision.FALSE_POSITIVE, Requester.outsideWorkspaces("bob"), null);

        // The same question, written differently, against the same list version.
        AuditedScreener.Screening again = screen("  aleksey   OLEKSIN ");
        assertTrue(again.results().getFirst().suppressed(), again.toString());
        assertTrue(again.raised().stream().noneMatch(result -> result.entityId().equals(oleksinId())));
        assertTrue(exported(again.requestId()).at("/results/0/suppressed").asBoolean());

        // A new list version in which another entry changed and this one did not: still suppressed.
        List<Listed> otherChanged = List.of(PEOPLE.get(0), new Listed("Dmitry Vladimirovich", "Balaba", "1972-03-01", null), PEOPLE.get(2));
        assertEquals(2, importList("v2.xml", otherChanged).version());
        AuditedScreener.Screening unchanged = screen("Aleksey Oleksin");
        assertEquals(dataset + "@2", unchanged.results().getFirst().result().entity().version().label());
        assertTrue(unchanged.results().getFirst().suppressed(), unchanged.toString());

        // A version in which this entry changed (a birth date added): raised again.
        List<Listed> thisChanged = List.of(new Listed("Aleksey", "Oleksin", "1975-02-11", "Aliaksei Aleksin"), PEOPLE.get(1), PEOPLE.get(2));
        assertEquals(3, importList("v3.xml", thisChanged).version());
        AuditedScreener.Screening changed = screen("Aleksey Oleksin");
        assertEquals(oleksinId(), changed.raised().getFirst().entityId());
        assertFalse(changed.results().getFirst().suppressed());
        assertFalse(exported(changed.requestId()).at("/results/0/suppressed").asBoolean());
    }

    @Test
    void aDifferentQueryOnTheSameEntityIsStillRaised() {
        AuditedScreener.Screening first = screen("Aleksey Oleksin");
        log.decide(first.requestId(), oleksinId(), Decision.FALSE_POSITIVE, Requester.outsideWorkspaces("bob"), null);

        Screener.Query withBirthDate = new Screener.Query(null, "Person", Map.of("name", List.of("Aleksey Oleksin"), "birthDate", List.of("1975")));
        AuditedScreener.Screening other = new AuditedScreener(screener, log).screen(withBirthDate, Scope.Spec.of(dataset), 5, new Thresholds(0.7, 0.5), Requester.outsideWorkspaces("ana"), null);
        assertFalse(other.results().getFirst().suppressed());
    }

    @Test
    void aLaterTrueMatchDecisionEndsTheSuppression() {
        AuditedScreener.Screening first = screen("Aleksey Oleksin");
        log.decide(first.requestId(), oleksinId(), Decision.FALSE_POSITIVE, Requester.outsideWorkspaces("bob"), null);
        AuditedScreener.Screening second = screen("Aleksey Oleksin");
        assertTrue(second.results().getFirst().suppressed());
        log.decide(second.requestId(), oleksinId(), Decision.TRUE_MATCH, Requester.outsideWorkspaces("carol"), "second review: same person");

        assertFalse(screen("Aleksey Oleksin").results().getFirst().suppressed());
    }

    @Test
    void decisionsNameAnExistingRequestAndOneOfItsResults() {
        AuditedScreener.Screening screening = screen("Aleksey Oleksin");
        ConvergenceException noRequest = assertThrows(ConvergenceException.class,
                () -> log.decide(Long.MAX_VALUE, oleksinId(), Decision.FALSE_POSITIVE, Requester.outsideWorkspaces("bob"), null));
        assertEquals(ErrorCategory.NOT_FOUND, noRequest.category());
        assertTrue(noRequest.getMessage().contains("no screening request " + Long.MAX_VALUE), noRequest.getMessage());

        ConvergenceException noResult = assertThrows(ConvergenceException.class,
                () -> log.decide(screening.requestId(), "ca-sema-nobody", Decision.FALSE_POSITIVE, Requester.outsideWorkspaces("bob"), null));
        assertEquals(ErrorCategory.NOT_FOUND, noResult.category());
        assertTrue(noResult.getMessage().contains("did not return entity 'ca-sema-nobody'") && noResult.getMessage().contains(oleksinId()),
                noResult.getMessage());

        ConvergenceException noUser = assertThrows(ConvergenceException.class,
                () -> log.decide(screening.requestId(), oleksinId(), Decision.FALSE_POSITIVE, new Requester(" ", null), null));
        assertEquals(ErrorCategory.INVALID_INPUT, noUser.category());
    }

    @Test
    void rejectedRequestsAreRecordedWithTheirError() throws IOException {
        ConvergenceException noName = assertThrows(ConvergenceException.class, () -> screen(""));
        assertEquals(ErrorCategory.INVALID_INPUT, noName.category());
        ConvergenceException tooLong = assertThrows(ConvergenceException.class, () -> screen("x".repeat(10_000)));
        assertEquals(ErrorCategory.INVALID_INPUT, tooLong.category());
        assertTrue(tooLong.getMessage().contains("10,000 characters; at most 1,000"), tooLong.getMessage());

        List<JsonNode> rejected = exportJson().stream().filter(line -> line.get("user").asText().equals("ana")
                && !line.get("error").isNull() && line.get("scope").asText().equals(dataset)).toList();
        assertEquals(2, rejected.size(), rejected.toString());
        assertTrue(rejected.get(0).get("error").asText().contains("no name"), rejected.get(0).toString());
        String kept = rejected.get(1).at("/query/properties/name/0").asText();
        assertTrue(kept.length() < 300 && kept.endsWith("(10000 characters)"), kept);
        assertEquals(0, rejected.get(1).get("results").size());
    }

    /** Two teams' workspaces of this test's own, each with a member. */
    private List<Requester> twoTeams() {
        Workspaces workspaces = Workspaces.of(store);
        List<Requester> teams = new ArrayList<>();
        for (String team : List.of("a", "b")) {
            String account = run + "-" + team;
            Accounts.of(store).add(account, Role.ANALYST, "a long enough password".toCharArray());
            workspaces.add(run + "-team-" + team);
            workspaces.join(run + "-team-" + team, account);
            teams.add(new Requester(account, run + "-team-" + team));
        }
        return teams;
    }

    private AuditedScreener.Screening screen(String name, Requester requester) {
        return new AuditedScreener(screener, log).screen(person(name), Scope.Spec.of(dataset), 5, new Thresholds(0.7, 0.5), requester, "test");
    }

    @Test
    void aFalsePositiveSuppressesResultsOnlyInTheWorkspaceItWasDecidedIn() throws IOException {
        List<Requester> teams = twoTeams();
        Requester teamA = teams.get(0);
        Requester teamB = teams.get(1);
        AuditedScreener.Screening first = screen("Aleksey Oleksin", teamA);
        log.decide(first.requestId(), oleksinId(), Decision.FALSE_POSITIVE, teamA, "not our customer");

        assertTrue(screen("Aleksey Oleksin", teamA).results().getFirst().suppressed(), "suppressed for the team that decided");
        AuditedScreener.Screening other = screen("Aleksey Oleksin", teamB);
        assertEquals(oleksinId(), other.raised().getFirst().entityId(), "another team still sees the listed person");
        assertFalse(screen("Aleksey Oleksin").results().getFirst().suppressed(), "and so does the command line, outside any workspace");
        assertFalse(new AuditedScreener(screener, log).lookUp(person("Aleksey Oleksin"), Scope.Spec.of(dataset), 5, new Thresholds(0.7, 0.5),
                teamB.workspace()).getFirst().suppressed(), "a lookup of another team alike");

        AuditedScreener.Screening outside = screen("Aleksey Oleksin");
        log.decide(outside.requestId(), oleksinId(), Decision.FALSE_POSITIVE, Requester.outsideWorkspaces("bob"), null);
        assertFalse(screen("Aleksey Oleksin", teamB).results().getFirst().suppressed(), "a decision outside the workspaces hides nothing in one");
        assertEquals(teamA.workspace(), exported(first.requestId()).get("workspace").asText());
        assertTrue(exported(outside.requestId()).get("workspace").isNull());
    }

    @Test
    void aDecisionOnARequestOfAnotherWorkspaceIsRefusedAsIfItDidNotExist() throws IOException {
        List<Requester> teams = twoTeams();
        AuditedScreener.Screening ofA = screen("Aleksey Oleksin", teams.get(0));

        for (Requester stranger : List.of(teams.get(1), Requester.outsideWorkspaces("bob"))) {
            ConvergenceException refused = assertThrows(ConvergenceException.class,
                    () -> log.decide(ofA.requestId(), oleksinId(), Decision.FALSE_POSITIVE, stranger, null));
            assertEquals(ErrorCategory.NOT_FOUND, refused.category());
            assertTrue(refused.getMessage().contains("no screening request " + ofA.requestId()), refused.getMessage());
        }
        assertEquals(0, exported(ofA.requestId()).at("/results/0/decisions").size(), "nothing was recorded");
        assertFalse(screen("Aleksey Oleksin", teams.get(0)).results().getFirst().suppressed());

        StringWriter onlyB = new StringWriter();
        log.export(onlyB, AuditLog.Format.JSONL, started, teams.get(1).workspace());
        assertEquals("", onlyB.toString(), "team B's export holds none of team A's requests");
        StringWriter onlyA = new StringWriter();
        log.export(onlyA, AuditLog.Format.JSONL, started, teams.get(0).workspace());
        assertEquals(2, onlyA.toString().lines().count(), onlyA.toString());
    }
}

package org.convergence.screening.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.StringWriter;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import org.convergence.model.ConvergenceModel;
import org.convergence.store.H2StatementStore;
import org.convergence.store.StatementStore;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A store whose audit trail was recorded before workspaces existed (schema version 4), opened after: every record stays readable. */
class WorkspacesMigrationTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path folder;

    @Test
    void requestsAndDecisionsRecordedBeforeWorkspacesAreKeptOutsideAnyAndStayReadableAndDecidable() throws Exception {
        String url = "jdbc:h2:file:" + folder.toAbsolutePath().normalize().resolve("convergence");
        Flyway.configure().dataSource(url, "sa", "").locations("classpath:db/migration").target("4").load().migrate();
        try (Connection connection = DriverManager.getConnection(url, "sa", ""); Statement statement = connection.createStatement()) {
            recordedAtVersion4(statement);
        }

        try (StatementStore store = new H2StatementStore(folder, ConvergenceModel.standard())) {
            AuditLog log = AuditLog.of(store);
            StringWriter out = new StringWriter();
            log.export(out, AuditLog.Format.JSONL, null, null);
            JsonNode request = JSON.readTree(out.toString().lines().findFirst().orElseThrow());
            assertEquals("ana", request.get("user").asText());
            assertTrue(request.get("workspace").isNull(), request.toString());
            assertEquals("false-positive", request.at("/results/0/decisions/0/decision").asText());

            // The old decision still counts outside the workspaces, where it was made.
            Map<String, AuditLog.LatestDecision> outside = log.latestDecisions("query-hash", null);
            assertEquals(Decision.FALSE_POSITIVE, outside.get("ca-sema-1").decision());
            assertEquals(Map.of(), log.latestDecisions("query-hash", "any-team"));

            // And the old request can still be decided on from outside the workspaces, as by the command line.
            log.decide(1, "ca-sema-1", Decision.TRUE_MATCH, Requester.outsideWorkspaces("carol"), "second review");
            assertEquals(Decision.TRUE_MATCH, log.latestDecisions("query-hash", null).get("ca-sema-1").decision());
        }
    }

    private static void recordedAtVersion4(Statement statement) throws SQLException {
        statement.executeUpdate("INSERT INTO screening_request (id, requested_at, user_name, query_json, query_hash, scope, result_limit, cutoff,"
                + " match_threshold, list_versions, source, error_message) VALUES (1, TIMESTAMP '2025-01-31 12:00:00', 'ana',"
                + " '{\"schema\":\"Person\",\"properties\":{\"name\":[\"Aleksey Oleksin\"]}}', 'query-hash', 'all', 5, 0.5, 0.7,"
                + " '[\"ca-sema@1\"]', 'customers.csv row 17', NULL)");
        statement.executeUpdate("INSERT INTO screening_result (request_id, result_rank, entity_id, caption, list_version, entity_hash, score,"
                + " is_match, suppressed, features_json) VALUES (1, 1, 'ca-sema-1', 'Aleksey Oleksin', 'ca-sema@1', 'entity-hash', 0.93, TRUE,"
                + " FALSE, '[]')");
        statement.executeUpdate("INSERT INTO screening_decision (request_id, entity_id, query_hash, entity_hash, decision, decided_by, decided_at,"
                + " comment_text) VALUES (1, 'ca-sema-1', 'query-hash', 'entity-hash', 'false-positive', 'bob', TIMESTAMP '2025-01-31 12:05:00',"
                + " 'a namesake')");
    }
}

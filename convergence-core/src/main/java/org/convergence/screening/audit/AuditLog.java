package org.convergence.screening.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.Writer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javax.sql.DataSource;
import org.convergence.ConvergenceException;
import org.convergence.ErrorCategory;
import org.convergence.screening.Screener;
import org.convergence.store.StatementStore;
import org.convergence.store.StoreFailure;

/**
 * The screening audit trail, in the store's database: requests with the results they returned, and
 * analysts' decisions on results. Records are only ever added. Thread-safe: each call takes its own
 * connection from the store's pool.
 */
public final class AuditLog {
    /** The longest comment kept, as in the schema. */
    private static final int MAX_COMMENT = 4096;
    private static final int MAX_SOURCE = 1024;
    private static final int MAX_ERROR = 2048;
    static final ObjectMapper JSON = new ObjectMapper();

    /** Export formats: one JSON object per request, or one CSV row per result. */
    public enum Format { JSONL, CSV }

    private final DataSource dataSource;
    private final String location;

    private AuditLog(DataSource dataSource, String location) {
        this.dataSource = dataSource;
        this.location = location;
    }

    /** The audit log kept in a store's database. */
    public static AuditLog of(StatementStore store) {
        return new AuditLog(store.dataSource(), store.location());
    }

    /**
     * Records a request and the results it returned, in one transaction.
     *
     * @return the request id, by which decisions name the request
     */
    public long record(ScreeningRequest request, List<AuditedResult> results) {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                long id = insertRequest(connection, request);
                insertResults(connection, id, results);
                connection.commit();
                return id;
            } catch (SQLException | RuntimeException e) {
                // A connection the database dropped fails the rollback too ("Connection is closed"): the first failure
                // says what happened. The pool puts auto-commit back when the connection returns to it.
                try {
                    connection.rollback();
                } catch (SQLException rollback) {
                    e.addSuppressed(rollback);
                }
                throw e;
            }
        } catch (SQLException e) {
            throw failure("record a screening request", e);
        }
    }

    private static long insertRequest(Connection connection, ScreeningRequest request) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO screening_request (requested_at, user_name, query_json,"
                + " query_hash, scope, result_limit, match_threshold, cutoff, list_versions, source, error_message, workspace_name)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                new String[] {"id"})) {
            insert.setObject(1, LocalDateTime.ofInstant(request.requestedAt(), ZoneOffset.UTC));
            insert.setString(2, request.requester().user());
            insert.setString(3, json(queryJson(request.query())));
            insert.setString(4, ContentHash.query(request.query()));
            insert.setString(5, request.scope());
            insert.setInt(6, request.limit());
            insert.setDouble(7, request.thresholds().threshold());
            insert.setDouble(8, request.thresholds().cutoff());
            insert.setString(9, json(request.listVersions()));
            insert.setString(10, abbreviate(request.source(), MAX_SOURCE));
            insert.setString(11, abbreviate(request.error(), MAX_ERROR));
            insert.setString(12, request.requester().workspace());
            insert.executeUpdate();
            try (ResultSet keys = insert.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }

    private static void insertResults(Connection connection, long requestId, List<AuditedResult> results) throws SQLException {
        if (results.isEmpty()) {
            return;
        }
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO screening_result (request_id, result_rank, entity_id, caption,"
                + " list_version, entity_hash, score, is_match, suppressed, features_json) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            int rank = 1;
            for (AuditedResult audited : results) {
                Screener.Result result = audited.result();
                insert.setLong(1, requestId);
                insert.setInt(2, rank++);
                insert.setString(3, audited.entityId());
                insert.setString(4, result.entity().screened().caption());
                insert.setString(5, result.entity().version().label());
                insert.setString(6, audited.entityHash());
                insert.setDouble(7, result.score().score());
                insert.setBoolean(8, result.score().match());
                insert.setBoolean(9, audited.suppressed());
                insert.setString(10, json(result.score().features()));
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    /**
     * Records an analyst's decision on one result of a request made in the requester's workspace. A false positive keeps
     * the same query (by content) from raising the same entity again in that workspace while the entity's content stays as
     * it was in that result; a later decision on the same pair in the workspace replaces it.
     *
     * @throws ConvergenceException NOT_FOUND when the request does not exist, was made in another workspace (said as for one
     *     that does not exist), or did not return the entity; INVALID_INPUT for an over-long comment
     */
    public void decide(long requestId, String entityId, Decision decision, Requester requester, String comment) {
        if (comment != null && comment.length() > MAX_COMMENT) {
            throw new ConvergenceException(ErrorCategory.INVALID_INPUT,
                    "the comment has " + comment.length() + " characters; at most " + MAX_COMMENT + " are kept");
        }
        try (Connection connection = dataSource.getConnection()) {
            String queryHash = queryHash(connection, requestId, requester.workspace());
            String entityHash = resultEntityHash(connection, requestId, entityId);
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO screening_decision (request_id, entity_id, query_hash,"
                    + " entity_hash, decision, decided_by, decided_at, comment_text, workspace_name) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                insert.setLong(1, requestId);
                insert.setString(2, entityId);
                insert.setString(3, queryHash);
                insert.setString(4, entityHash);
                insert.setString(5, decision.label());
                insert.setString(6, requester.user());
                insert.setObject(7, LocalDateTime.ofInstant(Instant.now(), ZoneOffset.UTC));
                insert.setString(8, comment == null || comment.isBlank() ? null : comment);
                insert.setString(9, requester.workspace());
                insert.executeUpdate();
            }
        } catch (SQLException e) {
            throw failure("record the decision on request " + requestId, e);
        }
    }

    /** The query hash of a request of this workspace; another workspace's request is not found, so that its existence is not told. */
    private static String queryHash(Connection connection, long requestId, String workspace) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT query_hash, workspace_name FROM screening_request WHERE id = ?")) {
            query.setLong(1, requestId);
            try (ResultSet rows = query.executeQuery()) {
                if (!rows.next() || !Objects.equals(rows.getString(2), workspace)) {
                    throw new ConvergenceException(ErrorCategory.NOT_FOUND, "no screening request " + requestId
                            + (workspace == null ? " outside the workspaces" : " in the workspace '" + workspace + "'")
                            + " in the audit log [Hint: request ids are in the screening output and in 'convergence audit export']");
                }
                return rows.getString(1);
            }
        }
    }

    private static String resultEntityHash(Connection connection, long requestId, String entityId) throws SQLException {
        List<String> returned = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT entity_id, entity_hash FROM screening_result WHERE request_id = ? ORDER BY result_rank")) {
            query.setLong(1, requestId);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    if (rows.getString(1).equals(entityId)) {
                        return rows.getString(2);
                    }
                    returned.add(rows.getString(1));
                }
            }
        }
        throw new ConvergenceException(ErrorCategory.NOT_FOUND, "screening request " + requestId + " did not return entity '" + entityId
                + "'; " + (returned.isEmpty() ? "it returned no results" : "it returned " + returned));
    }

    /** The latest decision on one listed entity for one query, with the entity content it was made on. */
    record LatestDecision(Decision decision, String entityHash) {}

    /** The latest decision made in a workspace (null: outside any) on each entity for queries of this content, by entity id. */
    Map<String, LatestDecision> latestDecisions(String queryHash, String workspace) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement("SELECT entity_id, decision, entity_hash FROM screening_decision"
                        + " WHERE query_hash = ? AND " + (workspace == null ? "workspace_name IS NULL" : "workspace_name = ?") + " ORDER BY id")) {
            query.setString(1, queryHash);
            if (workspace != null) {
                query.setString(2, workspace);
            }
            Map<String, LatestDecision> latest = new HashMap<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    latest.put(rows.getString(1), new LatestDecision(Decision.parse(rows.getString(2)), rows.getString(3)));
                }
            }
            return latest;
        } catch (SQLException e) {
            throw failure("read decisions", e);
        }
    }

    /**
     * Writes the log, oldest request first, streamed: JSON lines (one object per request, with its
     * results and every decision on them) or CSV (one row per result, or per request without results,
     * with the latest decision).
     *
     * @param since only requests made at or after this instant; null for all
     * @param workspace only requests made in this workspace; null for all, in any workspace or none
     */
    public void export(Writer out, Format format, Instant since, String workspace) {
        try (Connection connection = dataSource.getConnection()) {
            AuditExport.write(connection, out, format, since == null ? Instant.EPOCH : since, workspace);
        } catch (SQLException e) {
            throw failure("read the requests to export", e);
        }
    }

    /**
     * The review queue of a workspace: matches that await a decision, newest request first.
     *
     * @param workspace the workspace whose requests to list; null for the requests made outside any
     * @param limit the most items listed
     */
    public List<ReviewItem> awaitingReview(String workspace, int limit) {
        String sql = "SELECT r.id, r.requested_at, r.user_name, r.query_json, r.source, s.entity_id, s.caption, s.score"
                + " FROM screening_request r JOIN screening_result s ON s.request_id = r.id"
                + " WHERE s.is_match = TRUE AND s.suppressed = FALSE AND " + (workspace == null ? "r.workspace_name IS NULL" : "r.workspace_name = ?")
                + " AND NOT EXISTS (SELECT 1 FROM screening_decision d WHERE d.request_id = r.id AND d.entity_id = s.entity_id)"
                + " ORDER BY r.id DESC, s.result_rank LIMIT ?";
        try (Connection connection = dataSource.getConnection(); PreparedStatement query = connection.prepareStatement(sql)) {
            int parameter = 1;
            if (workspace != null) {
                query.setString(parameter++, workspace);
            }
            query.setInt(parameter, limit);
            List<ReviewItem> items = new ArrayList<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    items.add(new ReviewItem(rows.getLong(1), rows.getObject(2, LocalDateTime.class).toInstant(ZoneOffset.UTC), rows.getString(3),
                            queriedName(rows.getString(4)), rows.getString(5), rows.getString(6), rows.getString(7), rows.getDouble(8)));
                }
            }
            return items;
        } catch (SQLException e) {
            throw failure("read the matches awaiting review", e);
        }
    }

    /** The first name of a recorded query, or its whole JSON when it has none (an identifier-only query). */
    private static String queriedName(String queryJson) {
        try {
            JsonNode names = JSON.readTree(queryJson).path("properties").path("name");
            return names.isArray() && !names.isEmpty() ? names.get(0).asText() : queryJson;
        } catch (JsonProcessingException e) {
            return queryJson;
        }
    }

    static Map<String, Object> queryJson(Screener.Query query) {
        Map<String, Object> json = new LinkedHashMap<>();
        if (query.id() != null) {
            json.put("id", query.id());
        }
        json.put("schema", query.schema());
        json.put("properties", query.properties());
        return json;
    }

    static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("audit values are strings, numbers and lists: " + e.getMessage(), e);
        }
    }

    private static String abbreviate(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }

    ConvergenceException failure(String action, SQLException e) {
        return StoreFailure.of(action + " in the audit log", e, location);
    }
}

package org.convergence.screening.audit;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.convergence.CsvRows;

/**
 * Streams the audit log out: three key-ordered scans (requests, results, decisions) merged by
 * request id, so that memory holds one request at a time however long the log.
 */
final class AuditExport {
    static final List<String> CSV_HEADER = List.of("request_id", "requested_at", "user", "workspace", "scope", "threshold", "cutoff", "list_versions",
            "source", "query", "error", "rank", "entity_id", "caption", "list_version", "entity_hash", "score", "match", "suppressed", "features", "decision",
            "decided_by", "decided_at", "comment");

    private AuditExport() {}

    /** One result row, with the decisions on it (oldest first). */
    private record Result(int rank, String entityId, String caption, String listVersion, String entityHash, double score, boolean match,
            boolean suppressed, String featuresJson, List<Decided> decisions) {}

    private record Decided(String decision, String user, Instant at, String comment) {}

    /** @param workspace only the requests of this workspace; null for every request */
    static void write(Connection connection, Writer out, AuditLog.Format format, Instant since, String workspace) throws SQLException {
        // PostgreSQL streams a result set only inside a transaction with a fetch size.
        connection.setAutoCommit(false);
        LocalDateTime from = LocalDateTime.ofInstant(since, ZoneOffset.UTC);
        String which = " WHERE q.requested_at >= ?" + (workspace == null ? "" : " AND q.workspace_name = ?");
        try (PreparedStatement requests = connection.prepareStatement("SELECT q.id, q.requested_at, q.user_name, q.query_json, q.scope,"
                        + " q.result_limit, q.match_threshold, q.cutoff, q.list_versions, q.source, q.error_message, q.workspace_name"
                        + " FROM screening_request q" + which + " ORDER BY q.id");
                PreparedStatement results = connection.prepareStatement("SELECT r.request_id, r.result_rank, r.entity_id, r.caption,"
                        + " r.list_version, r.entity_hash, r.score, r.is_match, r.suppressed, r.features_json FROM screening_result r"
                        + " JOIN screening_request q ON q.id = r.request_id" + which + " ORDER BY r.request_id, r.result_rank");
                PreparedStatement decisions = connection.prepareStatement("SELECT d.request_id, d.entity_id, d.decision, d.decided_by,"
                        + " d.decided_at, d.comment_text FROM screening_decision d JOIN screening_request q ON q.id = d.request_id"
                        + which + " ORDER BY d.request_id, d.id")) {
            for (PreparedStatement query : List.of(requests, results, decisions)) {
                query.setFetchSize(1_000);
                query.setObject(1, from);
                if (workspace != null) {
                    query.setString(2, workspace);
                }
            }
            try (ResultSet requestRows = requests.executeQuery();
                    Cursor resultRows = new Cursor(results.executeQuery());
                    Cursor decisionRows = new Cursor(decisions.executeQuery())) {
                Sink sink = format == AuditLog.Format.CSV ? new CsvSink(out) : new JsonSink(out);
                while (requestRows.next()) {
                    long id = requestRows.getLong(1);
                    List<Decided> decided = new ArrayList<>();
                    List<String> decidedEntities = new ArrayList<>();
                    while (decisionRows.at(id)) {
                        ResultSet row = decisionRows.rows;
                        decidedEntities.add(row.getString(2));
                        decided.add(new Decided(row.getString(3), row.getString(4), instant(row, 5), row.getString(6)));
                        decisionRows.advance();
                    }
                    List<Result> returned = new ArrayList<>();
                    while (resultRows.at(id)) {
                        ResultSet row = resultRows.rows;
                        String entityId = row.getString(3);
                        List<Decided> onThis = new ArrayList<>();
                        for (int i = 0; i < decided.size(); i++) {
                            if (decidedEntities.get(i).equals(entityId)) {
                                onThis.add(decided.get(i));
                            }
                        }
                        returned.add(new Result(row.getInt(2), entityId, row.getString(4), row.getString(5), row.getString(6), row.getDouble(7),
                                row.getBoolean(8), row.getBoolean(9), row.getString(10), onThis));
                        resultRows.advance();
                    }
                    sink.request(requestRows, returned);
                }
                sink.finish();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the audit export: " + e.getMessage(), e);
        } finally {
            connection.rollback();
            connection.setAutoCommit(true);
        }
    }

    /** A result set read one row ahead, positioned by request id (column 1). */
    private static final class Cursor implements AutoCloseable {
        final ResultSet rows;
        private boolean has;

        Cursor(ResultSet rows) throws SQLException {
            this.rows = rows;
            this.has = rows.next();
        }

        /** True when the current row belongs to the request; rows of earlier requests are skipped. */
        boolean at(long requestId) throws SQLException {
            while (has && rows.getLong(1) < requestId) {
                has = rows.next();
            }
            return has && rows.getLong(1) == requestId;
        }

        void advance() throws SQLException {
            has = rows.next();
        }

        @Override
        public void close() throws SQLException {
            rows.close();
        }
    }

    private interface Sink {
        /** One request, from the current row of the request scan (columns as selected), with its results. */
        void request(ResultSet request, List<Result> results) throws SQLException, IOException;

        void finish() throws IOException;
    }

    private static final class JsonSink implements Sink {
        private final Writer out;
        private final JsonGenerator json;

        JsonSink(Writer out) throws IOException {
            this.out = out;
            this.json = AuditLog.JSON.getFactory().createGenerator(out).disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET)
                    .disable(JsonGenerator.Feature.FLUSH_PASSED_TO_STREAM);
            // One object per line: the line break is written after each, with no separator before the next.
            this.json.setRootValueSeparator(null);
        }

        @Override
        public void request(ResultSet request, List<Result> results) throws SQLException, IOException {
            json.writeStartObject();
            json.writeNumberField("request_id", request.getLong(1));
            json.writeStringField("requested_at", instant(request, 2).toString());
            json.writeStringField("user", request.getString(3));
            json.writeStringField("workspace", request.getString(12));
            json.writeFieldName("query");
            json.writeRawValue(request.getString(4));
            json.writeStringField("scope", request.getString(5));
            json.writeNumberField("limit", request.getInt(6));
            json.writeNumberField("threshold", request.getDouble(7));
            json.writeNumberField("cutoff", request.getDouble(8));
            json.writeFieldName("list_versions");
            json.writeRawValue(request.getString(9));
            json.writeStringField("source", request.getString(10));
            json.writeStringField("error", request.getString(11));
            json.writeArrayFieldStart("results");
            for (Result result : results) {
                json.writeStartObject();
                json.writeNumberField("rank", result.rank());
                json.writeStringField("entity_id", result.entityId());
                json.writeStringField("caption", result.caption());
                json.writeStringField("list_version", result.listVersion());
                json.writeStringField("entity_hash", result.entityHash());
                json.writeNumberField("score", result.score());
                json.writeBooleanField("match", result.match());
                json.writeBooleanField("suppressed", result.suppressed());
                json.writeFieldName("features");
                json.writeRawValue(result.featuresJson());
                json.writeArrayFieldStart("decisions");
                for (Decided decided : result.decisions()) {
                    json.writeStartObject();
                    json.writeStringField("decision", decided.decision());
                    json.writeStringField("user", decided.user());
                    json.writeStringField("at", decided.at().toString());
                    json.writeStringField("comment", decided.comment());
                    json.writeEndObject();
                }
                json.writeEndArray();
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeEndObject();
            json.flush();
            out.write('\n');
        }

        @Override
        public void finish() throws IOException {
            json.close();
            out.flush();
        }
    }

    private static final class CsvSink implements Sink {
        private final CsvRows csv;

        CsvSink(Writer out) {
            this.csv = CsvRows.start(out, CSV_HEADER, "the audit export");
        }

        @Override
        public void request(ResultSet request, List<Result> results) throws SQLException, IOException {
            List<String> common = List.of(String.valueOf(request.getLong(1)), instant(request, 2).toString(), request.getString(3),
                    text(request.getString(12)), request.getString(5), String.valueOf(request.getDouble(7)), String.valueOf(request.getDouble(8)),
                    String.join(";", AuditLog.JSON.readValue(request.getString(9), String[].class)), text(request.getString(10)),
                    request.getString(4), text(request.getString(11)));
            if (results.isEmpty()) {
                List<String> row = new ArrayList<>(common);
                while (row.size() < CSV_HEADER.size()) {
                    row.add("");
                }
                csv.write(row);
            }
            for (Result result : results) {
                List<String> row = new ArrayList<>(common);
                Decided latest = result.decisions().isEmpty() ? null : result.decisions().getLast();
                row.addAll(List.of(String.valueOf(result.rank()), result.entityId(), text(result.caption()), result.listVersion(),
                        result.entityHash(), String.valueOf(result.score()), String.valueOf(result.match()), String.valueOf(result.suppressed()),
                        result.featuresJson(), latest == null ? "" : latest.decision(), latest == null ? "" : latest.user(),
                        latest == null ? "" : latest.at().toString(), latest == null ? "" : text(latest.comment())));
                csv.write(row);
            }
        }

        @Override
        public void finish() {
            csv.close();
        }
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }

    private static Instant instant(ResultSet rows, int column) throws SQLException {
        return rows.getObject(column, LocalDateTime.class).toInstant(ZoneOffset.UTC);
    }
}

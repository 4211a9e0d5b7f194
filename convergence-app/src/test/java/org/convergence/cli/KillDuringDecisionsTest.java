package org.convergence.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import org.convergence.model.ConvergenceModel;
import org.convergence.store.H2StatementStore;
import org.convergence.store.StatementStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A process killed (SIGKILL) while it records decisions loses none it acknowledged, and leaves no decision half
 * written: each is there whole, as it was recorded.
 */
class KillDuringDecisionsTest {
    @TempDir
    Path folder;

    @Test
    void everyAcknowledgedDecisionSurvivesAKillWhole() throws Exception {
        Path data = folder.resolve("data");
        Path listed = Files.writeString(folder.resolve("listed.json"),
                "{\"id\": \"p1\", \"schema\": \"Person\", \"properties\": {\"name\": [\"Ivan Petrovich Sidorov\"]}}\n");
        assertEquals(0, Main.run("import", "ftm", listed.toString(), "--dataset", "listed", "--data", data.toString()));
        Path parties = Files.writeString(folder.resolve("parties.csv"), "name\nIvan Petrovich Sidorov\n");
        Path results = folder.resolve("results.csv");
        CommandRun screened = CommandRun.of("screen", parties.toString(), "-o", results.toString(), "--user", "ana", "--data=" + data);
        assertEquals(0, screened.exitCode(), screened.err());
        String[] hit = Files.readAllLines(results).get(1).split(",");
        String requestId = hit[3];
        String entityId = hit[4];

        long started = System.nanoTime();
        try (ConvergenceProcess decisions = ConvergenceProcess.startMain(DecisionsUntilKilled.class, data.toString(), requestId, entityId)) {
            // Acknowledged here: decision 300 and every one before it. The process goes on until the kill.
            decisions.awaitLine(line -> line.equals("decided 300"));
            System.err.println("decisions took " + (System.nanoTime() - started) / 1_000_000 + " ms");
            decisions.kill();
        }

        try (StatementStore store = new H2StatementStore(data, ConvergenceModel.standard());
                Connection connection = store.dataSource().getConnection();
                Statement query = connection.createStatement();
                ResultSet rows = query.executeQuery("SELECT decided_by, decision, comment_text, request_id, entity_id FROM screening_decision ORDER BY id")) {
            int n = 0;
            while (rows.next()) {
                assertEquals(List.of("analyst-" + n, DecisionsUntilKilled.decision(n).label(), DecisionsUntilKilled.comment(n), requestId, entityId),
                        List.of(rows.getString(1), rows.getString(2), rows.getString(3), rows.getString(4), rows.getString(5)));
                n++;
            }
            assertTrue(n >= 301, n + " decisions stored, 301 acknowledged");
        }
    }
}

package org.convergence.ftm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.convergence.ConvergenceException;
import org.convergence.ErrorCategory;
import org.convergence.InvalidRecordException;
import org.convergence.ingest.ImportResult;
import org.convergence.model.ConvergenceModel;
import org.convergence.store.H2StatementStore;
import org.convergence.store.StatementStore;
import org.convergence.testing.TestStores;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad FtM input gets an error naming the line and the problem, and without skip-invalid nothing lands. */
class FtmJsonReaderTest {
    private static final String GOOD = """
            {"id": "p1", "schema": "Person", "properties": {"name": ["Ivan Petrov"]}}
            {"id": "p2", "schema": "Person", "properties": {"name": ["Иван Петров"], "birthDate": ["1961"]}}
            """;

    @TempDir
    Path folder;

    private StatementStore store;

    @BeforeEach
    void open() {
        store = new H2StatementStore(folder.resolve("store"), ConvergenceModel.standard());
    }

    @AfterEach
    void close() {
        store.close();
    }

    private Path file(String content) throws IOException {
        return Files.writeString(folder.resolve("input.json"), content, StandardCharsets.UTF_8);
    }

    private InvalidRecordException rejected(String content) throws IOException {
        Path file = file(content);
        InvalidRecordException error = assertThrows(InvalidRecordException.class, () -> TestStores.importFtm(store, file, "bad", false));
        assertTrue(store.versions("bad").isEmpty(), "nothing is written when an import fails");
        return error;
    }

    @Test
    void malformedLineIsReportedWithItsLineNumber() throws IOException {
        InvalidRecordException error = rejected(GOOD + "{\"id\": \"p3\", \"schema\": \n");
        assertTrue(error.location().endsWith("input.json:3"), error.getMessage());
        assertTrue(error.problem().contains("malformed JSON"), error.getMessage());
    }

    @Test
    void truncatedLastLineIsReported() throws IOException {
        String truncated = GOOD + "{\"id\": \"p3\", \"schema\": \"Person\", \"properties\": {\"name\": [\"Ol";
        InvalidRecordException error = rejected(truncated);
        assertTrue(error.location().endsWith(":3"));
        assertTrue(error.problem().contains("truncated"), error.getMessage());
    }

    @Test
    void unknownSchemaIsNamed() throws IOException {
        InvalidRecordException error = rejected(GOOD + "{\"id\": \"x\", \"schema\": \"Spaceship\", \"properties\": {}}\n");
        assertTrue(error.problem().contains("unknown schema 'Spaceship'"), error.getMessage());
    }

    @Test
    void unknownPropertyIsNamed() throws IOException {
        InvalidRecordException error = rejected("{\"id\": \"x\", \"schema\": \"Person\", \"properties\": {\"imoNumber\": [\"1\"]}}\n" + GOOD);
        assertTrue(error.location().endsWith(":1"));
        assertTrue(error.problem().contains("no property 'imoNumber'"), error.getMessage());
    }

    @Test
    void nonStringValuesAndMissingIdsAreRejected() throws IOException {
        assertTrue(rejected("{\"id\": \"x\", \"schema\": \"Person\", \"properties\": {\"name\": [42]}}\n").problem().contains("string values"));
        assertTrue(rejected("{\"schema\": \"Person\", \"properties\": {}}\n").problem().contains("'id'"));
        assertTrue(rejected("[1, 2]\n").problem().contains("expected a JSON object"));
    }

    @Test
    void wrongEncodingStopsTheImportAndSaysWhatToDo() throws IOException {
        Path file = folder.resolve("latin1.json");
        Files.write(file, (GOOD + "{\"id\": \"p3\", \"schema\": \"Person\", \"properties\": {\"name\": [\"Müller\"]}}\n")
                .getBytes(StandardCharsets.ISO_8859_1));
        ConvergenceException error = assertThrows(ConvergenceException.class, () -> TestStores.importFtm(store, file, "bad", false));
        assertEquals(ErrorCategory.INVALID_INPUT, error.category());
        assertTrue(error.getMessage().contains("not valid UTF-8"), error.getMessage());
        assertTrue(store.versions("bad").isEmpty());
    }

    @Test
    void skipInvalidImportsTheRestAndReportsWhatItSkipped() throws IOException {
        Path file = file("{\"id\": \"x\", \"schema\": \"Spaceship\"}\n" + GOOD + "not json\n");
        ImportResult result = TestStores.importFtm(store, file, "partial", true);
        assertEquals(2, result.entities());
        assertEquals(2, result.skippedCount());
        assertTrue(result.skipped().get(0).location().endsWith(":1"));
        assertTrue(result.skipped().get(1).location().endsWith(":4"));
        assertEquals(2, result.version().skippedCount());
    }

    @Test
    void sameFileImportedTwiceChangesNothing() throws IOException {
        Path file = file(GOOD);
        ImportResult first = TestStores.importFtm(store, file, "twice", false);
        ImportResult second = TestStores.importFtm(store, file, "twice", false);
        assertTrue(second.unchanged());
        assertEquals(first.version().id(), second.version().id());
        assertEquals(1, store.versions("twice").size());
    }

    @Test
    void missingFileIsNotFound() {
        ConvergenceException error = assertThrows(ConvergenceException.class,
                () -> TestStores.importFtm(store, folder.resolve("nope.json"), "x", false));
        assertEquals(ErrorCategory.NOT_FOUND, error.category());
    }
}

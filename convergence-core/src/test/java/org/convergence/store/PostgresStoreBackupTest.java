package org.convergence.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.convergence.testing.TestPostgres;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Backup and restore on a real PostgreSQL server (see {@link TestPostgres}), each store in a schema of
 * its own; and the move between the embedded store and the server, both ways.
 */
class PostgresStoreBackupTest extends StoreBackupContract {
    private final List<TestPostgres> schemas = new ArrayList<>();

    @Override
    protected StatementStore openEmptyStore() {
        TestPostgres schema = TestPostgres.freshSchema();
        schemas.add(schema);
        return schema.open(model);
    }

    @AfterEach
    void dropSchemas() {
        closeStores();
        schemas.forEach(TestPostgres::close);
    }

    @Test
    void embeddedStoreMovesToPostgresAndBackUnchanged() throws IOException {
        StatementStore embedded = new H2StatementStore(folder.resolve("laptop"), model);
        StatementStore server = emptyStore();
        StatementStore laptopAgain = new H2StatementStore(folder.resolve("laptop-again"), model);
        try (embedded; laptopAgain) {
            fill(embedded, folder);
            Path fromLaptop = folder.resolve("laptop.backup.gz");
            StoreBackup.write(embedded, fromLaptop);

            StoreBackup.restore(server, fromLaptop, false);
            assertEquals(StoreDump.of(embedded), StoreDump.of(server));

            Path fromServer = folder.resolve("server.backup.gz");
            StoreBackup.write(server, fromServer);
            StoreBackup.restore(laptopAgain, fromServer, false);
            assertEquals(StoreDump.of(embedded), StoreDump.of(laptopAgain));
            // Row for row the same file, but for the manifest's time and the checksum that covers it.
            List<String> laptopLines = lines(fromLaptop);
            List<String> serverLines = lines(fromServer);
            assertEquals(laptopLines.subList(1, laptopLines.size() - 1), serverLines.subList(1, serverLines.size() - 1));
        }
    }
}

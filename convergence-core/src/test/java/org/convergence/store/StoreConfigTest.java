package org.convergence.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import org.convergence.ConvergenceException;
import org.convergence.model.ConvergenceModel;
import org.junit.jupiter.api.Test;

class StoreConfigTest {
    @Test
    void embeddedStoreInDataUnderTheWorkingDirectoryByDefault() {
        StoreConfig config = StoreConfig.fromEnvironment(Map.of(), null, null);
        assertEquals(Path.of("data"), config.dataFolder());
        assertNull(config.jdbcUrl());
    }

    @Test
    void environmentChoosesTheFolderOrAServerAndOptionsOverrideIt() {
        Map<String, String> environment = Map.of("CONVERGENCE_DATA", "/srv/convergence", "CONVERGENCE_DB_URL", "jdbc:postgresql://db/c",
                "CONVERGENCE_DB_USER", "analyst");
        StoreConfig fromEnvironment = StoreConfig.fromEnvironment(environment, null, null);
        assertEquals(Path.of("/srv/convergence"), fromEnvironment.dataFolder());
        assertEquals("jdbc:postgresql://db/c", fromEnvironment.jdbcUrl());
        assertEquals("analyst", fromEnvironment.user());
        StoreConfig fromOptions = StoreConfig.fromEnvironment(environment, Path.of("mine"), "jdbc:postgresql://other/c");
        assertEquals(Path.of("mine"), fromOptions.dataFolder());
        assertEquals("jdbc:postgresql://other/c", fromOptions.jdbcUrl());
    }

    @Test
    void unsupportedUrlSaysWhatIsExpected() {
        ConvergenceException error = assertThrows(ConvergenceException.class,
                () -> new StoreConfig(Path.of("data"), "jdbc:mysql://x/y", null, null).open(ConvergenceModel.standard()));
        assertTrue(error.getMessage().contains("jdbc:postgresql://HOST:PORT/DATABASE"), error.getMessage());
    }
}

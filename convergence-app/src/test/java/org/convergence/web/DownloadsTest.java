package org.convergence.web;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import org.junit.jupiter.api.Test;

class DownloadsTest {

    @Test
    void theOldestRunsGoWhenTheKeptFilesPassTheByteBudget() throws Exception {
        try (Downloads downloads = new Downloads(1000)) {
            Downloads.Run first = downloads.create("first", null);
            Files.write(first.folder().resolve("results.csv"), new byte[600]);
            Downloads.Run second = downloads.create("second", null);
            Files.write(second.folder().resolve("results.csv"), new byte[600]);

            Downloads.Run third = downloads.create("third", null);

            assertFalse(downloads.find(first.id()).isPresent(), "1,200 bytes kept is over the budget of 1,000: the oldest goes");
            assertFalse(Files.exists(first.folder()), "its files are deleted");
            assertTrue(downloads.find(second.id()).isPresent());
            assertTrue(downloads.find(third.id()).isPresent());
        }
    }

    @Test
    void theNewestRunIsKeptWhateverItsSize() throws Exception {
        try (Downloads downloads = new Downloads(100)) {
            Downloads.Run large = downloads.create("large", null);
            Files.write(large.folder().resolve("results.csv"), new byte[5000]);

            Downloads.Run next = downloads.create("next", null);

            assertFalse(downloads.find(large.id()).isPresent());
            assertTrue(downloads.find(next.id()).isPresent());
        }
    }
}

package org.convergence.lists;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.convergence.ConvergenceException;
import org.convergence.ingest.EntitySource;
import org.convergence.ingest.InvalidRecordException;
import org.convergence.model.ConvergenceModel;
import org.convergence.testing.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Damaged copies of the consolidated list (truncated, bytes flipped, ranges deleted or repeated)
 * fail only with ConvergenceException or InvalidRecordException, and reading them ends.
 */
class OfacReadersFuzzTest {
    private static final int ROUNDS = 40;
    /** More calls of next() than the damaged files can hold records: reaching it means the reader loops. */
    private static final int MAX_CALLS = 100_000;

    @TempDir
    Path folder;

    @Test
    void damagedXmlFailsOnlyWithConvergenceExceptions() throws IOException {
        byte[] original = Files.readAllBytes(SharedData.require("lists/ofac/ofac_consolidated_nonsdn_2025-06-30.xml"));
        Random random = new Random(20250630);
        for (int round = 0; round < ROUNDS; round++) {
            Path file = Files.write(folder.resolve("cons-" + round + ".xml"), damage(original, random));
            readToTheEnd(file, "round " + round);
        }
    }

    @Test
    void damagedCsvSetFailsOnlyWithConvergenceExceptions() throws IOException {
        Path source = SharedData.require("lists/ofac/cons_2025-12");
        List<String> names = List.of("cons_prim.csv", "cons_add.csv", "cons_alt.csv", "cons_comments.csv");
        Random random = new Random(20251219);
        for (int round = 0; round < ROUNDS; round++) {
            Path set = Files.createDirectories(folder.resolve("set-" + round));
            String damaged = names.get(random.nextInt(names.size()));
            for (String name : names) {
                byte[] bytes = Files.readAllBytes(source.resolve(name));
                Files.write(set.resolve(name), name.equals(damaged) ? damage(bytes, random) : bytes);
            }
            readToTheEnd(set, "round " + round + " (" + damaged + ")");
        }
    }

    private static void readToTheEnd(Path path, String round) {
        try (EntitySource reader = ListSource.US_OFAC_CONS.open(path, ConvergenceModel.standard())) {
            for (int calls = 0; calls < MAX_CALLS; calls++) {
                try {
                    if (reader.next() == null) {
                        reader.dataDate();
                        return;
                    }
                } catch (InvalidRecordException e) {
                    assertTrue(e.getMessage().contains(":"), round + ": the message names where: " + e.getMessage());
                }
            }
            fail(round + ": still reading after " + MAX_CALLS + " calls");
        } catch (InvalidRecordException e) {
            assertTrue(e.getMessage().contains(":"), round + ": " + e.getMessage());
        } catch (ConvergenceException e) {
            assertTrue(e.getMessage().contains(path.getFileName().toString()), round + ": the message names the file: " + e.getMessage());
        } catch (RuntimeException e) {
            throw new AssertionError(round + ": " + e, e);
        }
    }

    /** One of: truncate, flip bytes, delete a range, repeat a range. */
    private static byte[] damage(byte[] bytes, Random random) {
        int at = random.nextInt(bytes.length);
        int length = 1 + random.nextInt(Math.min(2_000, bytes.length - at));
        return switch (random.nextInt(4)) {
            case 0 -> Arrays.copyOf(bytes, at);
            case 1 -> {
                byte[] copy = bytes.clone();
                for (int i = 0; i < 1 + random.nextInt(20); i++) {
                    copy[random.nextInt(copy.length)] = (byte) random.nextInt(256);
                }
                yield copy;
            }
            case 2 -> concat(Arrays.copyOfRange(bytes, 0, at), Arrays.copyOfRange(bytes, at + length, bytes.length));
            default -> concat(Arrays.copyOfRange(bytes, 0, at + length), Arrays.copyOfRange(bytes, at, bytes.length));
        };
    }

    private static byte[] concat(byte[] first, byte[] second) {
        byte[] both = Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, both, first.length, second.length);
        return both;
    }
}

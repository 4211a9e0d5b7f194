package org.convergence.lists;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.convergence.ErrorCategory;
import org.convergence.ConvergenceException;
import org.convergence.ingest.ImportProgress;
import org.convergence.ingest.ImportResult;
import org.convergence.model.ConvergenceModel;
import org.convergence.store.DatasetVersion;
import org.convergence.store.H2StatementStore;
import org.convergence.store.StatementStore;
import org.convergence.testing.SharedData;

/**
 * Mutates every real list snapshot at random (cuts it short, flips bytes, deletes, duplicates or
 * inserts ranges, re-encodes it, removes a file of a set) and imports the result. Each import must
 * either land whole or fail with an INVALID_INPUT or NOT_FOUND error that names the file; it must
 * never hang, never throw anything else, and a failure must leave the store as it was.
 */
class ListImportFuzzTest {
    /** Each list's snapshots in ../shared/data: a file, or the folder of a file set. */
    static final List<Snapshot> SNAPSHOTS = List.of(
            new Snapshot(ListSource.CA_SEMA, "lists/ca-sema/sema-lmes_2025-09-22.xml"),
            new Snapshot(ListSource.CA_SEMA, "lists/ca-sema/sema-lmes_2020-04-15.xml"),
            new Snapshot(ListSource.UN_SC, "lists/un-sc/un_consolidated_2025-10-09.xml"),
            new Snapshot(ListSource.UN_SC, "lists/un-sc/un_consolidated_2026-02-27.xml"),
            new Snapshot(ListSource.US_OFAC_SDN, "lists/ofac/sdn_2021-07"),
            new Snapshot(ListSource.US_OFAC_CONS, "lists/ofac/cons_2025-12"),
            new Snapshot(ListSource.US_OFAC_CONS, "lists/ofac/ofac_consolidated_nonsdn_2025-06-30.xml"),
            new Snapshot(ListSource.GB_FCDO, "lists/uk-ofsi/UK_Sanctions_List_summary_2025-08-11.csv"),
            new Snapshot(ListSource.GB_FCDO, "lists/uk-ofsi/UK_Sanctions_List_summary_2025-08-11.ods"),
            new Snapshot(ListSource.US_CSL, "lists/us-trade-csl/csl_sample_2019-12.csv"),
            new Snapshot(ListSource.US_CSL, "lists/us-trade-csl/consolidated_sample_2025-06.csv"),
            new Snapshot(ListSource.US_BIS_DPL, "lists/us-trade-csl/dpl_2022-09.txt"),
            new Snapshot(ListSource.CA_NRO, "research-security/ca-nro/named-research-organizations_2024-04-18.html"),
            new Snapshot(ListSource.ASPI_UNITRACKER, "research-security/aspi-unitracker/misp_china-defence-universities.json"));

    record Snapshot(ListSource source, String path) {
        Path resolve() {
            return SharedData.root().resolve(path);
        }

        @Override
        public String toString() {
            return source.id() + " " + path;
        }
    }

    /** One random change to the bytes of a file, reproducible from its seed. */
    record Mutation(Kind kind, long seed) {
        enum Kind { TRUNCATE, FLIP_BYTES, DELETE_RANGE, DUPLICATE_RANGE, INSERT_GARBAGE, UTF16, DROP_FILE }

        byte[] apply(byte[] bytes) {
            Random random = new Random(seed);
            int n = Math.max(1, bytes.length);
            int at = random.nextInt(n);
            int length = 1 + random.nextInt(Math.max(1, Math.min(4_096, n - at)));
            return switch (kind) {
                case TRUNCATE -> Arrays.copyOf(bytes, at);
                case FLIP_BYTES -> {
                    byte[] copy = bytes.clone();
                    for (int i = 0, flips = 1 + random.nextInt(32); i < flips && copy.length > 0; i++) {
                        copy[random.nextInt(copy.length)] = (byte) random.nextInt(256);
                    }
                    yield copy;
                }
                case DELETE_RANGE -> concat(Arrays.copyOfRange(bytes, 0, at), Arrays.copyOfRange(bytes, Math.min(bytes.length, at + length), bytes.length));
                case DUPLICATE_RANGE -> concat(Arrays.copyOfRange(bytes, 0, Math.min(bytes.length, at + length)), Arrays.copyOfRange(bytes, at, bytes.length));
                case INSERT_GARBAGE -> {
                    byte[] garbage = new byte[length];
                    random.nextBytes(garbage);
                    yield concat(concat(Arrays.copyOfRange(bytes, 0, at), garbage), Arrays.copyOfRange(bytes, at, bytes.length));
                }
                case UTF16 -> new String(bytes, java.nio.charset.StandardCharsets.ISO_8859_1).getBytes(java.nio.charset.StandardCharsets.UTF_16);
                case DROP_FILE -> null;
            };
        }

        private static byte[] concat(byte[] a, byte[] b) {
            byte[] joined = Arrays.copyOf(a, a.length + b.length);
            System.arraycopy(b, 0, joined, a.length, b.length);
            return joined;
        }
    }

    private static Path storeFolder;
    private static StatementStore store;

    @BeforeContainer
    static void openStore() throws IOException {
        storeFolder = Files.createTempDirectory("fuzz-store");
        store = new H2StatementStore(storeFolder, ConvergenceModel.standard());
    }

    @AfterContainer
    static void closeStore() {
        store.close();
        deleteTree(storeFolder);
    }

    @Provide
    Arbitrary<Snapshot> snapshots() {
        List<Snapshot> present = SNAPSHOTS.stream().filter(s -> Files.exists(s.resolve())).toList();
        return present.isEmpty() ? Arbitraries.just(null) : Arbitraries.of(present);
    }

    @Provide
    Arbitrary<Mutation> mutations() {
        return net.jqwik.api.Combinators.combine(Arbitraries.of(Mutation.Kind.class), Arbitraries.longs()).as(Mutation::new);
    }

    @Property(tries = 160, seed = "20261128")
    void everyMutatedSnapshotImportsWholeOrFailsCleanly(@ForAll("snapshots") Snapshot snapshot, @ForAll("mutations") Mutation mutation)
            throws IOException {
        if (snapshot == null) {
            return; // no shared data on this machine
        }
        Path work = Files.createTempDirectory("fuzz");
        try {
            Path mutated = mutate(snapshot.resolve(), work, mutation);
            List<DatasetVersion> before = store.versions(snapshot.source().id());
            try {
                ImportResult result = assertTimeoutPreemptively(Duration.ofSeconds(60),
                        () -> snapshot.source().importInto(store, mutated, ConvergenceModel.standard(), false, ImportProgress.NONE),
                        () -> snapshot + " with " + mutation + " hung");
                List<DatasetVersion> after = store.versions(snapshot.source().id());
                assertEquals(before.size() + (result.unchanged() ? 0 : 1), after.size());
                assertTrue(result.unchanged() || result.entities() > 0, "an import that lands has entities");
            } catch (ConvergenceException e) {
                assertTrue(e.category() == ErrorCategory.INVALID_INPUT || e.category() == ErrorCategory.NOT_FOUND,
                        snapshot + " with " + mutation + ": " + e.category() + " " + e.getMessage());
                assertTrue(namesTheFile(e.getMessage(), mutated), snapshot + " with " + mutation + ": the message does not name the file: "
                        + e.getMessage());
                assertEquals(before, store.versions(snapshot.source().id()), "a failed import leaves no version");
            } catch (RuntimeException | Error e) {
                if (e instanceof org.opentest4j.AssertionFailedError) {
                    throw e;
                }
                fail(snapshot + " with " + mutation + " threw an unexplained " + e, e);
            }
        } finally {
            deleteTree(work);
        }
    }

    /** True when a message names the file, or for a file set the folder or one of its files. */
    private static boolean namesTheFile(String message, Path mutated) throws IOException {
        if (message.contains(mutated.getFileName().toString())) {
            return true;
        }
        if (!Files.isDirectory(mutated)) {
            return false;
        }
        try (Stream<Path> files = Files.list(mutated)) {
            return files.anyMatch(file -> message.contains(file.getFileName().toString()));
        }
    }

    /** Writes the mutated copy (of a file, or of one file of a set) into {@code work}, under the same name. */
    private static Path mutate(Path original, Path work, Mutation mutation) throws IOException {
        if (!Files.isDirectory(original)) {
            Path copy = work.resolve(original.getFileName());
            byte[] bytes = mutation.apply(Files.readAllBytes(original));
            Files.write(copy, bytes == null ? new byte[0] : bytes);
            return copy;
        }
        Path folder = work.resolve(original.getFileName());
        Files.createDirectories(folder);
        List<Path> files;
        try (Stream<Path> listing = Files.list(original)) {
            files = listing.sorted().toList();
        }
        Path victim = files.get(new Random(mutation.seed()).nextInt(files.size()));
        for (Path file : files) {
            byte[] bytes = Files.readAllBytes(file);
            byte[] written = file.equals(victim) ? mutation.apply(bytes) : bytes;
            if (written != null) {
                Files.write(folder.resolve(file.getFileName()), written);
            }
        }
        return folder;
    }

    private static void deleteTree(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.delete(path);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

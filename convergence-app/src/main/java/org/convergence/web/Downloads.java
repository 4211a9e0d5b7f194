package org.convergence.web;

import io.javalin.http.Context;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Results of the screening and exposure pages kept for download after the page that showed them: each run's files in a folder
 * of a temporary directory, under a random id.
 *
 * <p>Files rather than memory, because the results of a large upload run to tens of megabytes; a
 * random id rather than the audit request number, so that nobody fetches another analyst's results by
 * counting; only the last {@link #KEPT} runs, and only as many as fit in a budget of bytes, so that the
 * directory stays bounded (an older link then answers 404; the audit log keeps every result): one upload's
 * results run to hundreds of megabytes. The directory goes when the server stops. A run belongs to the workspace it was
 * made in: a caller working in another is answered 404, as for a run no longer kept, so that it is not told the run exists.
 * Thread-safe.
 */
final class Downloads implements AutoCloseable {
    static final int KEPT = 50;
    private static final HexFormat HEX = HexFormat.of();

    private final SecureRandom random = new SecureRandom();
    private final long keptBytes;
    /** Runs by id, oldest first. */
    private final Map<String, Run> runs = new LinkedHashMap<>();
    private Path directory;

    /**
     * @param keptBytes the bytes of the runs kept; beyond it the oldest go when a run starts, so that the newest is
     *     always kept whatever its size
     */
    Downloads(long keptBytes) {
        this.keptBytes = keptBytes;
    }

    /**
     * One run's folder, the name its files are offered under (from the uploaded file's name), and the workspace it was made
     * in (null outside any).
     */
    record Run(String id, Path folder, String name, String workspace) {}

    /** A new run's folder, for the workspace; the oldest runs beyond {@link #KEPT}, or beyond the bytes kept, are deleted. */
    synchronized Run create(String name, String workspace) {
        try {
            if (directory == null) {
                directory = Files.createTempDirectory("convergence-workbench-");
            }
            byte[] bytes = new byte[16];
            random.nextBytes(bytes);
            String id = HEX.formatHex(bytes);
            Run run = new Run(id, Files.createDirectory(directory.resolve(id)), name, workspace);
            runs.put(id, run);
            Iterator<Run> oldest = runs.values().iterator();
            long keptNow = runs.values().stream().mapToLong(kept -> size(kept.folder())).sum();
            while (runs.size() > KEPT || (keptNow > keptBytes && runs.size() > 1)) {
                Run dropped = oldest.next();
                keptNow -= size(dropped.folder());
                delete(dropped.folder());
                oldest.remove();
            }
            return run;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep screening results in the temporary directory: " + e.getMessage(), e);
        }
    }

    /** A run, while it is kept. */
    synchronized Optional<Run> find(String id) {
        return Optional.ofNullable(runs.get(id));
    }

    /**
     * Answers a request for a kept file, its path parameter {@code file} a run's id and an extension
     * ({@code 3f2a….csv}); 404 when the run is no longer kept, was made in another workspace than the caller's, or the
     * extension is not one of {@code files}.
     *
     * @param workspace the caller's workspace; null outside any
     * @param files the file of each extension offered
     */
    void serve(Context ctx, String workspace, Map<String, String> files) {
        String requested = ctx.pathParam("file");
        int dot = requested.lastIndexOf('.');
        String extension = dot < 0 ? "" : requested.substring(dot + 1);
        String file = files.get(extension);
        Optional<Run> run = file == null ? Optional.empty()
                : find(requested.substring(0, dot)).filter(found -> Objects.equals(found.workspace(), workspace));
        Path path = run.map(found -> found.folder().resolve(file)).filter(Files::isRegularFile).orElse(null);
        if (path == null) {
            ctx.status(404).contentType("text/plain; charset=utf-8").result("No results " + requested + ": the server keeps the last " + KEPT
                    + " runs, as many as fit in " + keptBytes / (1024 * 1024) + " MB, until it stops; run again (the audit log keeps every result).");
            return;
        }
        String contentType = switch (extension) {
            case "jsonl" -> "application/x-ndjson; charset=utf-8";
            case "html" -> "text/html; charset=utf-8";
            default -> "text/csv; charset=utf-8";
        };
        String name = run.get().name() + (extension.equals("html") ? "-report.html" : "-results." + extension);
        try {
            Pages.attachment(ctx, name, contentType).result(Files.newInputStream(path));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the kept results " + path.getFileName() + ": " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized void close() {
        if (directory != null) {
            delete(directory);
            runs.clear();
        }
    }

    private static long size(Path folder) {
        try (Stream<Path> paths = Files.walk(folder)) {
            return paths.filter(Files::isRegularFile).mapToLong(path -> path.toFile().length()).sum();
        } catch (IOException | UncheckedIOException e) {
            // a run deleted meanwhile holds nothing
            return 0;
        }
    }

    private static void delete(Path folder) {
        try (Stream<Path> paths = Files.walk(folder)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // the temporary directory is the system's to clean up as well; nothing is lost
        }
    }
}

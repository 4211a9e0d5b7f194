package org.convergence.lists.update;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.convergence.ConvergenceException;
import org.convergence.ErrorCategory;
import org.convergence.ingest.Checksums;

/**
 * Downloads the official publication of a list into a local folder, politely: a conditional request
 * (ETag, Last-Modified) so an unchanged list is not fetched again, a SHA-256 of what arrived so an
 * unchanged body counts as unchanged, a length check against truncated transfers, and retries with
 * back-off for the failures that pass (connection errors, 5xx, 429).
 *
 * <p>The files of a set (OFAC's CSV files) replace the previous ones only once all of them have
 * arrived, so the folder never holds a mix of two versions. What was fetched, with its validators and
 * checksum, is kept beside each file in {@code <name>.download.json}.
 */
public final class ListUpdater {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String USER_AGENT = "Convergence list updater (+official list download; conditional requests)";

    /** How hard to try: attempts per file, the first back-off (doubled each retry), the time allowed per request. */
    public record Settings(int attempts, Duration firstBackoff, Duration requestTimeout) {
        public static final Settings DEFAULT = new Settings(3, Duration.ofSeconds(2), Duration.ofMinutes(5));
    }

    public enum FileStatus {
        /** New content arrived and replaced the local copy. */
        DOWNLOADED,
        /** The server answered 304 Not Modified to the conditional request. */
        NOT_MODIFIED,
        /** The server sent the file again, but its checksum equals the local copy's. */
        SAME_CONTENT
    }

    public record FileOutcome(PublishedFile file, FileStatus status, String sha256, long bytes) {}

    /**
     * What an update did.
     *
     * @param importPath the file to import, or the folder for a file set
     */
    public record Outcome(Publication publication, Path importPath, List<FileOutcome> files) {
        public boolean changed() {
            return files.stream().anyMatch(file -> file.status() == FileStatus.DOWNLOADED);
        }
    }

    /** What is remembered of a downloaded file, to ask next time whether it changed. */
    record DownloadState(String url, String etag, String lastModified, String sha256, long bytes, String fetchedAt) {}

    private final HttpClient client;
    private final Path downloads;
    private final Settings settings;

    /** @param downloads the folder that holds one sub-folder per list */
    public ListUpdater(HttpClient client, Path downloads, Settings settings) {
        this.client = client;
        this.downloads = downloads;
        this.settings = settings;
    }

    public static HttpClient defaultClient() {
        return HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL).connectTimeout(Duration.ofSeconds(20)).build();
    }

    /**
     * Brings the local copy of a publication up to date.
     *
     * @throws ConvergenceException UNAVAILABLE when a file cannot be fetched after the retries; the
     *     previous local copy is left as it was
     */
    public Outcome update(Publication publication) {
        Path folder = downloads.resolve(publication.source().id());
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new ConvergenceException(ErrorCategory.INVALID_INPUT, folder + ": cannot create the download folder: " + e.getMessage(), e);
        }
        List<FileOutcome> outcomes = new ArrayList<>();
        List<Runnable> replacements = new ArrayList<>();
        try {
            for (PublishedFile file : publication.files()) {
                outcomes.add(fetch(publication.source().id(), folder, file, replacements));
            }
            replacements.forEach(Runnable::run);
        } finally {
            for (PublishedFile file : publication.files()) {
                deleteQuietly(partOf(folder, file));
            }
        }
        Path importPath = publication.isFileSet() ? folder : folder.resolve(publication.files().getFirst().name());
        return new Outcome(publication, importPath, outcomes);
    }

    private FileOutcome fetch(String sourceId, Path folder, PublishedFile file, List<Runnable> replacements) {
        Path target = folder.resolve(file.name());
        Path part = partOf(folder, file);
        Path stateFile = folder.resolve(file.name() + ".download.json");
        Optional<DownloadState> previous = Files.exists(target) ? readState(stateFile) : Optional.empty();

        HttpRequest.Builder request = HttpRequest.newBuilder(file.url()).timeout(settings.requestTimeout()).header("User-Agent", USER_AGENT);
        previous.filter(state -> file.url().toString().equals(state.url())).ifPresent(state -> {
            if (state.etag() != null) {
                request.header("If-None-Match", state.etag());
            }
            if (state.lastModified() != null) {
                request.header("If-Modified-Since", state.lastModified());
            }
        });
        HttpResponse<Path> response = send(sourceId, request.build(), part);
        if (response.statusCode() == 304) {
            DownloadState state = previous.orElseThrow(() -> failure(file.url(), "answered 304 Not Modified to a request that was not conditional"));
            return new FileOutcome(file, FileStatus.NOT_MODIFIED, state.sha256(), state.bytes());
        }
        long bytes = size(part);
        Optional<String> declared = response.headers().firstValue("Content-Length");
        if (declared.isPresent() && !declared.get().equals(String.valueOf(bytes))) {
            throw failure(file.url(), "sent " + bytes + " bytes of the " + declared.get() + " it announced: the transfer was cut; try again");
        }
        String sha256 = Checksums.sha256(part);
        DownloadState state = new DownloadState(file.url().toString(), response.headers().firstValue("ETag").orElse(null),
                response.headers().firstValue("Last-Modified").orElse(null), sha256, bytes, Instant.now().toString());
        boolean same = previous.map(DownloadState::sha256).filter(sha256::equals).isPresent();
        replacements.add(() -> {
            try {
                if (!same) {
                    Files.move(part, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                }
                JSON.writerWithDefaultPrettyPrinter().writeValue(stateFile.toFile(), state);
            } catch (IOException e) {
                throw new ConvergenceException(ErrorCategory.INVALID_INPUT, target + ": cannot store the download: " + e.getMessage(), e);
            }
        });
        return new FileOutcome(file, same ? FileStatus.SAME_CONTENT : FileStatus.DOWNLOADED, sha256, bytes);
    }

    /** Sends with retries; returns a 200 (body in {@code part}) or a 304. */
    private HttpResponse<Path> send(String sourceId, HttpRequest request, Path part) {
        String lastProblem = null;
        IOException lastError = null;
        for (int attempt = 1; attempt <= settings.attempts(); attempt++) {
            if (attempt > 1) {
                pause(settings.firstBackoff().multipliedBy(1L << (attempt - 2)));
            }
            try {
                HttpResponse<Path> response = client.send(request, HttpResponse.BodyHandlers.ofFile(part));
                int status = response.statusCode();
                if (status == 200 || status == 304) {
                    return response;
                }
                lastProblem = "answered HTTP " + status;
                if (status != 429 && status < 500) {
                    throw failure(request.uri(), lastProblem + "; the publication may have moved: check " + request.uri()
                            + " and, if it has, the address in publications.yaml");
                }
            } catch (IOException e) {
                lastError = e;
                lastProblem = describe(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw failure(request.uri(), "interrupted");
            }
        }
        if (lastError != null && isOffline(lastError)) {
            throw new ConvergenceException(ErrorCategory.UNAVAILABLE, "cannot reach " + request.uri().getHost() + " (" + lastProblem
                    + ") after " + settings.attempts() + " attempts: is this machine offline? Fetch " + request.uri()
                    + " by other means and import it with `convergence lists import " + sourceId + " FILE`", lastError);
        }
        throw failure(request.uri(), lastProblem + " after " + settings.attempts() + " attempts; try again later");
    }

    private static boolean isOffline(IOException e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof UnknownHostException || cause instanceof ConnectException || cause instanceof HttpConnectTimeoutException) {
                return true;
            }
        }
        return false;
    }

    private static String describe(IOException e) {
        if (e instanceof HttpTimeoutException) {
            return "timed out";
        }
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + root.getMessage());
    }

    private static ConvergenceException failure(URI url, String problem) {
        return new ConvergenceException(ErrorCategory.UNAVAILABLE, url + " " + problem);
    }

    private static Optional<DownloadState> readState(Path stateFile) {
        try {
            return Files.exists(stateFile) ? Optional.of(JSON.readValue(stateFile.toFile(), DownloadState.class)) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty(); // a damaged record only costs one unconditional download
        }
    }

    private static Path partOf(Path folder, PublishedFile file) {
        return folder.resolve(file.name() + ".part");
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new ConvergenceException(ErrorCategory.INVALID_INPUT, file + ": cannot read the download: " + e.getMessage(), e);
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // a leftover .part file is overwritten by the next update
        }
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ConvergenceException(ErrorCategory.UNAVAILABLE, "download interrupted");
        }
    }
}

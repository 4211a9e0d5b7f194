package org.convergence.web;

import io.javalin.http.Context;
import io.javalin.http.UploadedFile;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Semaphore;

/**
 * A file uploaded to a workbench page (field {@code file}), checked and kept in a run's folder of
 * {@link Downloads}; a refusal says why and what the page takes. The screening and exposure pages take
 * their files through it. Only so many uploads are worked on at once (each takes a core and fills the
 * temporary directory); one more is refused with 429 asking to wait. Thread-safe.
 */
final class Uploads {
    /** The largest file taken: about half a million names; a larger file is for the command line, which streams it. */
    static final long MAX_UPLOAD_BYTES = 20L * 1024 * 1024;
    /** Room for the multipart envelope around the file. */
    static final long MAX_REQUEST_BYTES = MAX_UPLOAD_BYTES + 64 * 1024;

    /** When an upload refused for being one too many should be sent again. */
    private static final int RETRY_AFTER_SECONDS = 10;

    private final Downloads downloads;
    private final Semaphore slots;
    private final int concurrent;

    /**
     * @param downloads where uploads and their results are kept
     * @param concurrent the uploads worked on at once
     */
    Uploads(Downloads downloads, int concurrent) {
        this.downloads = downloads;
        this.slots = new Semaphore(concurrent);
        this.concurrent = concurrent;
    }

    /** What became of an upload. */
    sealed interface Outcome permits Received, Refused {}

    /** The file kept as {@code file} in {@code run}'s folder, under a name safe for the file system; hand it to {@link #discard} once read. */
    record Received(Path file, String fileName, Downloads.Run run) implements Outcome {}

    /** The upload refused with an HTTP status and a message for the page. */
    record Refused(int status, String message) implements Outcome {}

    /**
     * Receives the request's file, if fewer than the uploads taken at once are being worked on, into a run of the workspace.
     *
     * @param workspace the caller's workspace, which the run and its downloads belong to; null outside any
     * @param expected what the page takes, appended to a refusal ("The workbench takes a CSV file ...")
     * @param larger what to do with a file over the limit
     */
    Outcome receive(Context ctx, String workspace, String expected, String larger) {
        if (!slots.tryAcquire()) {
            ctx.header("Retry-After", String.valueOf(RETRY_AFTER_SECONDS));
            return new Refused(429, String.format(Locale.ROOT, "The server is working on %d %s already, as many as it takes at once: "
                    + "wait until %s, then send the file again.", concurrent, concurrent == 1 ? "upload" : "uploads", concurrent == 1 ? "it ends" : "one ends"));
        }
        Outcome outcome = null;
        try {
            outcome = receiveHolding(ctx, workspace, expected, larger);
            return outcome;
        } finally {
            if (!(outcome instanceof Received)) {
                slots.release();
            }
        }
    }

    private Outcome receiveHolding(Context ctx, String workspace, String expected, String larger) {
        if (ctx.contentLength() > MAX_REQUEST_BYTES) {
            return new Refused(413, String.format(Locale.ROOT, "The upload is %,d bytes, over the limit. %s %s", ctx.contentLength(), expected, larger));
        }
        UploadedFile upload;
        try {
            upload = ctx.uploadedFile("file");
        } catch (Exception e) {
            // Jetty's multipart parser refuses a body that is not multipart, or one that grows past the limit as it arrives.
            return new Refused(400, "The upload could not be read as a form with a file (" + e.getMessage() + "). " + expected);
        }
        if (upload == null || upload.filename().isBlank()) {
            return new Refused(400, "No file was uploaded: choose a file in the field 'CSV or JSON lines file'. " + expected);
        }
        String fileName = safeName(upload.filename());
        if (upload.size() == 0) {
            return new Refused(400, fileName + " is empty. " + expected);
        }
        if (upload.size() > MAX_UPLOAD_BYTES) {
            return new Refused(413, String.format(Locale.ROOT, "%s is %,d bytes, over the limit. %s %s", fileName, upload.size(), expected, larger));
        }
        Downloads.Run run = downloads.create(baseName(fileName), workspace);
        Path file = run.folder().resolve(fileName);
        try (InputStream content = upload.content()) {
            Files.copy(content, file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the uploaded file in the temporary directory: " + e.getMessage(), e);
        }
        return new Received(file, fileName, run);
    }

    /** An error about the kept file, for the page: its folder left out, the file named, what the page takes added. */
    static String explain(String message, Received received, String expected) {
        Path folder = received.run().folder();
        String text = message.replace(folder + File.separator, "").replace(folder.toString(), "").replaceAll(" ?\\[Hint: [^]]*]", "");
        return (text.contains(received.fileName()) ? text : received.fileName() + ": " + text) + (text.endsWith(".") ? " " : ". ") + expected;
    }

    /** Deletes the kept upload once it has been read (only the results stay for download), and takes the next upload. */
    void discard(Received received) {
        try {
            Files.deleteIfExists(received.file());
        } catch (IOException e) {
            // the run's folder goes with the temporary directory
        } finally {
            slots.release();
        }
    }

    private static String safeName(String uploaded) {
        String name = uploaded.substring(Math.max(uploaded.lastIndexOf('/'), uploaded.lastIndexOf('\\')) + 1).replaceAll("[^\\p{L}\\p{N}._-]", "_");
        name = name.replaceAll("^\\.+", "");
        if (name.length() > 100) {
            name = name.substring(name.length() - 100);
        }
        return name.isEmpty() ? "upload.csv" : name;
    }

    private static String baseName(String fileName) {
        int dot = fileName.lastIndexOf('.');
        return dot > 0 ? fileName.substring(0, dot) : fileName;
    }
}

package org.convergence.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import org.convergence.ConvergenceException;
import org.convergence.ErrorCategory;

/**
 * SHA-256 of source files: equal checksums mean an unchanged source, and no new version. Also the
 * keys of records that a source gives no identifier of its own.
 */
public final class Checksums {
    private Checksums() {}

    /**
     * The SHA-256 of a file, or of a folder's regular files (names and contents, in name order) for
     * sources published as a set of files.
     */
    public static String sha256OfFileOrFolder(Path path) {
        if (!Files.isDirectory(path)) {
            return sha256(path);
        }
        try (var listing = Files.list(path)) {
            List<Path> files = listing.filter(Files::isRegularFile).sorted().toList();
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (Path file : files) {
                digest.update(file.getFileName().toString().getBytes(StandardCharsets.UTF_8));
                digest.update(HexFormat.of().parseHex(sha256(file)));
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (IOException e) {
            throw new ConvergenceException(ErrorCategory.INVALID_INPUT, path + ": cannot list the folder: " + e.getMessage(), e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /** The SHA-256 of the files' contents, in the order given. */
    public static String sha256(Path... files) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[1 << 16];
            for (Path file : files) {
                try (InputStream in = Files.newInputStream(file)) {
                    for (int n; (n = in.read(buffer)) > 0; ) {
                        digest.update(buffer, 0, n);
                    }
                }
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (java.nio.file.NoSuchFileException e) {
            throw new ConvergenceException(ErrorCategory.NOT_FOUND, e.getFile() + ": no such file");
        } catch (IOException e) {
            throw new ConvergenceException(ErrorCategory.INVALID_INPUT, "cannot read " + e.getMessage(), e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /**
     * A hex SHA-1 of the parts joined by a separator no source uses: the key of a record that its
     * source gives no identifier, the same whenever the same parts are read again.
     */
    public static String recordKey(String... parts) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-1").digest(String.join("\u001f", parts).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-1", e);
        }
    }
}

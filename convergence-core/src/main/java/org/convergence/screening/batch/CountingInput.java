package org.convergence.screening.batch;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.convergence.ConvergenceException;
import org.convergence.ErrorCategory;

/** A file's input stream that counts the bytes read from it, for progress. */
final class CountingInput extends FilterInputStream {
    private final long size;
    private long position;

    private CountingInput(InputStream in, long size) {
        super(in);
        this.size = size;
    }

    /** @throws ConvergenceException NOT_FOUND for a missing file, INVALID_INPUT for an unreadable one */
    static CountingInput open(Path file) {
        try {
            return new CountingInput(Files.newInputStream(file), Files.size(file));
        } catch (NoSuchFileException e) {
            throw new ConvergenceException(ErrorCategory.NOT_FOUND, file + ": no such file");
        } catch (IOException e) {
            throw new ConvergenceException(ErrorCategory.INVALID_INPUT, file + ": cannot read: " + e.getMessage(), e);
        }
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            position++;
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, length);
        if (n > 0) {
            position += n;
        }
        return n;
    }

    long position() {
        return position;
    }

    long size() {
        return size;
    }
}

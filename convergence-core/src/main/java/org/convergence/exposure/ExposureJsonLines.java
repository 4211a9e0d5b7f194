package org.convergence.exposure;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;

/** Exposure findings as JSON lines, one object per input row in {@link ExposureJson}'s shape. */
public final class ExposureJsonLines implements ExposureReport {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Writer out;

    public ExposureJsonLines(Writer out) {
        this.out = out;
    }

    @Override
    public void start(Context context) {}

    @Override
    public void write(Exposure exposure) {
        try {
            out.write(JSON.writeValueAsString(ExposureJson.of(exposure)));
            out.write('\n');
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the exposure results: " + e.getMessage(), e);
        }
    }

    @Override
    public void finish(Summary summary) {
        try {
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the exposure results: " + e.getMessage(), e);
        }
    }
}

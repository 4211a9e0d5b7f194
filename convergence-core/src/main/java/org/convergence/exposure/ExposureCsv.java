package org.convergence.exposure;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Exposure findings as CSV, one row per input row: the tier, the reasons, and each path as its
 * entities joined by arrows ("State Key Laboratory … → Harbin Institute of Technology (aspi-unitracker)").
 */
public final class ExposureCsv implements ExposureReport {
    public static final List<String> COLUMNS = List.of("row", "input", "flagged", "tier", "reasons", "paths", "areas", "audit_requests", "error");
    private static final CsvMapper CSV = CsvMapper.builder().disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET).build();

    private final Writer out;
    private SequenceWriter csv;

    public ExposureCsv(Writer out) {
        this.out = out;
    }

    @Override
    public void start(Context context) {
        try {
            csv = CSV.writer().without(SerializationFeature.FLUSH_AFTER_WRITE_VALUE).writeValues(out);
            csv.write(COLUMNS);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the CSV results: " + e.getMessage(), e);
        }
    }

    @Override
    public void write(Exposure exposure) {
        try {
            csv.write(List.of(String.valueOf(exposure.row()), exposure.input(), String.valueOf(exposure.flagged()), exposure.tier().label(),
                    String.join(" | ", exposure.reasons()), exposure.paths().stream().map(ExposureCsv::path).collect(Collectors.joining(" | ")),
                    String.join("; ", exposure.areas()), exposure.auditRequests().stream().map(String::valueOf).collect(Collectors.joining(" ")),
                    exposure.error() == null ? "" : exposure.error()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the CSV results: " + e.getMessage(), e);
        }
    }

    /** A path in one line: each entity with its dataset, each tie's label between arrows. */
    static String path(Exposure.Path path) {
        StringBuilder line = new StringBuilder();
        for (Exposure.Step step : path.steps()) {
            line.append(step.caption()).append(" (").append(step.dataset()).append(")");
            if (step.link() != null) {
                line.append(" —").append(step.link().label()).append(step.link().forward() ? "→ " : "← ");
            }
        }
        return line.toString();
    }

    @Override
    public void finish(Summary summary) {
        try {
            csv.close();
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the CSV results: " + e.getMessage(), e);
        }
    }
}

package org.convergence.exposure;

import java.io.Writer;
import java.util.List;
import java.util.stream.Collectors;
import org.convergence.CsvRows;

/**
 * Exposure findings as CSV, one row per input row: the tier, the reasons, and each path as its
 * entities joined by arrows ("State Key Laboratory … → Harbin Institute of Technology (aspi-unitracker)").
 */
public final class ExposureCsv implements ExposureReport {
    public static final List<String> COLUMNS = List.of("row", "input", "flagged", "tier", "reasons", "paths", "areas", "audit_requests", "error");

    private final Writer out;
    private CsvRows csv;

    public ExposureCsv(Writer out) {
        this.out = out;
    }

    @Override
    public void start(Context context) {
        csv = CsvRows.start(out, COLUMNS, "the CSV results");
    }

    @Override
    public void write(Exposure exposure) {
        csv.write(List.of(String.valueOf(exposure.row()), exposure.input(), String.valueOf(exposure.flagged()), exposure.tier().label(),
                String.join(" | ", exposure.reasons()), exposure.paths().stream().map(ExposureCsv::path).collect(Collectors.joining(" | ")),
                String.join("; ", exposure.areas()), exposure.auditRequests().stream().map(String::valueOf).collect(Collectors.joining(" ")),
                exposure.error() == null ? "" : exposure.error()));
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
        csv.close();
    }
}

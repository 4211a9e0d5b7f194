package org.convergence.screening.batch;

import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.convergence.CsvRows;
import org.convergence.screening.ScoringModel;

/**
 * Batch results as CSV: one row per input row and hit (an input row without hits gets one row with
 * empty hit columns), the three most telling features as text; cells made safe for spreadsheets.
 */
public final class CsvResultWriter implements ResultWriter {
    private static final int FEATURES_SHOWN = 3;

    private final Writer out;
    private CsvRows csv;
    private ScoringModel model;

    public CsvResultWriter(Writer out) {
        this.out = out;
    }

    @Override
    public void start(BatchContext context) {
        this.model = context.model();
        csv = CsvRows.start(out, HitRow.COLUMNS, "the CSV results");
    }

    @Override
    public void write(RowOutcome outcome) {
        for (HitRow hit : HitRow.of(outcome, model)) {
            List<String> cells = new ArrayList<>(HitRow.COLUMNS.size());
            cells.add(String.valueOf(hit.row()));
            cells.add(text(hit.inputId()));
            cells.add(hit.inputName());
            cells.add(text(hit.requestId()));
            cells.add(text(hit.matchedId()));
            cells.add(text(hit.caption()));
            cells.add(text(hit.dataset()));
            cells.add(text(hit.version()));
            cells.add(hit.score() == null ? "" : String.format(Locale.ROOT, "%.3f", hit.score()));
            cells.add(text(hit.match()));
            cells.add(Explanations.top(hit.features(), model, FEATURES_SHOWN));
            cells.add(String.join("; ", hit.notes()));
            csv.write(cells);
        }
    }

    @Override
    public void finish(BatchSummary summary) {
        csv.close();
    }

    private static String text(Object value) {
        return value == null ? "" : value.toString();
    }
}

package org.convergence.screening.batch;

import java.util.ArrayList;
import java.util.List;
import org.convergence.screening.Feature;
import org.convergence.screening.ScoringModel;
import org.convergence.screening.Screener;
import org.convergence.screening.audit.AuditedResult;

/**
 * One line of the tabular outputs: an input row and one of its hits, or the input row alone when it
 * has none (so that every input row appears). Hit fields are null without a hit.
 */
record HitRow(long row, String inputId, String inputName, Long requestId, String matchedId, String caption, String dataset, Integer version,
        Double score, Boolean match, List<Feature> features, List<String> notes) {

    static final List<String> COLUMNS = List.of("row", "input_id", "input_name", "request_id", "matched_id", "caption", "dataset", "version",
            "score", "match", "features", "notes");

    static List<HitRow> of(RowOutcome outcome, ScoringModel model) {
        BatchRow row = outcome.row();
        Long requestId = outcome.screening() == null ? null : outcome.screening().requestId();
        List<HitRow> rows = new ArrayList<>();
        for (AuditedResult hit : outcome.hits()) {
            Screener.Result result = hit.result();
            rows.add(new HitRow(row.row(), row.reference(), row.inputName(), requestId, hit.entityId(), result.entity().screened().caption(),
                    result.entity().version().dataset(), result.entity().version().version(), result.score().score(), result.score().match(),
                    Explanations.ordered(result.score().features(), model), outcome.notes()));
        }
        if (rows.isEmpty()) {
            rows.add(new HitRow(row.row(), row.reference(), row.inputName(), requestId, null, null, null, null, null, null, List.of(),
                    outcome.notes()));
        }
        return rows;
    }
}

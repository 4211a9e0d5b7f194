package org.convergence.screening.batch;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.convergence.screening.Feature;
import org.convergence.screening.ScoringModel;

/** The features of a score, most telling first: ordered by how far each moved the score (weight times value). */
final class Explanations {
    private Explanations() {}

    static List<Feature> ordered(List<Feature> features, ScoringModel model) {
        return features.stream().sorted(Comparator.comparingDouble((Feature f) -> -Math.abs(model.weight(f.name()) * f.value()))).toList();
    }

    /** The first few, as one line: "name.query_coverage=1.00 (aleksey oleksin ~ aleksey oleksin); date=0.70 (1975 vs 1975-02-11)". */
    static String top(List<Feature> features, ScoringModel model, int count) {
        return String.join("; ", ordered(features, model).stream().limit(count)
                .map(f -> f.name() + "=" + String.format(Locale.ROOT, "%.2f", f.value()) + (f.detail() == null ? "" : " (" + f.detail() + ")"))
                .toList());
    }
}

package org.convergence.screening;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The weights that turn features into a probability: a logistic model, fitted on the labelled
 * development set by {@code convergence eval --fit} (each set, and matches and non-matches within it,
 * counting alike), so that a score of 0.8 means about 80% of the query-candidate pairs that score so
 * are the same party. The fitted model is {@code scoring-model.yaml} beside this class.
 *
 * @param intercept the log-odds with no evidence
 * @param weights the weight of each feature, by name
 * @param threshold the score from which a result is flagged a match
 * @param provenance how the weights were obtained (command, data, date)
 * @param policy features whose weight is set by a stated policy rather than fitted, each with the
 *     reason; a refit keeps their weights (labelled data cannot say, for instance, that a match on a
 *     weak alias alone should not be raised: the lists' own guidance does)
 * @param reasons for the fitted features, what each says and why it is in the model; a refit keeps them
 */
public record ScoringModel(double intercept, Map<String, Double> weights, double threshold, String provenance, Map<String, String> policy,
        Map<String, String> reasons) {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    public ScoringModel {
        weights = Map.copyOf(weights);
        policy = policy == null ? Map.of() : Map.copyOf(policy);
        reasons = reasons == null ? Map.of() : Map.copyOf(reasons);
    }

    /** The same model with other fitted weights, threshold and provenance: its policy and reasons kept. */
    public ScoringModel refitted(double intercept, Map<String, Double> weights, double threshold, String provenance) {
        return new ScoringModel(intercept, weights, threshold, provenance, policy, reasons);
    }

    public static ScoringModel standard() {
        try (InputStream in = ScoringModel.class.getResourceAsStream("scoring-model.yaml")) {
            return YAML.readValue(in, ScoringModel.class);
        } catch (IOException e) {
            throw new IllegalStateException("scoring-model.yaml is part of the build and must be readable: " + e.getMessage(), e);
        }
    }

    public double weight(String feature) {
        return weights.getOrDefault(feature, 0.0);
    }

    /** The probability for feature values (missing features count as 0). */
    public double probability(Map<String, Double> values) {
        double logit = intercept;
        for (var entry : values.entrySet()) {
            logit += weight(entry.getKey()) * entry.getValue();
        }
        return 1.0 / (1.0 + Math.exp(-logit));
    }

    public void write(Path file) throws IOException {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("provenance", provenance);
        out.put("threshold", threshold);
        out.put("intercept", intercept);
        out.put("weights", new java.util.TreeMap<>(weights));
        out.put("policy", new java.util.TreeMap<>(policy));
        out.put("reasons", new java.util.TreeMap<>(reasons));
        YAML.writeValue(file.toFile(), out);
    }
}

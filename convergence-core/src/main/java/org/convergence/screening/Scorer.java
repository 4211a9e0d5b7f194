package org.convergence.screening;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.convergence.screening.compare.TokenWeights;
import org.convergence.screening.compare.Comparison;
import org.convergence.screening.compare.Countries;
import org.convergence.screening.compare.Dates;
import org.convergence.screening.compare.Identifiers;
import org.convergence.screening.compare.NameAlignment;
import org.convergence.screening.compare.NameMatch;
import org.convergence.screening.names.NameKind;
import org.convergence.screening.names.NameNormalizer;
import org.convergence.screening.names.NormalizedName;
import tech.followthemoney.model.Schema;

/**
 * Scores a candidate against a query from explainable features, combined by the {@link ScoringModel}.
 *
 * <p>The names are compared part by part ({@link NameAlignment}): how alike they are, read also near
 * the top where screening decides (closeness), and whether they contradict each other. The best pair
 * of names (strong aliases first) stands for the entity. Dates, countries and identifiers
 * ({@code compare}) and the schemata then move the score.
 */
public final class Scorer {
    public static final String SIMILARITY = "name.similarity";
    public static final String CLOSENESS = "name.closeness";
    public static final String CONFLICT = "name.conflict";
    public static final String NUMBERS_DIFFER = "name.numbers_differ";
    public static final String ROLES_SWAPPED = "name.roles_swapped";
    public static final String SINGLE_TOKEN = "name.single_token";
    public static final String RARITY = "name.rarity";
    public static final String WEAK_ALIAS = "name.weak_alias";
    public static final String IN_TEXT = "name.in_text";
    public static final String LEGAL_FORM_CONFLICT = "legal_form.conflict";
    public static final String DATE = "date";
    public static final String COUNTRY = "country";
    public static final String IDENTIFIER = "identifier";
    public static final String SCHEMA_CONFLICT = "schema.conflict";
    public static final List<String> FEATURES = List.of(SIMILARITY, CLOSENESS, CONFLICT, NUMBERS_DIFFER, ROLES_SWAPPED,
            SINGLE_TOKEN, RARITY, WEAK_ALIAS, IN_TEXT, LEGAL_FORM_CONFLICT, DATE, COUNTRY, IDENTIFIER, SCHEMA_CONFLICT);

    /**
     * Features that can only count against a match; every other feature is agreement that can only
     * count for one. A fitted model keeps to these signs, so that an explanation never says that
     * agreeing names lowered a score.
     */
    public static final Set<String> PENALTIES = Set.of(CONFLICT, NUMBERS_DIFFER, ROLES_SWAPPED, SINGLE_TOKEN, WEAK_ALIAS, IN_TEXT,
            LEGAL_FORM_CONFLICT, SCHEMA_CONFLICT);

    private static final int SIMILARITY_AT = FEATURES.indexOf(SIMILARITY);
    private static final int CLOSENESS_AT = FEATURES.indexOf(CLOSENESS);
    private static final int CONFLICT_AT = FEATURES.indexOf(CONFLICT);
    private static final int NUMBERS_DIFFER_AT = FEATURES.indexOf(NUMBERS_DIFFER);
    private static final int ROLES_SWAPPED_AT = FEATURES.indexOf(ROLES_SWAPPED);
    private static final int SINGLE_TOKEN_AT = FEATURES.indexOf(SINGLE_TOKEN);
    private static final int RARITY_AT = FEATURES.indexOf(RARITY);
    private static final int WEAK_ALIAS_AT = FEATURES.indexOf(WEAK_ALIAS);
    private static final int IN_TEXT_AT = FEATURES.indexOf(IN_TEXT);
    private static final int LEGAL_FORM_CONFLICT_AT = FEATURES.indexOf(LEGAL_FORM_CONFLICT);
    private static final int DATE_AT = FEATURES.indexOf(DATE);
    private static final int COUNTRY_AT = FEATURES.indexOf(COUNTRY);
    private static final int IDENTIFIER_AT = FEATURES.indexOf(IDENTIFIER);
    private static final int SCHEMA_CONFLICT_AT = FEATURES.indexOf(SCHEMA_CONFLICT);

    private final ScoringModel model;
    private final NameNormalizer names;
    /** The model's weights in {@link #FEATURES} order, so scoring needs no lookups by name. */
    private final double[] weights;
    private final Map<Schema, Map<Schema, Boolean>> compatibility = new ConcurrentHashMap<>();

    public Scorer(ScoringModel model) {
        this.model = model;
        this.names = NameNormalizer.standard();
        this.weights = FEATURES.stream().mapToDouble(model::weight).toArray();
    }

    public ScoringModel model() {
        return model;
    }

    /**
     * The score, whether it is a match at the threshold asked for, and the features behind it.
     *
     * @param match the score is at or above the threshold the caller screened at (see {@link Thresholds})
     */
    public record Score(double score, boolean match, List<Feature> features) {}

    /** The score with its explanation, every name part counting alike (for two names with no index at hand). */
    public Score score(ScreenedEntity query, ScreenedEntity candidate) {
        return score(query, candidate, TokenWeights.UNIFORM, model.threshold());
    }

    /**
     * The score with its explanation, name parts weighted by how much each says (see {@link TokenWeights}),
     * flagged a match at or above {@code threshold}.
     */
    public Score score(ScreenedEntity query, ScreenedEntity candidate, TokenWeights weights, double threshold) {
        Evidence evidence = new Evidence(true);
        collect(query, candidate, weights, evidence);
        double probability = evidence.probability();
        return new Score(probability, probability >= threshold, evidence.features);
    }

    /** The score alone: what ranking needs, without building the explanation's text. */
    public double probability(ScreenedEntity query, ScreenedEntity candidate, TokenWeights weights) {
        Evidence evidence = new Evidence(false);
        collect(query, candidate, weights, evidence);
        return evidence.probability();
    }

    /** Gathers feature values into the model's log-odds, and, when explaining, the features with their details. */
    private final class Evidence {
        final List<Feature> features;
        double logit = model.intercept();

        Evidence(boolean explain) {
            this.features = explain ? new ArrayList<>(8) : null;
        }

        void add(int feature, double value, Supplier<String> detail) {
            logit += weights[feature] * value;
            if (features != null) {
                features.add(new Feature(FEATURES.get(feature), value, detail.get()));
            }
        }

        void add(int feature, Comparison comparison) {
            if (comparison != null) {
                add(feature, comparison.value(), comparison::detail);
            }
        }

        double probability() {
            return 1.0 / (1.0 + Math.exp(-logit));
        }
    }

    private void collect(ScreenedEntity query, ScreenedEntity candidate, TokenWeights tokenWeights, Evidence evidence) {
        NameMatch best = bestNames(query, candidate, tokenWeights);
        if (best != null) {
            evidence.add(SIMILARITY_AT, best.similarity(), best::explanation);
            evidence.add(CLOSENESS_AT, best.closeness(), () -> best.exact() ? best.inText() ? "the listed name's parts, all found in the text"
                    : "the same name parts" : "how near the names are to the same name");
            // rarity weighs agreement: a rare name that agrees says more than a common one, and one that does not agree says nothing
            evidence.add(RARITY_AT, best.rarity() * best.closeness(), () -> "the closeness times how rare the listed name's parts are among the"
                    + " indexed names (" + String.format(java.util.Locale.ROOT, "%.2f", best.rarity()) + "; 1 rare, 0.25 common)");
            if (best.conflict() > 0) {
                evidence.add(CONFLICT_AT, best.conflict(), () -> "parts of each name that the other does not have: " + best.explanation());
            }
            if (best.numbersDiffer()) {
                evidence.add(NUMBERS_DIFFER_AT, 1, () -> "different numbers: " + best.query().text() + " vs " + best.result().text());
            }
            if (best.rolesSwapped()) {
                evidence.add(ROLES_SWAPPED_AT, 1, () -> "a name on one side is the father's name on the other: " + best.query().original()
                        + " vs " + best.result().original());
            }
            if (best.inText()) {
                evidence.add(IN_TEXT_AT, 1, () -> "the listed name found inside a longer text: " + best.query().original());
            }
            if (best.weak()) {
                evidence.add(WEAK_ALIAS_AT, 1, () -> "matched a weak alias: " + best.result().original());
            }
            if (Math.min(best.query().tokens().size(), best.result().tokens().size()) == 1) {
                evidence.add(SINGLE_TOKEN_AT, 1, () -> "a one-word name is weak evidence");
            }
            String queryForm = best.query().legalForm();
            String resultForm = best.result().legalForm();
            if (queryForm != null && resultForm != null && !queryForm.equals(resultForm)) {
                evidence.add(LEGAL_FORM_CONFLICT_AT, 1, () -> "different legal forms: " + queryForm + " vs " + resultForm);
            }
        }
        evidence.add(DATE_AT, Dates.compare(query.dates(), candidate.dates()));
        evidence.add(COUNTRY_AT, Countries.compare(query.countries(), candidate.countries()));
        evidence.add(IDENTIFIER_AT, Identifiers.compare(query.identifiers(), candidate.identifiers()));
        if (!compatible(query.schema(), candidate.schema())) {
            evidence.add(SCHEMA_CONFLICT_AT, 1, () -> query.schema().getName() + " vs " + candidate.schema().getName());
        }
    }

    /** Whether two schemata can be the same party: one is the other or its ancestor, or both are organisations. */
    private boolean compatible(Schema a, Schema b) {
        return compatibility.computeIfAbsent(a, x -> new ConcurrentHashMap<>()).computeIfAbsent(b,
                y -> a.equals(b) || a.isA(b) || b.isA(a) || isOrganisation(a) && isOrganisation(b));
    }

    private static boolean isOrganisation(Schema schema) {
        return ScreenedEntity.isA(schema, "Organization") || schema.getName().equals("LegalEntity");
    }

    /** The pair of names that agrees best: every query name against every strong name of the candidate, then its weak aliases. */
    private NameMatch bestNames(ScreenedEntity query, ScreenedEntity candidate, TokenWeights weights) {
        NameMatch best = null;
        // An organisation's name is not searched as text: its words (navy, academy) recur inside other organisations' names.
        boolean text = ScreenedEntity.nameKind(query.schema()) != NameKind.ORGANISATION;
        for (NormalizedName q : query.names()) {
            for (NormalizedName c : candidate.names()) {
                best = better(best, NameAlignment.compare(q, c, false, text, weights, names));
            }
            if (best != null && best.exact() && !best.inText()) {
                return best;
            }
            for (NormalizedName c : candidate.weakNames()) {
                best = better(best, NameAlignment.compare(q, c, true, false, weights, names));
            }
        }
        return best;
    }

    private static NameMatch better(NameMatch best, NameMatch next) {
        return best == null || next.strength() > best.strength() || next.strength() == best.strength() && !next.weak() && best.weak() ? next : best;
    }
}

package org.convergence.screening;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.convergence.screening.names.NormalizedName;
import org.convergence.screening.names.RomanisationKey;
import tech.followthemoney.model.Schema;

/**
 * Scores a candidate against a query from explainable features, combined by the {@link ScoringModel}.
 *
 * <p>Names are compared token by token on their romanisation keys, in any order ("PUTIN, Vladimir"
 * and "Vladimir Putin" agree): each query token takes its best partner (equal keys 1, an initial
 * against its name 0.6, else Jaro-Winkler above 0.85), weighted by length. Coverage is measured both
 * ways, so a query that names all of a longer listed name scores apart from one that names a part of
 * it. The best pair of names (strong aliases first) stands for the entity.
 */
public final class Scorer {
    public static final String QUERY_COVERAGE = "name.query_coverage";
    public static final String RESULT_COVERAGE = "name.result_coverage";
    public static final String EXACT = "name.exact";
    public static final String PHONETIC = "name.phonetic";
    public static final String WEAK_ALIAS = "name.weak_alias";
    public static final String SINGLE_TOKEN = "name.single_token";
    public static final String DATE = "date";
    public static final String COUNTRY = "country";
    public static final String IDENTIFIER = "identifier";
    public static final String SCHEMA_CONFLICT = "schema.conflict";
    public static final String LEGAL_FORM_CONFLICT = "legal_form.conflict";
    public static final List<String> FEATURES = List.of(QUERY_COVERAGE, RESULT_COVERAGE, EXACT, PHONETIC, WEAK_ALIAS, SINGLE_TOKEN, DATE,
            COUNTRY, IDENTIFIER, SCHEMA_CONFLICT, LEGAL_FORM_CONFLICT);

    /**
     * Features that can only count against a match; every other feature is agreement that can only
     * count for one. A fitted model keeps to these signs, so that an explanation never says that
     * names sounding alike lowered a score.
     */
    public static final java.util.Set<String> PENALTIES = java.util.Set.of(WEAK_ALIAS, SINGLE_TOKEN, SCHEMA_CONFLICT, LEGAL_FORM_CONFLICT);

    private static final double TOKEN_THRESHOLD = 0.85;
    private static final double INITIAL = 0.6;

    private final ScoringModel model;
    /** The model's weights in {@link #FEATURES} order, so scoring needs no lookups by name. */
    private final double[] weights;
    private final Map<Schema, Map<Schema, Boolean>> compatibility = new ConcurrentHashMap<>();

    public Scorer(ScoringModel model) {
        this.model = model;
        this.weights = FEATURES.stream().mapToDouble(model::weight).toArray();
    }

    public ScoringModel model() {
        return model;
    }

    /** The score and the features behind it. */
    public record Score(double score, boolean match, List<Feature> features) {}

    public Score score(ScreenedEntity query, ScreenedEntity candidate) {
        return score(query, candidate, TokenWeights.UNIFORM);
    }

    /** The score with its explanation, name parts weighted by how much each says (see {@link TokenWeights}). */
    public Score score(ScreenedEntity query, ScreenedEntity candidate, TokenWeights weights) {
        Evidence evidence = new Evidence(true);
        collect(query, candidate, weights, evidence);
        double probability = evidence.probability();
        return new Score(probability, probability >= model.threshold(), evidence.features);
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

        double probability() {
            return 1.0 / (1.0 + Math.exp(-logit));
        }
    }

    private void collect(ScreenedEntity query, ScreenedEntity candidate, TokenWeights tokenWeights, Evidence evidence) {
        NameComparison best = bestNames(query, candidate, tokenWeights);
        if (best != null) {
            Supplier<String> detail = () -> best.query().text() + " ~ " + best.result().text();
            evidence.add(0, best.queryCoverage(), detail);
            evidence.add(1, best.resultCoverage(), detail);
            if (best.exact()) {
                evidence.add(2, 1, () -> "the same name parts");
            }
            if (best.phonetic() > 0) {
                evidence.add(3, best.phonetic(), () -> "name parts that sound alike");
            }
            if (best.weak()) {
                evidence.add(4, 1, () -> "matched a weak alias: " + best.result().original());
            }
            if (Math.min(best.query().tokens().size(), best.result().tokens().size()) == 1) {
                evidence.add(5, 1, () -> "a one-word name is weak evidence");
            }
            String queryForm = best.query().legalForm();
            String resultForm = best.result().legalForm();
            if (queryForm != null && resultForm != null && !queryForm.equals(resultForm)) {
                evidence.add(10, 1, () -> queryForm + " vs " + resultForm);
            }
        }
        addDate(query, candidate, evidence);
        addCountry(query, candidate, evidence);
        for (String id : query.identifiers()) {
            if (candidate.identifiers().contains(id)) {
                evidence.add(8, 1, () -> "identifier " + id);
                break;
            }
        }
        if (!compatible(query.schema(), candidate.schema())) {
            evidence.add(9, 1, () -> query.schema().getName() + " vs " + candidate.schema().getName());
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

    /** Dates agree in full (1), at the precision of the vaguer one (0.7), are near (0), or conflict (-1). */
    private static void addDate(ScreenedEntity query, ScreenedEntity candidate, Evidence evidence) {
        if (query.dates().isEmpty() || candidate.dates().isEmpty()) {
            return;
        }
        double best = -1;
        String[] pair = new String[2];
        for (String a : query.dates()) {
            for (String b : candidate.dates()) {
                int precision = Math.min(a.length(), b.length());
                double value = a.equals(b) && a.length() >= 10 ? 1 : a.regionMatches(0, b, 0, precision) ? 0.7
                        : Math.abs(year(a) - year(b)) <= 1 ? 0 : -1;
                if (value > best) {
                    best = value;
                    pair[0] = a;
                    pair[1] = b;
                }
            }
        }
        if (best != 0) {
            evidence.add(6, best, () -> pair[0] + " vs " + pair[1]);
        }
    }

    private static int year(String date) {
        try {
            return Integer.parseInt(date.substring(0, 4));
        } catch (NumberFormatException e) {
            return Integer.MIN_VALUE / 2;
        }
    }

    private static void addCountry(ScreenedEntity query, ScreenedEntity candidate, Evidence evidence) {
        if (query.countries().isEmpty() || candidate.countries().isEmpty()) {
            return;
        }
        for (String country : query.countries()) {
            if (candidate.countries().contains(country)) {
                evidence.add(7, 1, () -> country);
                return;
            }
        }
        evidence.add(7, -1, () -> query.countries() + " vs " + candidate.countries());
    }

    record NameComparison(NormalizedName query, NormalizedName result, double queryCoverage, double resultCoverage, boolean exact,
            double phonetic, boolean weak) {
        double strength() {
            return 0.6 * queryCoverage + 0.4 * resultCoverage;
        }
    }

    private static NameComparison bestNames(ScreenedEntity query, ScreenedEntity candidate, TokenWeights weights) {
        NameComparison best = null;
        for (NormalizedName q : query.names()) {
            for (NormalizedName c : candidate.names()) {
                best = better(best, compare(q, c, false, weights));
            }
            if (best != null && best.exact()) {
                return best;
            }
            for (NormalizedName c : candidate.weakNames()) {
                best = better(best, compare(q, c, true, weights));
            }
        }
        return best;
    }

    private static NameComparison better(NameComparison best, NameComparison next) {
        return best == null || next.strength() > best.strength() || next.strength() == best.strength() && !next.weak() && best.weak() ? next : best;
    }

    static NameComparison compare(NormalizedName q, NormalizedName c, boolean weak, TokenWeights weights) {
        List<String> qk = q.keys();
        List<String> ck = c.keys();
        boolean skeletons = q.vowelsUnwritten() || c.vowelsUnwritten();
        double[] bestForResult = new double[ck.size()];
        double queryWeight = 0;
        double queryCovered = 0;
        int phoneticHits = 0;
        for (int i = 0; i < qk.size(); i++) {
            String token = qk.get(i);
            double best = 0;
            for (int j = 0; j < ck.size(); j++) {
                double similarity = tokenSimilarity(token, ck.get(j));
                if (skeletons && similarity < 1) {
                    similarity = Math.max(similarity, tokenSimilarity(q.skeletons().get(i), c.skeletons().get(j)));
                }
                best = Math.max(best, similarity);
                bestForResult[j] = Math.max(bestForResult[j], similarity);
            }
            String sound = q.phonetics().get(i);
            if (best < 1 && !sound.isEmpty() && c.phonetics().contains(sound)) {
                phoneticHits++;
            }
            double weight = Math.max(2, token.length()) * weights.of(token);
            queryWeight += weight;
            queryCovered += weight * best;
        }
        double resultWeight = 0;
        double resultCovered = 0;
        for (int j = 0; j < ck.size(); j++) {
            double weight = Math.max(2, ck.get(j).length()) * weights.of(ck.get(j));
            resultWeight += weight;
            resultCovered += weight * bestForResult[j];
        }
        double queryCoverage = queryWeight == 0 ? 0 : queryCovered / queryWeight;
        double resultCoverage = resultWeight == 0 ? 0 : resultCovered / resultWeight;
        // Names written as one word on one side and two on the other (Abdulhai / Abdul Hai) meet whole.
        boolean wholeSkeletonsAgree = false;
        boolean wholeKeysAgree = false;
        if (qk.size() != ck.size()) {
            String queryWhole = String.join("", qk);
            String resultWhole = String.join("", ck);
            wholeKeysAgree = queryWhole.equals(resultWhole);
            double whole = JaroWinkler.similarity(queryWhole, resultWhole);
            if (skeletons) {
                wholeSkeletonsAgree = RomanisationKey.skeleton(String.join("", q.tokens())).equals(RomanisationKey.skeleton(String.join("", c.tokens())));
                whole = wholeSkeletonsAgree ? 1 : whole;
            }
            if (whole >= 0.92) {
                queryCoverage = Math.max(queryCoverage, whole);
                resultCoverage = Math.max(resultCoverage, whole);
            }
        }
        // The same letters split into other words (Abdulhai, Abdul Hai; 김정은 as kim jeongeun, Kim Jong Un) are the
        // same name; in a script that leaves vowels out, agreeing consonants are all the agreement there can be.
        boolean exact = qk.size() == ck.size() && (sortedEquals(qk, ck) || skeletons && sortedEquals(q.skeletons(), c.skeletons()))
                || wholeKeysAgree || wholeSkeletonsAgree;
        double phonetic = qk.isEmpty() ? 0 : (double) phoneticHits / qk.size();
        return new NameComparison(q, c, queryCoverage, resultCoverage, exact, phonetic, weak);
    }

    private static double tokenSimilarity(String a, String b) {
        if (a.equals(b)) {
            return 1;
        }
        if (a.length() == 1 || b.length() == 1) {
            return a.charAt(0) == b.charAt(0) ? INITIAL : 0;
        }
        double similarity = JaroWinkler.similarity(a, b);
        return similarity >= TOKEN_THRESHOLD ? similarity : 0;
    }

    private static boolean sortedEquals(List<String> a, List<String> b) {
        String[] x = a.toArray(String[]::new);
        String[] y = b.toArray(String[]::new);
        Arrays.sort(x);
        Arrays.sort(y);
        return Arrays.equals(x, y);
    }
}

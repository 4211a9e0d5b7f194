package org.convergence.screening;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.convergence.screening.names.NameKind;
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
    public static final String NEAR_EXACT = "name.near_exact";
    public static final String IN_TEXT = "name.in_text";
    public static final String RARITY = "name.rarity";
    public static final List<String> FEATURES = List.of(QUERY_COVERAGE, RESULT_COVERAGE, EXACT, PHONETIC, WEAK_ALIAS, SINGLE_TOKEN, DATE,
            COUNTRY, IDENTIFIER, SCHEMA_CONFLICT, LEGAL_FORM_CONFLICT, NEAR_EXACT, IN_TEXT, RARITY);

    /**
     * Features that can only count against a match; every other feature is agreement that can only
     * count for one. A fitted model keeps to these signs, so that an explanation never says that
     * names sounding alike lowered a score.
     */
    public static final java.util.Set<String> PENALTIES = java.util.Set.of(WEAK_ALIAS, SINGLE_TOKEN, SCHEMA_CONFLICT, LEGAL_FORM_CONFLICT, IN_TEXT);

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
            evidence.add(13, best.rarity(), () -> "how rare the listed name's parts are among the lists' names (1 rare, 0.2 common)");
            if (best.exact()) {
                evidence.add(2, 1, () -> "the same name parts");
            } else if (best.nearExact()) {
                evidence.add(11, 1, () -> "the same name parts but for a typo in a rare one");
            }
            if (best.inText()) {
                evidence.add(12, 1, () -> "the listed name found inside a longer text: " + best.query().original());
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

    /** @param rarity the listed name's parts' mean weight (see {@link TokenWeights}): a common name says less about who is meant */
    record NameComparison(NormalizedName query, NormalizedName result, double queryCoverage, double resultCoverage, boolean exact,
            boolean nearExact, boolean inText, double phonetic, boolean weak, double rarity) {
        /** How strongly the names agree, to pick the pair that speaks for the entity: same parts first. */
        double strength() {
            return 0.6 * queryCoverage + 0.4 * resultCoverage + (exact ? (inText ? 0.75 : 1) : nearExact ? 0.5 : 0);
        }
    }

    private static NameComparison bestNames(ScreenedEntity query, ScreenedEntity candidate, TokenWeights weights) {
        NameComparison best = null;
        // An organisation's name is not searched as text: its words (navy, academy) recur inside other organisations' names.
        boolean text = ScreenedEntity.nameKind(query.schema()) != NameKind.ORGANISATION;
        for (NormalizedName q : query.names()) {
            for (NormalizedName c : candidate.names()) {
                best = better(best, compare(q, c, false, text, weights));
            }
            if (best != null && best.exact() && !best.inText()) {
                return best;
            }
            for (NormalizedName c : candidate.weakNames()) {
                best = better(best, compare(q, c, true, false, weights));
            }
        }
        return best;
    }

    private static NameComparison better(NameComparison best, NameComparison next) {
        return best == null || next.strength() > best.strength() || next.strength() == best.strength() && !next.weak() && best.weak() ? next : best;
    }

    /**
     * How two names agree. With {@code text}, a query at least two words longer than a listed name of
     * three parts or more is also read as text that may hold the name: when some run of its words is
     * the listed name, the name agrees in full and the comparison says it was found in text.
     */
    static NameComparison compare(NormalizedName q, NormalizedName c, boolean weak, boolean text, TokenWeights weights) {
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
                    similarity = Math.max(similarity, skeletonSimilarity(q.skeletons().get(i), c.skeletons().get(j)));
                }
                best = Math.max(best, similarity);
                bestForResult[j] = Math.max(bestForResult[j], similarity);
            }
            String sound = q.phonetics().get(i);
            if (best < 1 && !sound.isEmpty() && c.phonetics().contains(sound)) {
                phoneticHits++;
            }
            if (token.length() == 1 && best == 0 && ck.size() > 1) {
                continue; // a middle initial the listed name leaves out is not a disagreement
            }
            double weight = Math.max(2, token.length()) * weights.of(token);
            queryWeight += weight;
            queryCovered += weight * best;
        }
        double resultWeight = 0;
        double resultCovered = 0;
        double resultLength = 0;
        for (int j = 0; j < ck.size(); j++) {
            double length = Math.max(2, ck.get(j).length());
            double weight = length * weights.of(ck.get(j));
            resultLength += length;
            resultWeight += weight;
            resultCovered += weight * bestForResult[j];
        }
        double rarity = resultLength == 0 ? 0 : Math.min(1, resultWeight / resultLength);
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
                wholeSkeletonsAgree = skeletonSimilarity(RomanisationKey.skeleton(String.join("", q.tokens())),
                        RomanisationKey.skeleton(String.join("", c.tokens()))) == 1;
                whole = wholeSkeletonsAgree ? 1 : whole;
            }
            if (whole >= 0.92) {
                queryCoverage = Math.max(queryCoverage, whole);
                resultCoverage = Math.max(resultCoverage, whole);
            }
        }
        // The same letters split into other words (Abdulhai, Abdul Hai; 김정은 as kim jeongeun, Kim Jong Un) are the
        // same name; in a script that leaves vowels out, agreeing consonants are all the agreement there can be.
        boolean exact = qk.size() == ck.size() && (sortedEquals(qk, ck) || skeletons && (sortedEquals(q.skeletons(), c.skeletons())
                || sortedEquals(q.skeletons().stream().map(RomanisationKey::withoutV).toList(), c.skeletons().stream().map(RomanisationKey::withoutV).toList())))
                || wholeKeysAgree || wholeSkeletonsAgree;
        // every part partnered means a high coverage already: the check is skipped for the many candidates far from it
        int typos = exact || queryCoverage < 0.7 ? -1 : typosBetween(qk, ck, weights);
        exact |= typos == 0; // the same parts, and middle initials the listed name leaves out
        boolean nearExact = typos == 1;
        double phonetic = qk.isEmpty() ? 0 : (double) phoneticHits / qk.size();
        // a listed name of two parts found among other words is too often a coincidence (abd rahman inside Abdurrahman Ongay Ülker)
        if (text && !exact && !weak && ck.size() >= 3 && qk.size() >= ck.size() + 2 && containsWhole(qk, ck)) {
            return new NameComparison(q, c, 1, 1, true, false, true, phonetic, weak, rarity);
        }
        return new NameComparison(q, c, queryCoverage, resultCoverage, exact, nearExact, false, phonetic, weak, rarity);
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

    /**
     * The weight (see {@link TokenWeights}) from which a name part is rare: with the lists of this
     * work, a part of about one listed name in 700 or fewer. A typo in such a part still points at one party.
     */
    private static final double RARE_PART = 0.9;

    /** What a name part has in the other name: the same part, an initial for it (or it for an initial), a typo of it, or nothing. */
    private enum Partner { NONE, SAME, INITIAL, TYPO }

    /**
     * The typos between two names whose every part has a partner in the other (the same key, or one
     * typo: a letter added, dropped, changed or two swapped, in parts of four letters or more), with the
     * query's unpartnered middle initials let go, since lists often leave them out: 0 for USAMA M BIN
     * LADIN against Usama BIN LADIN, 1 for USAMO BIN LADIN. -1 when some part has no partner or only an
     * initial, when there is more than one typo, or when the typo is in a common part (Luisa against
     * Luis says little: many people are called either).
     */
    static int typosBetween(List<String> query, List<String> result, TokenWeights weights) {
        for (String token : query) {
            Partner partner = partner(token, result);
            if (partner == Partner.INITIAL || partner == Partner.NONE && token.length() > 1) {
                return -1;
            }
        }
        int typos = 0;
        for (String token : result) {
            Partner partner = partner(token, query);
            if (partner == Partner.NONE || partner == Partner.INITIAL
                    || partner == Partner.TYPO && (++typos > 1 || weights.of(token) < RARE_PART)) {
                return -1;
            }
        }
        return typos;
    }

    /** The best partner a name part has among the other name's parts. */
    private static Partner partner(String token, List<String> others) {
        Partner best = Partner.NONE;
        for (String other : others) {
            if (other.equals(token)) {
                return Partner.SAME;
            }
            if ((token.length() == 1 || other.length() == 1) && token.charAt(0) == other.charAt(0)) {
                best = Partner.INITIAL;
            } else if (best == Partner.NONE && Math.min(token.length(), other.length()) >= 4 && oneEditApart(token, other)) {
                best = Partner.TYPO;
            }
        }
        return best;
    }

    /** True when one letter added, dropped or changed, or two neighbours swapped, turns one into the other. */
    static boolean oneEditApart(String a, String b) {
        if (Math.abs(a.length() - b.length()) > 1 || a.equals(b)) {
            return false;
        }
        int start = 0;
        while (start < a.length() && start < b.length() && a.charAt(start) == b.charAt(start)) {
            start++;
        }
        int endA = a.length();
        int endB = b.length();
        while (endA > start && endB > start && a.charAt(endA - 1) == b.charAt(endB - 1)) {
            endA--;
            endB--;
        }
        int differA = endA - start;
        int differB = endB - start;
        if (differA <= 1 && differB <= 1) {
            return true; // one letter changed, added or dropped
        }
        return differA == 2 && differB == 2 && a.charAt(start) == b.charAt(start + 1) && a.charAt(start + 1) == b.charAt(start);
    }

    /** True when some run of consecutive query parts is the listed name's parts, in any order (lists write "BIN LADIN, Usama"). */
    private static boolean containsWhole(List<String> query, List<String> listed) {
        for (int start = 0; start + listed.size() <= query.size(); start++) {
            if (sortedEquals(query.subList(start, start + listed.size()), listed)) {
                return true;
            }
        }
        return false;
    }

    /** Skeletons compared as written and with w or v read as a vowel (see {@link RomanisationKey#skeleton}). */
    private static double skeletonSimilarity(String a, String b) {
        double similarity = tokenSimilarity(a, b);
        return similarity < 1 ? Math.max(similarity, tokenSimilarity(RomanisationKey.withoutV(a), RomanisationKey.withoutV(b))) : similarity;
    }

    private static boolean sortedEquals(List<String> a, List<String> b) {
        String[] x = a.toArray(String[]::new);
        String[] y = b.toArray(String[]::new);
        Arrays.sort(x);
        Arrays.sort(y);
        return Arrays.equals(x, y);
    }
}

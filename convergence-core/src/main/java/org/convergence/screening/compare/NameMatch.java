package org.convergence.screening.compare;

import java.util.List;
import java.util.stream.Collectors;
import org.convergence.screening.names.NormalizedName;

/**
 * How two names agree, part by part (see {@link NameAlignment}).
 *
 * @param query the query's name
 * @param result the listed name
 * @param similarity how alike the names are, 0 to 1: the aligned parts' similarity, each part
 *     weighted by how much it says, against every part of both names, a part that one name leaves out
 *     counting for less than one the other contradicts (see {@link NameAlignment})
 * @param exact every part of each name has an identical partner in the other
 * @param conflict 1 when the names disagree: a distinctive part on each side found no partner (Wang Wei
 *     against Wang Wen), as opposed to parts that one name leaves out (a patronymic); else 0
 * @param numbersDiffer both names hold numbers and the numbers differ (3rd Institute, 4th Institute)
 * @param rolesSwapped a name's own part meets the other's father's part across "bin" or "ibn"
 *     (Mohammed bin Salman, Salman bin Mohammed: father and son)
 * @param inText the listed name was found whole inside a longer query text
 * @param weak the listed name is a weak alias
 * @param rarity how rare the listed name's parts are among the indexed names (1 rare, about 0.25 common)
 * @param aligned the runs of parts paired (a word of one name may pair with several of the other), for
 *     the explanation
 */
public record NameMatch(NormalizedName query, NormalizedName result, double similarity, boolean exact,
        double conflict, boolean numbersDiffer, boolean rolesSwapped, boolean inText, boolean weak, double rarity, List<Aligned> aligned) {

    /** A run of the query's parts paired with a run of the listed name's parts, their similarity, and how they were paired. */
    public record Aligned(int queryFrom, int queryTo, int resultFrom, int resultTo, double similarity, String how) {}

    /** The parts of either name left without a partner, query's first. */
    public List<String> unmatched() {
        boolean[] queryUsed = new boolean[query.tokens().size()];
        boolean[] resultUsed = new boolean[result.tokens().size()];
        for (Aligned run : aligned) {
            java.util.Arrays.fill(queryUsed, run.queryFrom(), run.queryTo(), true);
            java.util.Arrays.fill(resultUsed, run.resultFrom(), run.resultTo(), true);
        }
        List<String> unmatched = new java.util.ArrayList<>();
        for (int i = 0; i < queryUsed.length; i++) {
            if (!queryUsed[i]) {
                unmatched.add(query.tokens().get(i));
            }
        }
        for (int j = 0; j < resultUsed.length; j++) {
            if (!resultUsed[j]) {
                unmatched.add(result.tokens().get(j));
            }
        }
        return unmatched;
    }

    /** How strongly the names agree, to pick the pair of names that speaks for the entity. */
    public double strength() {
        return similarity - conflict + (exact ? (inText ? 0.75 : 1) : 0) - (numbersDiffer || rolesSwapped ? 1 : 0);
    }

    /**
     * The similarity read near its top, where screening decides: ln(1.05 / (1.05 - similarity)) / ln 21,
     * 0 for names with nothing in common and 1 for the same name, so that a typo in a long name (0.95:
     * 0.77) stays near the same name and half a name (0.5: 0.21) far from it.
     */
    public double closeness() {
        return Math.log(1.05 / (1.05 - similarity)) / Math.log(21);
    }

    /** A short account for a reviewer: "vladimir~vladimir putin~putin; unmatched: vladimirovich". */
    public String explanation() {
        String pairs = aligned.stream().map(run -> String.join(" ", query.tokens().subList(run.queryFrom(), run.queryTo())) + "~"
                + String.join(" ", result.tokens().subList(run.resultFrom(), run.resultTo()))
                + (run.similarity() < 1 || !run.how().equals("same") ? " (" + run.how() + ")" : "")).collect(Collectors.joining(" "));
        List<String> unmatched = unmatched();
        return (pairs.isEmpty() ? "no parts in common" : pairs) + (unmatched.isEmpty() ? "" : "; unmatched: " + String.join(" ", unmatched));
    }
}

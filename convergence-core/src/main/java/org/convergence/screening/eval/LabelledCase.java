package org.convergence.screening.eval;

import java.util.List;
import java.util.Map;
import org.convergence.screening.Screener;

/**
 * One labelled screening case and what counts as the right answer.
 *
 * @param set the labelled set it comes from (a file, a list, a family of generated variants)
 * @param row its row in the set (1 = the first)
 * @param query the query
 * @param scope where to screen (a dataset, or "all"); unused for a {@link Pair}
 * @param expectation what the right answer is
 */
public record LabelledCase(String set, int row, Screener.Query query, String scope, Expectation expectation) {

    /** What the right answer to a case is. */
    public sealed interface Expectation {}

    /** This listed entity must come back as a match (or, with {@code first}, as the first result). */
    public record Finds(String entityId, boolean first) implements Expectation {}

    /** No result may be flagged a match: the query names someone on no list. */
    public record NoMatch() implements Expectation {}

    /**
     * A match must (or must not) be raised; which entity is not labelled.
     *
     * @param presupposed parties the case presupposes on the list but no real list names (a test
     *     party such as ACME CORP), scored beside the lists' candidates; usually none
     */
    public record Alert(boolean expected, List<Presupposed> presupposed) implements Expectation {
        public Alert {
            presupposed = List.copyOf(presupposed);
        }
    }

    /** A party a labelled case presupposes on the list, with the case's words that say so. */
    public record Presupposed(String schema, String name, String reason) {}

    /**
     * The query against one listed party, scored without the index as a small dataset would score it
     * (every name part counting alike): the pair is a match or it is not.
     *
     * @param schema the listed party's schema
     * @param listed the listed party's properties (its names; an alias list for a listed entity)
     * @param match whether the query and the listed party are the same
     */
    public record Pair(String schema, Map<String, List<String>> listed, boolean match) implements Expectation {
        public Pair {
            listed = Map.copyOf(listed);
        }
    }
}

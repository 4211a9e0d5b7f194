package org.convergence.screening.eval;

import java.util.List;
import org.convergence.screening.Screener;

/**
 * One labelled screening case and what counts as the right answer.
 *
 * @param set the labelled set it comes from (file name)
 * @param row its row in the file (1 = the first data row)
 * @param query the query
 * @param scope where to screen (a dataset, or "all")
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

    /** The query name and this name must score as a match (a name pair, scored without the index). */
    public record SameAs(String name) implements Expectation {}
}

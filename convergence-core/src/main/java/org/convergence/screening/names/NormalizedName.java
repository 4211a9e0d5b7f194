package org.convergence.screening.names;

import java.util.List;

/**
 * A name reduced to what is compared: Latin, case-folded, ASCII tokens in the order written, each with
 * its romanisation key, and the legal form recognised in the name (if any) apart from the tokens.
 *
 * @param original the name as given
 * @param tokens comparison words: transliterated, translated where the word is an institution word
 * @param keys one romanisation key per token (see {@link RomanisationKey}), so that Yuriy, Iurii and
 *     Jurij meet
 * @param phonetics one Double Metaphone code per token, for names that sound alike but are spelt apart
 * @param legalForm the comparison form of the legal form (llc, jsc, ...), or null
 * @param nonLatin true when the name was written (partly) in a script other than Latin
 */
public record NormalizedName(String original, List<String> tokens, List<String> keys, List<String> phonetics, String legalForm, boolean nonLatin) {
    public NormalizedName {
        tokens = List.copyOf(tokens);
        keys = List.copyOf(keys);
        phonetics = List.copyOf(phonetics);
    }

    /** The tokens joined by spaces. */
    public String text() {
        return String.join(" ", tokens);
    }

    public boolean isEmpty() {
        return tokens.isEmpty();
    }
}

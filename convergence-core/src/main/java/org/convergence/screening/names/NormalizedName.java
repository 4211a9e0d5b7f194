package org.convergence.screening.names;

import java.util.List;

/**
 * A name reduced to what is compared: Latin, case-folded, ASCII tokens in the order written, each with
 * its romanisation key, and the legal form recognised in the name (if any) apart from the tokens.
 *
 * @param original the name as given
 * @param kind what the name names, as it was read
 * @param tokens comparison words: transliterated, translated where the word is an institution word
 * @param keys one romanisation key per token (see {@link RomanisationKey}), so that Yuriy, Iurii and
 *     Jurij meet
 * @param phonetics one Double Metaphone code per token, for names that sound alike but are spelt apart
 * @param skeletons one consonant skeleton per token (the key without vowels), for names from scripts
 *     that do not write short vowels (Arabic, Hebrew): محمد romanises as mhmd, and meets Mohamed there
 * @param kinds one {@link PartKind} per token: how much the part says about who is meant
 * @param legalForm the comparison form of the legal form (llc, jsc, ...), or null
 * @param legalFormText the legal form's words as written, in Latin letters and joined (ag, ooo), or null
 * @param wholeKey the romanisation key of the name written as one word (rosoboronexport), to meet a name
 *     written with other word breaks
 * @param wholeKeyWithForm the same with the legal form's words glued on (rheinmetallag), or null
 * @param nonLatin true when the name was written (partly) in a script other than Latin
 * @param vowelsUnwritten true when the name was written in a script that leaves short vowels out, so
 *     its tokens are compared on their skeletons too
 */
public record NormalizedName(String original, NameKind kind, List<String> tokens, List<String> keys, List<String> phonetics, List<String> skeletons,
        List<PartKind> kinds, String legalForm, String legalFormText, String wholeKey, String wholeKeyWithForm, boolean nonLatin,
        boolean vowelsUnwritten) {
    public NormalizedName {
        tokens = List.copyOf(tokens);
        keys = List.copyOf(keys);
        phonetics = List.copyOf(phonetics);
        skeletons = List.copyOf(skeletons);
        kinds = List.copyOf(kinds);
    }

    /** True for the name of a person, or of a party that may be one: initials stand for its parts. */
    public boolean person() {
        return kind == NameKind.PERSON || kind == NameKind.UNKNOWN;
    }

    /** The tokens joined by spaces. */
    public String text() {
        return String.join(" ", tokens);
    }

    public boolean isEmpty() {
        return tokens.isEmpty();
    }
}

package org.convergence.screening.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.convergence.screening.names.NameKind;
import org.convergence.screening.names.NameNormalizer;
import org.convergence.screening.names.NormalizedName;
import org.junit.jupiter.api.Test;

class PartSimilarityTest {
    private static final NameNormalizer NAMES = NameNormalizer.standard();

    private static double parts(String a, String b, NameKind kind) {
        NormalizedName x = NAMES.normalize(a, kind);
        NormalizedName y = NAMES.normalize(b, kind);
        return PartSimilarity.of(x, 0, y, 0, NAMES);
    }

    @Test
    void theEditBudgetGrowsWithThePartsLength() {
        assertEquals(0, PartSimilarity.spelling("wei", "wen"), "three letters must be spelt alike");
        assertEquals(0, PartSimilarity.spelling("nam", "man"));
        assertEquals(0.694, PartSimilarity.spelling("volkov", "volkv"), 0.001, "one letter dropped from six: (5/6)^2");
        assertEquals(0, PartSimilarity.spelling("volkov", "vulkav"), "two edits in six letters are another name");
        assertTrue(PartSimilarity.spelling("shevchenko", "shevcenka") > 0.6, "two edits in ten letters");
        assertEquals(0, PartSimilarity.spelling("shevchenko", "chevtchuk"));
    }

    @Test
    void lettersThatTransliterationsAndTyposSwapCostHalfAnEdit() {
        assertTrue(PartSimilarity.spelling("kaeda", "kaida") > PartSimilarity.spelling("kaeda", "kaxda"), "e and i, as Arabic is written");
        assertTrue(PartSimilarity.spelling("mosk0w", "moskow") > 0.8, "a zero for an o");
    }

    @Test
    void anInitialMeetsTheNameItStandsForOnlyInAPersonsName() {
        assertEquals(PartSimilarity.INITIAL, parts("S", "Sergei", NameKind.PERSON));
        assertEquals(0, parts("A", "Aeronautics", NameKind.ORGANISATION));
    }

    @Test
    void aGivenNameMeetsItsShortForms() {
        assertEquals(PartSimilarity.SHORT_FORM, parts("Dima", "Dmitry", NameKind.PERSON));
        assertEquals(PartSimilarity.SHORT_FORM, parts("Bob", "Robert", NameKind.PERSON));
        assertEquals(0, parts("Dima", "Robert", NameKind.PERSON));
    }

    @Test
    void numbersAreEqualOrDifferentNeverNear() {
        NormalizedName a = NAMES.normalize("Plant 12", NameKind.ORGANISATION);
        NormalizedName b = NAMES.normalize("Plant 13", NameKind.ORGANISATION);
        assertEquals(0, PartSimilarity.of(a, 1, b, 1, NAMES));
    }

    @Test
    void theBandedDistanceAgreesWithTheWholeTableWithinTheBudget() {
        java.util.Random random = new java.util.Random(7);
        String letters = "abcdeio0";
        for (int trial = 0; trial < 20_000; trial++) {
            String a = randomWord(random, letters);
            String b = random.nextBoolean() ? randomWord(random, letters) : mutate(a, random, letters);
            for (int budget = 1; budget <= 3; budget++) {
                double expected = wholeTable(a, b);
                double banded = PartSimilarity.distance(a, b, budget);
                if (expected <= budget) {
                    assertEquals(expected, banded, 1e-9, a + " / " + b + " within " + budget);
                } else {
                    assertTrue(banded > budget, a + " / " + b + " is over " + budget + ": " + banded);
                }
            }
        }
    }

    private static String randomWord(java.util.Random random, String letters) {
        StringBuilder word = new StringBuilder();
        int length = 1 + random.nextInt(12);
        for (int i = 0; i < length; i++) {
            word.append(letters.charAt(random.nextInt(letters.length())));
        }
        return word.toString();
    }

    private static String mutate(String word, java.util.Random random, String letters) {
        StringBuilder out = new StringBuilder(word);
        for (int edits = random.nextInt(4); edits > 0 && !out.isEmpty(); edits--) {
            int at = random.nextInt(out.length());
            switch (random.nextInt(3)) {
                case 0 -> out.deleteCharAt(at);
                case 1 -> out.insert(at, letters.charAt(random.nextInt(letters.length())));
                default -> out.setCharAt(at, letters.charAt(random.nextInt(letters.length())));
            }
        }
        return out.isEmpty() ? "a" : out.toString();
    }

    /**
     * Optimal string alignment over the whole table, a near letter (e and i, o and 0) and a swap of
     * neighbours costing half: what the banded version must agree with.
     */
    private static double wholeTable(String a, String b) {
        double[][] d = new double[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                char x = a.charAt(i - 1);
                char y = b.charAt(j - 1);
                boolean near = x != y && ("ei".indexOf(x) >= 0 && "ei".indexOf(y) >= 0 || "o0".indexOf(x) >= 0 && "o0".indexOf(y) >= 0);
                double substitution = x == y ? 0 : near ? 0.5 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + substitution);
                if (i > 1 && j > 1 && x == b.charAt(j - 2) && a.charAt(i - 2) == y) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 0.5);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}

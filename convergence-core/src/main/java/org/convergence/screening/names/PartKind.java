package org.convergence.screening.names;

/**
 * What a name part is, as far as it changes how much the part says about who is meant: a
 * distinctive name, a word that says what kind of organisation (University, Company, National), a
 * stop word, a number, a particle (bin, von, al), a patronymic, or an initial.
 */
public enum PartKind {
    /** A given name, family name or distinctive organisation word. */
    NAME(1.0),
    /** A word many organisation names share: what kind (university, company) or where (china, national). */
    GENERIC(0.25),
    /** A word that joins others (of, the, and, de). */
    STOP(0.15),
    /** A number (written as digits, ordinals and number words folded): numbers tell organisations and vessels apart. */
    NUMBER(1.0),
    /** A particle of a person's name (bin, ibn, al, von, van, de): part of a name, but not one that tells people apart. */
    PARTICLE(0.25),
    /** A Russian or Turkic patronymic (Vladimirovich, Ivanovna, Ogly): often left out where the name is written. */
    PATRONYMIC(0.6),
    /** A single letter standing for a name. */
    INITIAL(0.5);

    private final double weight;

    PartKind(double weight) {
        this.weight = weight;
    }

    /** How much a part of this kind counts beside a distinctive name part of the same length. */
    public double weight() {
        return weight;
    }
}

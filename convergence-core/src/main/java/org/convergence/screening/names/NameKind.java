package org.convergence.screening.names;

/** What a name names, as far as it changes how it is read. */
public enum NameKind {
    /** A person: name words are transliterated, never translated. */
    PERSON,
    /** An organisation: institution words (大学, институт) are translated, legal forms recognised. */
    ORGANISATION,
    /** A vessel or an aircraft: read as an organisation's name, without prefixes such as MV or M/T. */
    OBJECT,
    /** Not known (a LegalEntity may be a person or an organisation): read as an organisation would be, since translation only adds comparison words. */
    UNKNOWN
}

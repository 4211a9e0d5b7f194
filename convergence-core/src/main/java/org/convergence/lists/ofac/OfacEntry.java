package org.convergence.lists.ofac;

import java.util.List;

/**
 * One entry of an OFAC list as both of its formats give it (the legacy CSV set and SDN.XML), before
 * it is mapped to FtM: {@link OfacMapper} turns it into a subject and a Sanction, so that the same
 * entry read from either format becomes the same entities.
 *
 * @param uid the list's number of the entry (ent_num in the CSV, uid in the XML)
 * @param type individual, vessel, aircraft or entity (blank in the CSV)
 * @param name the primary name as the list writes it ("LASTNAME, First names" for individuals)
 * @param firstName the given names, for individuals, or null
 * @param lastName the family name (the whole name of a non-individual), or null
 * @param programs the sanctions program tags, e.g. SDGT, IRGC
 * @param aliases the alternate names
 * @param addresses the addresses
 * @param facts the typed facts: identifiers, dates and places of birth, vessel details ...
 * @param notes further "Field: value" lines that no fact or property holds
 * @param linkedTo the names of the entries the remarks say this one is linked to ("Linked To: NAME"), as written
 */
record OfacEntry(
        String uid,
        String type,
        String name,
        String firstName,
        String lastName,
        List<String> programs,
        List<Alias> aliases,
        List<Address> addresses,
        List<Fact> facts,
        List<String> notes,
        List<String> linkedTo) {

    /**
     * An alternate name.
     *
     * @param type a.k.a., f.k.a. or n.k.a. (also known as, formerly known as, now known as)
     * @param weak true for OFAC's "low quality" aliases (category weak in the XML, a.k.a. 'X' in the remarks of the CSV)
     */
    record Alias(String name, String type, boolean weak) {}

    /**
     * An address.
     *
     * @param text the address as one line
     * @param country the country name as the list writes it, or null
     */
    record Address(String text, String country) {}

    /**
     * A typed fact: "Passport X123 (Iran)" in the CSV remarks, an id/idType/idNumber/idCountry in the XML.
     *
     * @param key the kind of fact as the list names it, e.g. "Passport", "DOB", "Tax ID No."
     * @param value the value, e.g. the number
     * @param country the country the fact names (issuing country of a document), or null
     * @param original the fact as the list wrote it, when it says more than key and value (country, issue date), or null
     */
    record Fact(String key, String value, String country, String original) {}
}

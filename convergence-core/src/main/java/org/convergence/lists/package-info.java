/**
 * The official lists: one reader per source and format, the list of sources ({@link
 * org.convergence.lists.ListSource}), and the diff between two versions of a list.
 *
 * <p>Every reader follows the same conventions, so that lists can be screened and compared alike:
 * <ul>
 *   <li>Each listed party becomes a Person, Organization, Company, LegalEntity, Vessel or Airplane,
 *       and each listing a Sanction whose {@code entity} is the party, with authority, program or
 *       regime, listing date, reason and source URL where the list gives them.</li>
 *   <li>Ids are {@code <source id>-<key>} and {@code <source id>-sanction-<key>}, the key built from
 *       the list's own identifier of the record, so re-importing a file changes nothing and the diff
 *       between versions follows a record.</li>
 *   <li>Names stay in their original script; strong aliases go to {@code alias}, weak ones to
 *       {@code weakAlias}; identifiers go to typed properties (imoNumber, passportNumber, idNumber,
 *       innCode, ogrnCode, registrationNumber, taxNumber ...).</li>
 *   <li>A tie the list states between two records (OFAC's "Linked To", a UN reference number in a
 *       listing's text) or between a record and a body it names (ASPI's supervising agencies,
 *       laboratories, subsidiaries) becomes an FtM relationship entity (UnknownLink, Membership,
 *       Ownership) with the list as its publisher and source URL, its id built from the keys of both
 *       ends. A tie to another record is resolved once the whole list is read ({@link
 *       org.convergence.lists.StatedLinks}); one that names no record, or several, stays a note.</li>
 *   <li>Nothing is dropped silently: a field without an FtM property goes into {@code notes} as
 *       {@code "Field: value"}. Dates go through {@link org.convergence.lists.ListDates}.</li>
 *   <li>Errors name the file, the record and the field: a record that cannot be read throws
 *       {@link org.convergence.ingest.InvalidRecordException} (the import stops unless skip-invalid);
 *       a file that cannot be read at all (truncated, another source's format, wrong encoding) throws
 *       {@link org.convergence.ConvergenceException} with category INVALID_INPUT. No other exception
 *       may leave a reader.</li>
 *   <li>{@link org.convergence.ingest.EntitySource#dataDate()} gives the date the list states for
 *       its data (generation or publication date), or failing that its newest listing date.</li>
 * </ul>
 */
package org.convergence.lists;

/**
 * Convergence core: the FollowTheMoney data model with the project's extensions ({@code model}), the
 * statement store ({@code store}), the import pipeline ({@code ingest}) and file formats
 * ({@code ftm}). Nothing here knows about HTTP or the command line.
 */
package org.convergence;

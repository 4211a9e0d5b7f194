/**
 * The screening audit trail: every screening request with the list versions that answered it and the
 * results returned ({@link org.convergence.screening.audit.AuditLog}), analysts' decisions on results,
 * and screening through the log ({@link org.convergence.screening.audit.AuditedScreener}) so that known
 * false positives are not raised again while the listed entity is unchanged.
 */
package org.convergence.screening.audit;

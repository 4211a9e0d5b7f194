/**
 * Batch screening: a CSV or JSON lines file of parties in, one query per row through the audited
 * screener, results out as CSV, JSON lines or a readable HTML report, all streamed so that memory
 * stays flat whatever the file's size.
 */
package org.convergence.screening.batch;

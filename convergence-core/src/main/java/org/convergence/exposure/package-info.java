/**
 * The exposure check: which of a university's partners or a firm's customers is listed, or tied within a
 * few hops to a listed party or the China–Russia defence nexus, each step with its source.
 *
 * <p>{@link org.convergence.exposure.Affiliation} reads a partner as written (a co-author's affiliation
 * with its lab, institution and address) into units; {@link org.convergence.exposure.ExposureCheck}
 * screens each unit through the audit log and follows the {@link org.convergence.graph.ExposureGraph}
 * from every match; {@link org.convergence.exposure.ExposureBatch} runs a file of partners into the
 * reports (JSON lines, CSV, HTML), and {@link org.convergence.exposure.ExposureJson} is the one JSON
 * shape of a finding, for the command line and HTTP alike.
 *
 * <p>The rule of the package: it uses screening (and its audit log) and the graph; nothing of the
 * command line, HTTP or the workbench.
 */
package org.convergence.exposure;

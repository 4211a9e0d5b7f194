/**
 * The composition root of {@code convergence serve}: {@link org.convergence.server.ConvergenceServer} puts the store,
 * the screener, the audit trail, the exposure graph, the API and the workbench together, with the request policy and
 * the authentication filter before every route.
 */
package org.convergence.server;

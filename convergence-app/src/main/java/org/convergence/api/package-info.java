/**
 * The screening HTTP API served by {@code convergence serve}: {@code /match} and {@code /search} in
 * yente's request and response shapes, {@code /entities/{id}} with the entity's sanctions and
 * relations nested, {@code /entities/{id}/paths} with its exposure paths ({@code PathJson} writes
 * them), the OpenRefine reconciliation service under {@code /reconcile}, and {@code /openapi.json}
 * describing all of them. {@link org.convergence.api.Api} adds the routes to the server; the
 * resources only read the {@link org.convergence.screening.Screener}'s index, the exposure graph and
 * the store, so requests run concurrently.
 */
package org.convergence.api;

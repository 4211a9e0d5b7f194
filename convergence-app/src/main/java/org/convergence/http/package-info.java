/**
 * What every request to the server goes through, for the API and the workbench alike: the request policy (hosts,
 * security headers, CORS, JSON bodies, cross-site posts), the limits on bodies and requests at once, and the
 * authentication filter that resolves the {@link org.convergence.http.Caller} and enforces each route's
 * {@link org.convergence.http.Access}. The API and the workbench depend on this package, never on each other.
 */
package org.convergence.http;

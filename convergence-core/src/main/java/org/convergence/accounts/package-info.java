/**
 * Accounts of a team deployment: names, {@link org.convergence.accounts.Role roles}, Argon2id password hashes and
 * API keys, and the {@link org.convergence.accounts.Workspaces workspaces} teams work in, kept in the store. The server
 * decides from them who asks, what they may do, and which team's records they see.
 */
package org.convergence.accounts;

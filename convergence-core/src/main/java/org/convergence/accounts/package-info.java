/**
 * Accounts of a team deployment: names, {@link org.convergence.accounts.Role roles}, Argon2id password hashes and
 * API keys, kept in the store. The server decides from them who asks and what they may do.
 */
package org.convergence.accounts;

package org.convergence.accounts;

import static java.util.Objects.requireNonNull;

/**
 * Whose an API key is, and where it works.
 *
 * @param account the key's account
 * @param workspace the workspace the key is bound to, its requests made there; null for a key made outside any workspace
 */
public record KeyHolder(Account account, String workspace) {
    public KeyHolder {
        requireNonNull(account, "account is null");
    }
}

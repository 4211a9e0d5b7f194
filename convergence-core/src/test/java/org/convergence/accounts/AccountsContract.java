package org.convergence.accounts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import org.convergence.ConvergenceException;
import org.convergence.ErrorCategory;
import org.convergence.store.StatementStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What accounts keep on every store; run on H2 and on a real PostgreSQL. Each test uses names of its own. */
abstract class AccountsContract {
    private static final char[] PASSWORD = "correct horse battery".toCharArray();
    private final String prefix = "u" + Long.toString(System.nanoTime(), 36) + "-";
    private StatementStore store;
    private Accounts accounts;

    protected abstract StatementStore openStore();

    @BeforeEach
    void open() {
        store = openStore();
        accounts = Accounts.of(store);
    }

    @AfterEach
    void close() {
        if (store != null) {
            store.close();
        }
    }

    private String name(String name) {
        return prefix + name;
    }

    @Test
    void anAccountSignsInWithItsPasswordOnlyAndThePasswordIsKeptAsAnArgon2idHash() throws SQLException {
        Account added = accounts.add(name("ana"), Role.ANALYST, PASSWORD);
        assertEquals(Role.ANALYST, added.role());
        assertEquals(Optional.of(name("ana")), accounts.logIn(name("ana"), PASSWORD).map(Account::name));
        assertEquals(Optional.empty(), accounts.logIn(name("ana"), "correct horse battery!".toCharArray()));
        assertEquals(Optional.empty(), accounts.logIn(name("nobody"), PASSWORD));
        String stored = storedHash(name("ana"));
        assertTrue(stored.startsWith("$argon2id$v=19$m=19456,t=2,p=1$"), stored);
        assertFalse(stored.contains(new String(PASSWORD)));
        assertTrue(accounts.exist());
    }

    @Test
    void aKeyIdentifiesItsAccountUntilThePasswordIsResetAndOnlyItsHashIsKept() throws SQLException {
        accounts.add(name("prog"), Role.VIEWER, PASSWORD);
        String key = accounts.newKey(name("prog"), null);
        assertTrue(key.startsWith("cvg_"), key);
        assertEquals(Optional.of(Role.VIEWER), accounts.byKey(key).map(holder -> holder.account().role()));
        assertEquals(Optional.empty(), accounts.byKey(key.substring(0, key.length() - 1) + (key.endsWith("A") ? "B" : "A")));
        assertEquals(Optional.empty(), accounts.byKey("cvg_"));
        assertEquals(Optional.empty(), accounts.byKey("Bearer nonsense"));
        assertFalse(keyTableHolds(key.substring(key.lastIndexOf('_') + 1)), "the secret itself is not stored");
        accounts.reset(name("prog"), "another long password".toCharArray());
        assertEquals(Optional.empty(), accounts.byKey(key), "a reset revokes the keys");
        assertEquals(Optional.empty(), accounts.logIn(name("prog"), PASSWORD));
        assertTrue(accounts.logIn(name("prog"), "another long password".toCharArray()).isPresent());
    }

    @Test
    void aDisabledAccountCanNeitherSignInNorUseItsKeysUntilEnabled() {
        accounts.add(name("gone"), Role.ADMIN, PASSWORD);
        String key = accounts.newKey(name("gone"), null);
        accounts.setDisabled(name("gone"), true);
        assertEquals(Optional.empty(), accounts.logIn(name("gone"), PASSWORD));
        assertEquals(Optional.empty(), accounts.byKey(key));
        assertTrue(accounts.find(name("gone")).orElseThrow().disabled());
        accounts.setDisabled(name("gone"), false);
        assertTrue(accounts.byKey(key).isPresent());
    }

    @Test
    void badNamesShortPasswordsTakenNamesAndUnknownAccountsAreRefusedWithTheRule() {
        ConvergenceException shortPassword = assertThrows(ConvergenceException.class,
                () -> accounts.add(name("short"), Role.VIEWER, "elevenchars".toCharArray()));
        assertTrue(shortPassword.getMessage().contains("12 to 128 characters"), shortPassword.getMessage());
        ConvergenceException badName = assertThrows(ConvergenceException.class, () -> accounts.add("bad name", Role.VIEWER, PASSWORD));
        assertEquals(ErrorCategory.INVALID_INPUT, badName.category());
        accounts.add(name("taken"), Role.VIEWER, PASSWORD);
        ConvergenceException taken = assertThrows(ConvergenceException.class, () -> accounts.add(name("taken"), Role.ADMIN, PASSWORD));
        assertTrue(taken.getMessage().contains("convergence users reset"), taken.getMessage());
        assertEquals(Role.VIEWER, accounts.find(name("taken")).orElseThrow().role(), "the refused add changed nothing");
        assertEquals(ErrorCategory.NOT_FOUND, assertThrows(ConvergenceException.class, () -> accounts.newKey(name("nobody"), null)).category());
        assertEquals(ErrorCategory.NOT_FOUND, assertThrows(ConvergenceException.class, () -> accounts.setDisabled(name("nobody"), true)).category());
    }

    @Test
    void twoHashesOfOnePasswordDifferByTheirSalt() {
        assertNotEquals(PasswordHash.of(PASSWORD), PasswordHash.of(PASSWORD));
        assertTrue(PasswordHash.matches(PASSWORD, PasswordHash.of(PASSWORD)));
        assertFalse(PasswordHash.matches(PASSWORD, "not a hash"));
    }

    private String storedHash(String account) throws SQLException {
        try (Connection connection = store.dataSource().getConnection();
                PreparedStatement query = connection.prepareStatement("SELECT password_hash FROM account WHERE name = ?")) {
            query.setString(1, account);
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getString(1);
            }
        }
    }

    private boolean keyTableHolds(String secret) throws SQLException {
        try (Connection connection = store.dataSource().getConnection();
                PreparedStatement query = connection.prepareStatement("SELECT COUNT(*) FROM api_key WHERE secret_sha256 = ? OR key_id = ?")) {
            query.setString(1, secret);
            query.setString(2, secret);
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getLong(1) > 0;
            }
        }
    }
}

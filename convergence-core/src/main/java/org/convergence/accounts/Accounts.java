package org.convergence.accounts;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.convergence.ConvergenceException;
import org.convergence.ErrorCategory;
import org.convergence.store.StatementStore;

/**
 * The accounts of a team deployment, kept in the store: who may use the server, in which {@link Role}, by
 * password (for the workbench) or by API key (for programs). Once any account exists the server asks every
 * request who it is. Thread-safe; every method is one transaction.
 */
public final class Accounts {
    /** ASVS 2.1.1: at least 12 characters; 2.1.2: at least 64 allowed. */
    public static final int MIN_PASSWORD = 12;
    public static final int MAX_PASSWORD = 128;
    private static final Pattern NAME = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N}._@-]{0,63}");
    private static final String KEY_PREFIX = "cvg_";
    private static final int KEY_ID_BYTES = 8;
    private static final int KEY_SECRET_BYTES = 32;
    private static final int KEY_ID_CHARS = KEY_ID_BYTES * 2;
    private static final SecureRandom RANDOM = new SecureRandom();
    /**
     * Checked against when no such account exists, so that a login for an unknown name takes as long as one with a
     * wrong password and does not tell which names exist.
     */
    /** Stored for an account without a password: no password hashes to it, so none signs in. */
    private static final String NO_PASSWORD = "!";
    private static final String UNKNOWN_ACCOUNT_HASH = PasswordHash.of("no account has this password".toCharArray());

    private final Transactions transactions;

    private Accounts(StatementStore store) {
        this.transactions = new Transactions(store);
    }

    /** The accounts kept in a store's database. */
    public static Accounts of(StatementStore store) {
        return new Accounts(store);
    }

    /**
     * Adds an account.
     *
     * @throws ConvergenceException INVALID_INPUT for a name that is not a name, a name taken, or a password too short or long
     */
    public Account add(String name, Role role, char[] password) {
        return add(name, role, PasswordHash.of(checkPassword(password)));
    }

    /**
     * Adds an account that signs in through the organisation's OpenID Connect provider only: it has no password (a
     * later {@link #reset} gives it one).
     *
     * @throws ConvergenceException INVALID_INPUT for a name that is not a name or a name taken
     */
    public Account addWithoutPassword(String name, Role role) {
        return add(name, role, NO_PASSWORD);
    }

    private Account add(String name, Role role, String hash) {
        String checked = checkName(name, "an account");
        Instant now = Instant.now();
        return inTransaction("add the account " + checked, connection -> {
            if (find(connection, checked).isPresent()) {
                throw new ConvergenceException(ErrorCategory.INVALID_INPUT, "there is already an account '" + checked
                        + "': use `convergence users reset " + checked + "` for a new password");
            }
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO account (name, role, password_hash, disabled, created_at) VALUES (?, ?, ?, FALSE, ?)")) {
                insert.setString(1, checked);
                insert.setString(2, role.label());
                insert.setString(3, hash);
                insert.setObject(4, LocalDateTime.ofInstant(now, ZoneOffset.UTC));
                insert.executeUpdate();
            }
            return new Account(checked, role, false, now);
        });
    }

    /** Every account, by name. */
    public List<Account> list() {
        return inTransaction("list the accounts", connection -> {
            try (PreparedStatement query = connection.prepareStatement("SELECT name, role, disabled, created_at FROM account ORDER BY name");
                    ResultSet rows = query.executeQuery()) {
                List<Account> accounts = new ArrayList<>();
                while (rows.next()) {
                    accounts.add(account(rows));
                }
                return accounts;
            }
        });
    }

    /** True when any account exists, disabled or not: the server then asks every request who it is. */
    public boolean exist() {
        return inTransaction("count the accounts", connection -> {
            try (PreparedStatement query = connection.prepareStatement("SELECT COUNT(*) FROM account");
                    ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getLong(1) > 0;
            }
        });
    }

    /** The account of this name, if there is one. */
    public Optional<Account> find(String name) {
        return inTransaction("read the account " + name, connection -> find(connection, name));
    }

    /**
     * Disables or enables an account: a disabled one can neither log in nor use its keys.
     *
     * @throws ConvergenceException NOT_FOUND for no such account
     */
    public void setDisabled(String name, boolean disabled) {
        update(name, "UPDATE account SET disabled = ? WHERE name = ?", statement -> statement.setBoolean(1, disabled));
    }

    /**
     * Gives an account a new password and revokes its API keys (a reset follows a suspected compromise).
     *
     * @throws ConvergenceException NOT_FOUND for no such account; INVALID_INPUT for a password too short or long
     */
    public void reset(String name, char[] password) {
        String hash = PasswordHash.of(checkPassword(password));
        inTransaction("reset the account " + name, connection -> {
            updateOne(connection, name, "UPDATE account SET password_hash = ? WHERE name = ?", statement -> statement.setString(1, hash));
            try (PreparedStatement delete = connection.prepareStatement("DELETE FROM api_key WHERE account_name = ?")) {
                delete.setString(1, name);
                delete.executeUpdate();
            }
            return null;
        });
    }

    /**
     * Makes a new API key for an account. The key is returned once and kept only as a hash: whoever loses it makes a new one.
     *
     * @param workspace the workspace the key's requests are made in, one the account belongs to; null for none
     * @throws ConvergenceException NOT_FOUND for no such account; INVALID_INPUT for a workspace the account is not a member of
     */
    public String newKey(String name, String workspace) {
        byte[] id = new byte[KEY_ID_BYTES];
        byte[] secret = new byte[KEY_SECRET_BYTES];
        RANDOM.nextBytes(id);
        RANDOM.nextBytes(secret);
        String keyId = HexFormat.of().formatHex(id);
        String secretText = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        inTransaction("make a key for " + name, connection -> {
            if (find(connection, name).isEmpty()) {
                throw noAccount(name);
            }
            if (workspace != null && !Workspaces.isMember(connection, workspace, name)) {
                throw new ConvergenceException(ErrorCategory.INVALID_INPUT, name + " is not a member of the workspace '" + workspace
                        + "': add it with `convergence workspaces join " + workspace + " " + name + "`, or see `convergence workspaces list`");
            }
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO api_key (key_id, account_name, secret_sha256, created_at, workspace_name) VALUES (?, ?, ?, ?, ?)")) {
                insert.setString(1, keyId);
                insert.setString(2, name);
                insert.setString(3, sha256(secretText));
                insert.setObject(4, LocalDateTime.ofInstant(Instant.now(), ZoneOffset.UTC));
                insert.setString(5, workspace);
                insert.executeUpdate();
            }
            return null;
        });
        return KEY_PREFIX + keyId + "_" + secretText;
    }

    /** The enabled account whose password this is; empty for a wrong password, an unknown name or a disabled account. */
    public Optional<Account> logIn(String name, char[] password) {
        record Stored(Account account, String hash) {}
        Optional<Stored> stored = inTransaction("check a password", connection -> {
            try (PreparedStatement query = connection.prepareStatement(
                    "SELECT name, role, disabled, created_at, password_hash FROM account WHERE name = ?")) {
                query.setString(1, name == null ? "" : name.strip());
                try (ResultSet rows = query.executeQuery()) {
                    return rows.next() ? Optional.of(new Stored(account(rows), rows.getString(5))) : Optional.<Stored>empty();
                }
            }
        });
        boolean matches = PasswordHash.matches(password, stored.map(Stored::hash).orElse(UNKNOWN_ACCOUNT_HASH));
        return stored.filter(found -> matches && !found.account().disabled()).map(Stored::account);
    }

    /**
     * The enabled account whose key this is, with the workspace the key is bound to; empty for anything else. Whether the
     * account still belongs to that workspace is for the caller to check ({@link Workspaces#of}).
     */
    public Optional<KeyHolder> byKey(String key) {
        if (key == null || !key.startsWith(KEY_PREFIX) || key.length() < KEY_PREFIX.length() + KEY_ID_CHARS + 2
                || key.charAt(KEY_PREFIX.length() + KEY_ID_CHARS) != '_') {
            return Optional.empty();
        }
        String keyId = key.substring(KEY_PREFIX.length(), KEY_PREFIX.length() + KEY_ID_CHARS);
        String secret = key.substring(KEY_PREFIX.length() + KEY_ID_CHARS + 1);
        return inTransaction("check an API key", connection -> {
            try (PreparedStatement query = connection.prepareStatement("SELECT a.name, a.role, a.disabled, a.created_at, k.secret_sha256,"
                    + " k.workspace_name FROM api_key k JOIN account a ON a.name = k.account_name WHERE k.key_id = ?")) {
                query.setString(1, keyId);
                try (ResultSet rows = query.executeQuery()) {
                    if (!rows.next()) {
                        return Optional.<KeyHolder>empty();
                    }
                    Account account = account(rows);
                    boolean matches = MessageDigest.isEqual(rows.getString(5).getBytes(StandardCharsets.US_ASCII),
                            sha256(secret).getBytes(StandardCharsets.US_ASCII));
                    return matches && !account.disabled() ? Optional.of(new KeyHolder(account, rows.getString(6))) : Optional.<KeyHolder>empty();
                }
            }
        });
    }

    static Optional<Account> find(Connection connection, String name) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT name, role, disabled, created_at FROM account WHERE name = ?")) {
            query.setString(1, name);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next() ? Optional.of(account(rows)) : Optional.empty();
            }
        }
    }

    private static Account account(ResultSet rows) throws SQLException {
        return new Account(rows.getString(1), Role.parse(rows.getString(2)), rows.getBoolean(3),
                rows.getObject(4, LocalDateTime.class).toInstant(ZoneOffset.UTC));
    }

    private void update(String name, String sql, Parameter parameter) {
        inTransaction("change the account " + name, connection -> {
            updateOne(connection, name, sql, parameter);
            return null;
        });
    }

    private static void updateOne(Connection connection, String name, String sql, Parameter parameter) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(sql)) {
            parameter.set(update);
            update.setString(2, name);
            if (update.executeUpdate() == 0) {
                throw noAccount(name);
            }
        }
    }

    static ConvergenceException noAccount(String name) {
        return new ConvergenceException(ErrorCategory.NOT_FOUND, "no account '" + name + "': `convergence users list` shows them");
    }

    /**
     * The name stripped, if it is one: 1 to 64 letters, digits and {@code . _ @ -}, beginning with a letter or digit.
     *
     * @param what what is named, for the error ("an account", "a workspace")
     */
    static String checkName(String name, String what) {
        String stripped = name == null ? "" : name.strip();
        if (!NAME.matcher(stripped).matches()) {
            throw new ConvergenceException(ErrorCategory.INVALID_INPUT, what + " name is 1 to 64 letters, digits and . _ @ -, "
                    + "beginning with a letter or digit; got '" + name + "'");
        }
        return stripped;
    }

    private static char[] checkPassword(char[] password) {
        int length = password == null ? 0 : Character.codePointCount(password, 0, password.length);
        if (length < MIN_PASSWORD || length > MAX_PASSWORD) {
            throw new ConvergenceException(ErrorCategory.INVALID_INPUT, "a password has %d to %d characters; this one has %d"
                    .formatted(MIN_PASSWORD, MAX_PASSWORD, length));
        }
        return password;
    }

    /** A key's secret is random and long, so a fast hash suffices: it cannot be guessed from its hash. */
    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    private <T> T inTransaction(String action, Transactions.Work<T> work) {
        return transactions.run(action, work);
    }

    @FunctionalInterface
    private interface Parameter {
        void set(PreparedStatement statement) throws SQLException;
    }
}

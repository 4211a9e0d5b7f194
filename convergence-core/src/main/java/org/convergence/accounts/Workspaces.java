package org.convergence.accounts;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.convergence.ConvergenceException;
import org.convergence.ErrorCategory;
import org.convergence.store.StatementStore;

/**
 * The workspaces of a team deployment and who belongs to each, kept in the store. A screening request records the
 * workspace it was made in; a false positive suppresses results within its workspace only, and the workbench's runs are
 * seen by the members of theirs. An account may belong to several, and works in one at a time. Thread-safe; every
 * method is one transaction.
 */
public final class Workspaces {
    private final Transactions transactions;

    private Workspaces(StatementStore store) {
        this.transactions = new Transactions(store);
    }

    /** The workspaces kept in a store's database. */
    public static Workspaces of(StatementStore store) {
        return new Workspaces(store);
    }

    /**
     * Adds a workspace, with no members.
     *
     * @throws ConvergenceException INVALID_INPUT for a name that is not a name, or a name taken
     */
    public Workspace add(String name) {
        String checked = Accounts.checkName(name, "a workspace");
        Instant now = Instant.now();
        return transactions.run("add the workspace " + checked, connection -> {
            if (exists(connection, checked)) {
                throw new ConvergenceException(ErrorCategory.INVALID_INPUT, "there is already a workspace '" + checked
                        + "': `convergence workspaces list` shows them and their members");
            }
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO workspace (name, created_at) VALUES (?, ?)")) {
                insert.setString(1, checked);
                insert.setObject(2, LocalDateTime.ofInstant(now, ZoneOffset.UTC));
                insert.executeUpdate();
            }
            return new Workspace(checked, now, List.of());
        });
    }

    /** Every workspace, by name, with its members by name. */
    public List<Workspace> list() {
        return transactions.run("list the workspaces", connection -> {
            record Row(String name, Instant created, List<String> members) {}
            Map<String, Row> byName = new LinkedHashMap<>();
            try (PreparedStatement query = connection.prepareStatement("SELECT w.name, w.created_at, m.account_name FROM workspace w"
                    + " LEFT JOIN workspace_member m ON m.workspace_name = w.name ORDER BY w.name, m.account_name");
                    ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    Row row = byName.computeIfAbsent(rows.getString(1), name -> new Row(name, instant(rows), new ArrayList<>()));
                    if (rows.getString(3) != null) {
                        row.members().add(rows.getString(3));
                    }
                }
            }
            return byName.values().stream().map(row -> new Workspace(row.name(), row.created(), row.members())).toList();
        });
    }

    /** The workspace of this name, with its members, if there is one. */
    public Optional<Workspace> find(String name) {
        return list().stream().filter(workspace -> workspace.name().equals(name)).findFirst();
    }

    /** The names of the workspaces an account belongs to, by name; empty for an account in none (or no such account). */
    public List<String> of(String account) {
        return transactions.run("read the workspaces of " + account, connection -> {
            try (PreparedStatement query = connection.prepareStatement(
                    "SELECT workspace_name FROM workspace_member WHERE account_name = ? ORDER BY workspace_name")) {
                query.setString(1, account);
                List<String> names = new ArrayList<>();
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        names.add(rows.getString(1));
                    }
                }
                return names;
            }
        });
    }

    /**
     * Makes an account a member of a workspace.
     *
     * @throws ConvergenceException NOT_FOUND for no such workspace or account; INVALID_INPUT when it is a member already
     */
    public void join(String workspace, String account) {
        transactions.run("add " + account + " to the workspace " + workspace, connection -> {
            requireWorkspace(connection, workspace);
            if (Accounts.find(connection, account).isEmpty()) {
                throw Accounts.noAccount(account);
            }
            if (isMember(connection, workspace, account)) {
                throw new ConvergenceException(ErrorCategory.INVALID_INPUT, account + " is a member of the workspace '" + workspace + "' already");
            }
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO workspace_member (workspace_name, account_name, joined_at) VALUES (?, ?, ?)")) {
                insert.setString(1, workspace);
                insert.setString(2, account);
                insert.setObject(3, LocalDateTime.ofInstant(Instant.now(), ZoneOffset.UTC));
                insert.executeUpdate();
            }
            return null;
        });
    }

    /**
     * Takes an account out of a workspace: its sessions stop working there, and its keys bound to it stop working,
     * within seconds on a running server. What it recorded there stays in the workspace.
     *
     * @throws ConvergenceException NOT_FOUND for no such workspace, or an account that is not a member
     */
    public void leave(String workspace, String account) {
        transactions.run("take " + account + " out of the workspace " + workspace, connection -> {
            requireWorkspace(connection, workspace);
            try (PreparedStatement delete = connection.prepareStatement(
                    "DELETE FROM workspace_member WHERE workspace_name = ? AND account_name = ?")) {
                delete.setString(1, workspace);
                delete.setString(2, account);
                if (delete.executeUpdate() == 0) {
                    throw new ConvergenceException(ErrorCategory.NOT_FOUND, account + " is not a member of the workspace '" + workspace
                            + "': `convergence workspaces list` shows the members");
                }
            }
            return null;
        });
    }

    /** True when the account belongs to the workspace. */
    static boolean isMember(Connection connection, String workspace, String account) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT 1 FROM workspace_member WHERE workspace_name = ? AND account_name = ?")) {
            query.setString(1, workspace);
            query.setString(2, account);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next();
            }
        }
    }

    private static void requireWorkspace(Connection connection, String workspace) throws SQLException {
        if (!exists(connection, workspace)) {
            throw new ConvergenceException(ErrorCategory.NOT_FOUND, "no workspace '" + workspace
                    + "': `convergence workspaces list` shows them; `convergence workspaces add NAME` adds one");
        }
    }

    private static boolean exists(Connection connection, String workspace) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT 1 FROM workspace WHERE name = ?")) {
            query.setString(1, workspace);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next();
            }
        }
    }

    private static Instant instant(ResultSet rows) {
        try {
            return rows.getObject(2, LocalDateTime.class).toInstant(ZoneOffset.UTC);
        } catch (SQLException e) {
            throw new ConvergenceException(ErrorCategory.STORE, "cannot read a workspace's creation time: " + e.getMessage(), e);
        }
    }
}

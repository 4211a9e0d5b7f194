package org.convergence.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.convergence.accounts.Accounts;
import org.convergence.model.ConvergenceModel;
import org.convergence.store.H2StatementStore;
import org.convergence.store.StatementStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code convergence users}, as an administrator setting up a team deployment runs it. */
class UsersCommandTest {
    @TempDir
    Path data;

    private CommandRun run(String input, String... args) {
        return CommandRun.onStore(data, input, args);
    }

    @Test
    void anAdministratorAddsAccountsListsThemAndMakesAKeyPrintedAloneOnTheLastLine() {
        assertEquals(0, run("", "users", "list").exitCode());
        CommandRun added = run("a long admin password\n", "users", "add", "alice", "--role", "admin", "--password-stdin");
        assertEquals(0, added.exitCode(), added.err());
        assertEquals(0, run("an analyst's password\n", "users", "add", "bob", "--role", "analyst", "--password-stdin").exitCode());
        CommandRun key = run("", "users", "key", "bob");
        assertEquals(0, key.exitCode(), key.err());
        List<String> lines = key.out().lines().toList();
        String printed = lines.getLast();
        assertTrue(printed.matches("cvg_[0-9a-f]{16}_[A-Za-z0-9_-]{43}"), printed);
        CommandRun listed = run("", "users", "list");
        assertTrue(listed.out().contains("alice") && listed.out().contains("admin") && listed.out().contains("bob"), listed.out());
        try (StatementStore store = new H2StatementStore(data, ConvergenceModel.standard())) {
            assertEquals("bob", Accounts.of(store).byKey(printed).orElseThrow().account().name());
        }
    }

    @Test
    void disablingResettingAndBadInputSayWhatHappened() {
        run("a long admin password\n", "users", "add", "carol", "--role", "viewer", "--password-stdin");
        CommandRun disabled = run("", "users", "disable", "carol");
        assertEquals(0, disabled.exitCode());
        assertTrue(run("", "users", "list").out().contains("disabled"));
        assertEquals(0, run("", "users", "enable", "carol").exitCode());
        CommandRun reset = run("a brand new password\n", "users", "reset", "carol", "--password-stdin");
        assertEquals(0, reset.exitCode(), reset.err());
        assertTrue(reset.out().contains("revoked"), reset.out());

        CommandRun shortPassword = run("short\n", "users", "add", "dave", "--role", "viewer", "--password-stdin");
        assertEquals(3, shortPassword.exitCode());
        assertTrue(shortPassword.err().contains("12 to 128 characters"), shortPassword.err());
        CommandRun noPassword = run("", "users", "add", "dave", "--role", "viewer", "--password-stdin");
        assertEquals(3, noPassword.exitCode());
        assertTrue(noPassword.err().contains("no password on standard input"), noPassword.err());
        CommandRun badRole = run("a long enough password\n", "users", "add", "dave", "--role", "owner", "--password-stdin");
        assertEquals(3, badRole.exitCode());
        assertTrue(badRole.err().contains("viewer, analyst, admin"), badRole.err());
        assertEquals(4, run("", "users", "key", "nobody").exitCode());
    }
}

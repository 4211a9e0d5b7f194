package org.convergence.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.convergence.accounts.Accounts;
import org.convergence.accounts.KeyHolder;
import org.convergence.model.ConvergenceModel;
import org.convergence.store.H2StatementStore;
import org.convergence.store.StatementStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code convergence workspaces}, {@code users key --workspace} and {@code audit export --workspace}, as an administrator runs them. */
class WorkspacesCommandTest {
    @TempDir
    Path data;

    private CommandRun run(String input, String... args) {
        return CommandRun.onStore(data, input, args);
    }

    @Test
    void anAdministratorAddsWorkspacesMembersAndAKeyBoundToOne() {
        assertTrue(run("", "workspaces", "list").out().contains("No workspaces"));
        run("an analyst's password\n", "users", "add", "bob", "--role", "analyst", "--password-stdin");
        assertEquals(0, run("", "workspaces", "add", "sanctions").exitCode());
        CommandRun joined = run("", "workspaces", "join", "sanctions", "bob");
        assertEquals(0, joined.exitCode(), joined.err());
        CommandRun listed = run("", "workspaces", "list");
        assertTrue(listed.out().lines().anyMatch(line -> line.contains("sanctions") && line.contains("bob")), listed.out());

        CommandRun key = run("", "users", "key", "bob", "--workspace", "sanctions");
        assertEquals(0, key.exitCode(), key.err());
        String printed = key.out().lines().toList().getLast();
        try (StatementStore store = new H2StatementStore(data, ConvergenceModel.standard())) {
            assertEquals(Optional.of("sanctions"), Accounts.of(store).byKey(printed).map(KeyHolder::workspace));
        }

        assertEquals(0, run("", "workspaces", "leave", "sanctions", "bob").exitCode());
        assertTrue(run("", "workspaces", "list").out().lines().noneMatch(line -> line.contains("sanctions") && line.contains("bob")));
    }

    @Test
    void refusalsSayWhatToDoAndExitWithTheirCategory() {
        run("an analyst's password\n", "users", "add", "bob", "--role", "analyst", "--password-stdin");
        run("", "workspaces", "add", "research");
        CommandRun notMember = run("", "users", "key", "bob", "--workspace", "research");
        assertEquals(3, notMember.exitCode());
        assertTrue(notMember.err().contains("convergence workspaces join research bob"), notMember.err());
        CommandRun noWorkspace = run("", "workspaces", "join", "nowhere", "bob");
        assertEquals(4, noWorkspace.exitCode());
        assertTrue(noWorkspace.err().contains("no workspace 'nowhere'"), noWorkspace.err());
        assertEquals(4, run("", "workspaces", "leave", "research", "bob").exitCode());
        CommandRun export = run("", "audit", "export", "--workspace", "nowhere");
        assertEquals(4, export.exitCode());
        assertTrue(export.err().contains("convergence workspaces list"), export.err());
        assertEquals(List.of(), run("", "audit", "export", "--workspace", "research").out().lines().toList(), "nothing screened there yet");
    }
}

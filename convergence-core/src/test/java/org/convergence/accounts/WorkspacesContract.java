package org.convergence.accounts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.convergence.ConvergenceException;
import org.convergence.ErrorCategory;
import org.convergence.store.StatementStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What workspaces keep on every store; run on H2 and on a real PostgreSQL. Each test uses names of its own. */
abstract class WorkspacesContract {
    private static final char[] PASSWORD = "correct horse battery".toCharArray();
    private final String prefix = "w" + Long.toString(System.nanoTime(), 36) + "-";
    private StatementStore store;
    private Accounts accounts;
    private Workspaces workspaces;

    protected abstract StatementStore openStore();

    @BeforeEach
    void open() {
        store = openStore();
        accounts = Accounts.of(store);
        workspaces = Workspaces.of(store);
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
    void membersJoinAndLeaveAndEachAccountListsItsWorkspacesByName() {
        accounts.add(name("ana"), Role.ANALYST, PASSWORD);
        accounts.add(name("bob"), Role.ANALYST, PASSWORD);
        workspaces.add(name("sanctions"));
        workspaces.add(name("research"));
        workspaces.join(name("sanctions"), name("ana"));
        workspaces.join(name("research"), name("ana"));
        workspaces.join(name("research"), name("bob"));

        assertEquals(List.of(name("research"), name("sanctions")), workspaces.of(name("ana")));
        assertEquals(List.of(name("research")), workspaces.of(name("bob")));
        assertEquals(List.of(name("ana"), name("bob")), workspaces.find(name("research")).orElseThrow().members());
        assertTrue(workspaces.list().stream().anyMatch(workspace -> workspace.name().equals(name("sanctions"))
                && workspace.members().equals(List.of(name("ana")))));

        workspaces.leave(name("research"), name("ana"));
        assertEquals(List.of(name("sanctions")), workspaces.of(name("ana")));
        assertEquals(List.of(), workspaces.of(name("nobody")));
    }

    @Test
    void aKeyIsBoundToAWorkspaceOfItsAccountOnly() {
        accounts.add(name("prog"), Role.ANALYST, PASSWORD);
        workspaces.add(name("team-a"));
        workspaces.add(name("team-b"));
        workspaces.join(name("team-a"), name("prog"));

        String bound = accounts.newKey(name("prog"), name("team-a"));
        assertEquals(Optional.of(name("team-a")), accounts.byKey(bound).map(KeyHolder::workspace));
        String unbound = accounts.newKey(name("prog"), null);
        assertEquals(Optional.empty(), accounts.byKey(unbound).map(KeyHolder::workspace));

        ConvergenceException notMember = assertThrows(ConvergenceException.class, () -> accounts.newKey(name("prog"), name("team-b")));
        assertEquals(ErrorCategory.INVALID_INPUT, notMember.category());
        assertTrue(notMember.getMessage().contains("convergence workspaces join " + name("team-b")), notMember.getMessage());
    }

    @Test
    void badNamesTakenNamesUnknownWorkspacesAndNonMembersAreRefusedSayingWhatToDo() {
        accounts.add(name("ana"), Role.VIEWER, PASSWORD);
        assertEquals(ErrorCategory.INVALID_INPUT, assertThrows(ConvergenceException.class, () -> workspaces.add("two words")).category());
        workspaces.add(name("team"));
        ConvergenceException taken = assertThrows(ConvergenceException.class, () -> workspaces.add(name("team")));
        assertTrue(taken.getMessage().contains("already a workspace"), taken.getMessage());

        ConvergenceException noWorkspace = assertThrows(ConvergenceException.class, () -> workspaces.join(name("nowhere"), name("ana")));
        assertEquals(ErrorCategory.NOT_FOUND, noWorkspace.category());
        assertTrue(noWorkspace.getMessage().contains("convergence workspaces list"), noWorkspace.getMessage());
        assertEquals(ErrorCategory.NOT_FOUND, assertThrows(ConvergenceException.class, () -> workspaces.join(name("team"), name("nobody"))).category());
        workspaces.join(name("team"), name("ana"));
        assertEquals(ErrorCategory.INVALID_INPUT, assertThrows(ConvergenceException.class, () -> workspaces.join(name("team"), name("ana"))).category());
        workspaces.leave(name("team"), name("ana"));
        assertEquals(ErrorCategory.NOT_FOUND, assertThrows(ConvergenceException.class, () -> workspaces.leave(name("team"), name("ana"))).category());
        assertEquals(List.of(), workspaces.find(name("team")).orElseThrow().members(), "the refused calls changed nothing");
    }
}

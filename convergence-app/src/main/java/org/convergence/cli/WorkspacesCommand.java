package org.convergence.cli;

import java.io.PrintWriter;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.Callable;
import org.convergence.accounts.Workspace;
import org.convergence.accounts.Workspaces;
import org.convergence.store.StatementStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code convergence workspaces}: the workspaces of a team deployment and their members. A team's screening requests,
 * decisions and workbench runs are seen by its members only.
 */
@Command(name = "workspaces", mixinStandardHelpOptions = true,
        description = {"The workspaces of a team deployment: each team's screening requests, false positives and workbench runs are "
                + "its own. A member of several works in one at a time (chosen in the workbench's header; a key is bound to one with "
                + "`convergence users key NAME --workspace W`).",
                "A member who leaves stops working there within seconds on a running server; what was recorded there stays."},
        subcommands = {WorkspacesCommand.Add.class, WorkspacesCommand.ListWorkspaces.class, WorkspacesCommand.Join.class,
                WorkspacesCommand.Leave.class})
final class WorkspacesCommand {
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneOffset.UTC);

    @ParentCommand
    ConvergenceCommand root;

    @Command(name = "add", mixinStandardHelpOptions = true, description = "Add a workspace, with no members.")
    static final class Add implements Callable<Integer> {
        @ParentCommand
        WorkspacesCommand parent;
        @Spec
        CommandSpec spec;
        @Parameters(paramLabel = "NAME", description = "Letters, digits and . _ @ -.")
        String name;

        @Override
        public Integer call() {
            try (StatementStore store = parent.root.openStore()) {
                Workspace added = Workspaces.of(store).add(name);
                spec.commandLine().getOut().printf("Added the workspace %s. Add members with: convergence workspaces join %s USER%n",
                        added.name(), added.name());
            }
            return 0;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List the workspaces: name, members, created.")
    static final class ListWorkspaces implements Callable<Integer> {
        @ParentCommand
        WorkspacesCommand parent;
        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            try (StatementStore store = parent.root.openStore()) {
                List<Workspace> workspaces = Workspaces.of(store).list();
                PrintWriter out = spec.commandLine().getOut();
                if (workspaces.isEmpty()) {
                    out.println("No workspaces: every account works outside any, and sees every team's runs and false positives. "
                            + "Add one with: convergence workspaces add NAME");
                    return 0;
                }
                Table table = new Table("name", "members", "created (UTC)");
                for (Workspace workspace : workspaces) {
                    table.row(workspace.name(), String.join(", ", workspace.members()), DAY.format(workspace.created()));
                }
                table.print(out, Table.Format.table);
            }
            return 0;
        }
    }

    @Command(name = "join", mixinStandardHelpOptions = true, description = "Make an account a member of a workspace.")
    static final class Join implements Callable<Integer> {
        @ParentCommand
        WorkspacesCommand parent;
        @Spec
        CommandSpec spec;
        @Parameters(index = "0", paramLabel = "WORKSPACE")
        String workspace;
        @Parameters(index = "1", paramLabel = "USER")
        String user;

        @Override
        public Integer call() {
            try (StatementStore store = parent.root.openStore()) {
                Workspaces.of(store).join(workspace, user);
                spec.commandLine().getOut().printf("%s is a member of %s.%n", user, workspace);
            }
            return 0;
        }
    }

    @Command(name = "leave", mixinStandardHelpOptions = true,
            description = "Take an account out of a workspace: its sessions and its keys bound to it stop working there.")
    static final class Leave implements Callable<Integer> {
        @ParentCommand
        WorkspacesCommand parent;
        @Spec
        CommandSpec spec;
        @Parameters(index = "0", paramLabel = "WORKSPACE")
        String workspace;
        @Parameters(index = "1", paramLabel = "USER")
        String user;

        @Override
        public Integer call() {
            try (StatementStore store = parent.root.openStore()) {
                Workspaces.of(store).leave(workspace, user);
                spec.commandLine().getOut().printf("%s is no longer a member of %s.%n", user, workspace);
            }
            return 0;
        }
    }
}

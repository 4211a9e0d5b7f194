package org.convergence.cli;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import org.convergence.ConvergenceException;
import org.convergence.ErrorCategory;
import org.convergence.accounts.Account;
import org.convergence.accounts.Accounts;
import org.convergence.accounts.Role;
import org.convergence.store.StatementStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code convergence users}: the accounts of a team deployment. Once any account exists, {@code serve} asks every
 * request to sign in (the workbench) or to send an API key (programs).
 */
@Command(name = "users", mixinStandardHelpOptions = true,
        description = {"The accounts of a team deployment: once any exists, every request to `convergence serve` must sign in "
                + "(workbench) or send 'Authorization: Bearer KEY' (programs). Roles: viewer reads; analyst also screens, decides and "
                + "checks exposure; admin also manages the deployment.",
                "Passwords are asked for at the terminal, or with --password-stdin read as the first line of standard input (scripts)."},
        subcommands = {UsersCommand.Add.class, UsersCommand.ListAccounts.class, UsersCommand.Disable.class, UsersCommand.Enable.class,
                UsersCommand.Reset.class, UsersCommand.Key.class})
final class UsersCommand {
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneOffset.UTC);

    @ParentCommand
    ConvergenceCommand root;

    @Command(name = "add", mixinStandardHelpOptions = true, description = "Add an account; its password is asked for.")
    static final class Add implements Callable<Integer> {
        @ParentCommand
        UsersCommand parent;
        @Spec
        CommandSpec spec;
        @Parameters(paramLabel = "NAME", description = "Letters, digits and . _ @ -.")
        String name;
        @Option(names = "--role", required = true, paramLabel = "viewer|analyst|admin", description = "What the account may do.")
        String role;
        @Option(names = "--password-stdin", description = "Read the password from the first line of standard input instead of asking.")
        boolean passwordStdin;
        @Option(names = "--no-password", description = "No password: the account signs in through the server's OpenID Connect provider only.")
        boolean noPassword;

        @Override
        public Integer call() {
            Role parsed = Role.parse(role);
            if (noPassword) {
                try (StatementStore store = parent.root.openStore()) {
                    Account account = Accounts.of(store).addWithoutPassword(name, parsed);
                    spec.commandLine().getOut().printf("Added %s (%s), to sign in through the OpenID Connect provider.%n", account.name(),
                            account.role().label());
                }
                return 0;
            }
            char[] password = password("Password for " + name, passwordStdin);
            try (StatementStore store = parent.root.openStore()) {
                Account account = Accounts.of(store).add(name, parsed, password);
                spec.commandLine().getOut().printf("Added %s (%s). Make an API key for programs with: convergence users key %s%n",
                        account.name(), account.role().label(), account.name());
            } finally {
                Arrays.fill(password, '\0');
            }
            return 0;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List the accounts: name, role, state, created.")
    static final class ListAccounts implements Callable<Integer> {
        @ParentCommand
        UsersCommand parent;
        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            try (StatementStore store = parent.root.openStore()) {
                List<Account> accounts = Accounts.of(store).list();
                PrintWriter out = spec.commandLine().getOut();
                if (accounts.isEmpty()) {
                    out.println("No accounts: the server answers this machine only, without sign-in. Add one with: "
                            + "convergence users add NAME --role admin");
                    return 0;
                }
                Table table = new Table("name", "role", "state", "created (UTC)");
                for (Account account : accounts) {
                    table.row(account.name(), account.role().label(), account.disabled() ? "disabled" : "active", DAY.format(account.created()));
                }
                table.print(out, Table.Format.table);
            }
            return 0;
        }
    }

    @Command(name = "disable", mixinStandardHelpOptions = true,
            description = "Disable an account: it can no longer sign in, and its keys stop working (within seconds on a running server).")
    static final class Disable implements Callable<Integer> {
        @ParentCommand
        UsersCommand parent;
        @Spec
        CommandSpec spec;
        @Parameters(paramLabel = "NAME")
        String name;

        @Override
        public Integer call() {
            return parent.setDisabled(spec, name, true);
        }
    }

    @Command(name = "enable", mixinStandardHelpOptions = true, description = "Enable a disabled account again.")
    static final class Enable implements Callable<Integer> {
        @ParentCommand
        UsersCommand parent;
        @Spec
        CommandSpec spec;
        @Parameters(paramLabel = "NAME")
        String name;

        @Override
        public Integer call() {
            return parent.setDisabled(spec, name, false);
        }
    }

    @Command(name = "reset", mixinStandardHelpOptions = true,
            description = "Give an account a new password (asked for) and revoke all its API keys.")
    static final class Reset implements Callable<Integer> {
        @ParentCommand
        UsersCommand parent;
        @Spec
        CommandSpec spec;
        @Parameters(paramLabel = "NAME")
        String name;
        @Option(names = "--password-stdin", description = "Read the password from the first line of standard input instead of asking.")
        boolean passwordStdin;

        @Override
        public Integer call() {
            char[] password = password("New password for " + name, passwordStdin);
            try (StatementStore store = parent.root.openStore()) {
                Accounts.of(store).reset(name, password);
                spec.commandLine().getOut().printf("New password for %s; its API keys are revoked.%n", name);
            } finally {
                Arrays.fill(password, '\0');
            }
            return 0;
        }
    }

    @Command(name = "key", mixinStandardHelpOptions = true,
            description = {"Make a new API key for an account and print it, alone on the last line. It is shown once and kept only as a hash.",
                    "With --workspace, the key's requests are made in that workspace (one the account belongs to), and the key stops "
                            + "working if the account leaves it; without, outside any workspace."})
    static final class Key implements Callable<Integer> {
        @ParentCommand
        UsersCommand parent;
        @Spec
        CommandSpec spec;
        @Parameters(paramLabel = "NAME")
        String name;
        @Option(names = "--workspace", paramLabel = "WORKSPACE", description = "The workspace the key works in.")
        String workspace;

        @Override
        public Integer call() {
            try (StatementStore store = parent.root.openStore()) {
                String key = Accounts.of(store).newKey(name, workspace);
                PrintWriter out = spec.commandLine().getOut();
                out.printf("API key for %s%s (send it as 'Authorization: Bearer KEY'; it is not shown again):%n", name,
                        workspace == null ? "" : " in the workspace " + workspace);
                out.println(key);
            }
            return 0;
        }
    }

    private int setDisabled(CommandSpec spec, String name, boolean disabled) {
        try (StatementStore store = root.openStore()) {
            Accounts.of(store).setDisabled(name, disabled);
            spec.commandLine().getOut().printf("%s is %s.%n", name, disabled ? "disabled" : "enabled");
        }
        return 0;
    }

    /** A password read from the first line of standard input, or asked for twice at the terminal. */
    private static char[] password(String prompt, boolean fromStandardInput) {
        if (fromStandardInput) {
            try {
                String line = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
                if (line == null || line.isEmpty()) {
                    throw new ConvergenceException(ErrorCategory.INVALID_INPUT, prompt + ": no password on standard input; give it as the "
                            + "first line, e.g. printf '%s\\n' \"$PASSWORD\" | convergence users ... --password-stdin");
                }
                return line.toCharArray();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        Console console = System.console();
        if (console == null) {
            throw new ConvergenceException(ErrorCategory.INVALID_INPUT, prompt + ": there is no terminal to ask at; pipe the password in "
                    + "with --password-stdin");
        }
        char[] first = console.readPassword("%s (at least %d characters): ", prompt, Accounts.MIN_PASSWORD);
        char[] again = console.readPassword("Again: ");
        if (first == null || again == null || !Arrays.equals(first, again)) {
            throw new ConvergenceException(ErrorCategory.INVALID_INPUT, "the two passwords differ: run the command again");
        }
        Arrays.fill(again, '\0');
        return first;
    }
}

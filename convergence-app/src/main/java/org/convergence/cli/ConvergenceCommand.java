package org.convergence.cli;

import java.nio.file.Path;
import org.convergence.ConvergenceException;
import org.convergence.model.ConvergenceModel;
import org.convergence.store.StatementStore;
import org.convergence.store.StoreConfig;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The top command: global options (where the store is) and the sub-commands.
 *
 * <p>Exit codes: 0 success, 1 internal error, 2 usage error, 3 invalid input, 4 not found,
 * 5 store error, 6 download failed (see {@link org.convergence.ErrorCategory}).
 */
@Command(name = "convergence",
        mixinStandardHelpOptions = true,
        version = "convergence 0.1.0",
        description = "Evidence of China–Russia technology co-operation, the official lists, and Canada's exposure.",
        subcommands = {ImportCommand.class, ExportCommand.class, StatusCommand.class, ListsCommand.class, ScreenCommand.class, ExposureCommand.class,
                AuditCommand.class, UsersCommand.class, WorkspacesCommand.class, BackupCommand.class, RestoreCommand.class,
                EvidenceCommand.class, AnalyticsCommand.class, EvalCommand.class, ServeCommand.class, BenchCommand.class,
                CommandLine.HelpCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:success", "1:internal error", "2:usage error", "3:invalid input", "4:not found", "5:store error", "6:a publication could not be downloaded"})
public final class ConvergenceCommand {

    @Option(names = "--data", paramLabel = "DIR", scope = CommandLine.ScopeType.INHERIT,
            description = "Folder of the embedded store (default: $CONVERGENCE_DATA or ./data).")
    Path data;

    @Option(names = "--db-url", paramLabel = "JDBC_URL", scope = CommandLine.ScopeType.INHERIT,
            description = "PostgreSQL JDBC URL for a server store (default: $CONVERGENCE_DB_URL; user and password from "
                    + "$CONVERGENCE_DB_USER and $CONVERGENCE_DB_PASSWORD).")
    String dbUrl;

    static CommandLine commandLine() {
        CommandLine commandLine = new CommandLine(new ConvergenceCommand());
        commandLine.setExecutionExceptionHandler((exception, cmd, parseResult) -> {
            if (exception instanceof ConvergenceException error) {
                cmd.getErr().println("error: " + error.getMessage());
                return error.category().exitCode();
            }
            cmd.getErr().println("internal error: " + exception);
            exception.printStackTrace(cmd.getErr());
            return 1;
        });
        return commandLine;
    }

    /** The store, for a command that may write: the embedded store must not be open in another process. */
    StatementStore openStore() {
        return storeConfig().open(ConvergenceModel.standard());
    }

    /** The store, for a command that only reads: works beside {@code convergence serve} on the embedded store. */
    StatementStore openStoreForReading() {
        return storeConfig().openForReading(ConvergenceModel.standard());
    }

    /** The store, for {@code convergence serve}: shared with commands that only read. */
    StatementStore openStoreForServing() {
        return storeConfig().openForServing(ConvergenceModel.standard());
    }

    /** Where downloaded publications are kept: beside the embedded store, whichever store is in use. */
    Path downloadFolder() {
        return storeConfig().dataFolder().resolve("downloads");
    }

    private StoreConfig storeConfig() {
        return StoreConfig.fromEnvironment(System.getenv(), data, dbUrl);
    }
}

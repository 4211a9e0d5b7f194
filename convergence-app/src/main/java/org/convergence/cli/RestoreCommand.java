package org.convergence.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.convergence.store.BackupManifest;
import org.convergence.store.StatementStore;
import org.convergence.store.StoreBackup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code convergence restore FILE}: a backup into the store, whole or not at all. */
@Command(name = "restore", mixinStandardHelpOptions = true,
        description = {"Restore a backup written by `convergence backup` into the store (--data, or --db-url for PostgreSQL), "
                + "in one transaction: it lands whole or the store stays as it was. A backup of the embedded store restores "
                + "into PostgreSQL and the reverse.",
                "The store must be empty unless --replace is given. The file is checked as it is read (its row counts and "
                        + "checksum); a damaged or truncated file is refused, naming the table and row. A backup from an earlier "
                        + "Convergence is upgraded by the schema migrations on the way in; one from a newer Convergence is refused.",
                "The screening index is not in the backup: it is rebuilt from the restored statements when the store is next "
                        + "opened. Stop `convergence serve` on the store before restoring into it."})
final class RestoreCommand implements Callable<Integer> {
    @ParentCommand
    ConvergenceCommand root;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "FILE", description = "A backup written by `convergence backup`.")
    Path file;

    @Option(names = "--replace", description = "Delete everything the store holds first, in the same transaction.")
    boolean replace;

    @Override
    public Integer call() {
        try (StatementStore store = root.openStore()) {
            long started = System.nanoTime();
            BackupManifest manifest = StoreBackup.restore(store, file, replace);
            double seconds = (System.nanoTime() - started) / 1e9;
            PrintWriter out = spec.commandLine().getOut();
            out.printf("restored %s (taken %s UTC) into %s: %,d rows in %.1f s%n", file, Times.utc(manifest.createdAt()), store.location(),
                    manifest.totalRows(), seconds);
            BackupCommand.printTables(out, manifest);
        }
        return 0;
    }
}

package org.convergence.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.convergence.store.BackupManifest;
import org.convergence.store.StatementStore;
import org.convergence.store.StoreBackup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code convergence backup FILE}: the whole store, in one snapshot, in one file. */
@Command(name = "backup", mixinStandardHelpOptions = true,
        description = {"Write the whole store to FILE: every table (datasets and their versions, statements, the screening audit trail "
                + "and decisions, and any table a later Convergence adds), read in one snapshot, so imports and screening may go on "
                + "meanwhile and are in the backup whole or not at all.",
                "The file (gzip-compressed JSON lines) is the same for the embedded store and PostgreSQL: `convergence restore` "
                        + "takes it into either.",
                "Not in the backup: the screening index, built in memory from the statements whenever the store is opened; "
                        + "and downloaded publications, kept as files in the data folder's downloads/."})
final class BackupCommand implements Callable<Integer> {
    @ParentCommand
    ConvergenceCommand root;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "FILE", description = "The backup to write, e.g. convergence-2026-12-08.backup.gz; "
            + "an existing file is replaced only once the new backup is complete.")
    Path file;

    @Override
    public Integer call() throws IOException {
        try (StatementStore store = root.openStore()) {
            long started = System.nanoTime();
            BackupManifest manifest = StoreBackup.write(store, file);
            double seconds = (System.nanoTime() - started) / 1e9;
            PrintWriter out = spec.commandLine().getOut();
            out.printf("backed up %s to %s: schema version %s, %,d rows, %,.1f MB in %.1f s%n", store.location(), file,
                    manifest.schemaVersion(), manifest.totalRows(), Files.size(file) / 1e6, seconds);
            printTables(out, manifest);
        }
        return 0;
    }

    static void printTables(PrintWriter out, BackupManifest manifest) {
        for (BackupManifest.Table table : manifest.tables()) {
            out.printf("  %-24s %,14d%n", table.name(), table.rows());
        }
    }
}

package org.convergence.cli;

import java.util.List;
import java.util.concurrent.Callable;
import org.convergence.store.DatasetVersion;
import org.convergence.store.StatementStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code convergence status}: where the store is, and its datasets. */
@Command(name = "status", mixinStandardHelpOptions = true,
        description = "Show the store location and every dataset with its latest version and entity count.")
final class StatusCommand implements Callable<Integer> {
    @ParentCommand
    ConvergenceCommand root;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        var out = spec.commandLine().getOut();
        try (StatementStore store = root.openStoreForReading()) {
            out.println("store: " + store.location());
            List<DatasetVersion> versions = store.latestVersions();
            if (versions.isEmpty()) {
                out.println("no datasets yet: import one with `convergence import ftm FILE`");
                return 0;
            }
            out.printf("%-32s %8s %12s %12s  %-20s %s%n", "DATASET", "VERSION", "ENTITIES", "STATEMENTS", "IMPORTED (UTC)", "DATA DATE");
            long total = 0;
            for (DatasetVersion version : versions) {
                out.printf("%-32s %8d %,12d %,12d  %-20s %s%n", version.dataset(), version.version(), version.entityCount(),
                        version.statementCount(), Times.utc(version.importedAt()),
                        version.dataDate() == null ? "-" : version.dataDate());
                total += version.entityCount();
            }
            out.printf("%d datasets, %,d entities%n", versions.size(), total);
        }
        return 0;
    }
}

package org.convergence.cli;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.convergence.ConvergenceException;
import org.convergence.ErrorCategory;
import org.convergence.ftm.FtmJsonWriter;
import org.convergence.store.DatasetVersion;
import org.convergence.store.StatementStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code convergence export ftm}: writes datasets out. */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = "Export datasets from the store.",
        subcommands = {ExportCommand.Ftm.class})
final class ExportCommand {
    @ParentCommand
    ConvergenceCommand root;

    @Command(name = "ftm", mixinStandardHelpOptions = true,
            description = "Export the latest version of datasets as FollowTheMoney JSON lines, in the order they were imported.")
    static final class Ftm implements Callable<Integer> {
        @ParentCommand
        ExportCommand parent;

        @Spec
        CommandSpec spec;

        @Option(names = "--dataset", paramLabel = "NAME", description = "Dataset to export (default: every dataset).")
        String dataset;

        @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write to FILE instead of standard output.")
        Path output;

        @Override
        public Integer call() throws IOException {
            try (StatementStore store = parent.root.openStoreForReading()) {
                List<DatasetVersion> versions = dataset == null
                        ? store.latestVersions()
                        : List.of(store.latestVersion(dataset).orElseThrow(() -> new ConvergenceException(ErrorCategory.NOT_FOUND,
                                "no dataset '" + dataset + "' in the store; `convergence status` lists the datasets")));
                try (OutputStream out = output == null ? nonClosing(System.out) : new BufferedOutputStream(Files.newOutputStream(output), 1 << 16);
                        FtmJsonWriter writer = new FtmJsonWriter(out)) {
                    ProgressBar progress = new ProgressBar(spec.commandLine().getErr(), "exporting");
                    long total = versions.stream().mapToLong(DatasetVersion::entityCount).sum();
                    long[] written = {0};
                    for (DatasetVersion version : versions) {
                        store.forEachEntity(version, entity -> {
                            writer.write(entity);
                            if (++written[0] % 5_000 == 0) {
                                progress.update(written[0], written[0], total);
                            }
                        });
                    }
                    progress.finish();
                } catch (UncheckedIOException e) {
                    throw new ConvergenceException(ErrorCategory.INVALID_INPUT, "cannot write " + (output == null ? "standard output" : output) + ": " + e.getCause().getMessage(), e);
                }
            }
            return 0;
        }

        private static OutputStream nonClosing(OutputStream out) {
            return new BufferedOutputStream(out, 1 << 16) {
                @Override
                public void close() throws IOException {
                    flush();
                }
            };
        }
    }
}

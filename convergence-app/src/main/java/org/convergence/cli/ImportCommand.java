package org.convergence.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.convergence.InvalidRecordException;
import org.convergence.ftm.FtmJsonReader;
import org.convergence.ingest.Checksums;
import org.convergence.ingest.EntitySource;
import org.convergence.ingest.ImportResult;
import org.convergence.ingest.Ingestor;
import org.convergence.model.ConvergenceModel;
import org.convergence.model.Datasets;
import org.convergence.store.ImportRequest;
import org.convergence.store.StatementStore;
import org.convergence.trade.SipriTradeRegisterReader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code convergence import ftm FILE}: imports data files into the store. */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = "Import a data file into the store as a new dataset version (all or nothing).",
        subcommands = {ImportCommand.Ftm.class, ImportCommand.Sipri.class})
final class ImportCommand {
    @ParentCommand
    ConvergenceCommand root;

    @Command(name = "ftm", mixinStandardHelpOptions = true,
            description = "Import FollowTheMoney JSON lines (one entity per line).")
    static final class Ftm implements Callable<Integer> {
        @ParentCommand
        ImportCommand parent;

        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "FILE", description = "The FtM JSON lines file.")
        Path file;

        @Option(names = "--dataset", paramLabel = "NAME",
                description = "Dataset to import into (default: the file name without extension, lower case).")
        String dataset;

        @Option(names = "--skip-invalid", description = "Skip invalid lines and report them, instead of importing nothing.")
        boolean skipInvalid;

        @Override
        public Integer call() {
            String name = ImportRequest.requireValidDatasetName(dataset != null ? dataset : defaultDatasetName(file));
            ImportRequest request = new ImportRequest(name, file.toAbsolutePath().toString(), Checksums.sha256(file), null);
            execute(parent.root, request, new FtmJsonReader(file, name, ConvergenceModel.standard()), skipInvalid, spec);
            return 0;
        }

    }

    @Command(name = "sipri", mixinStandardHelpOptions = true,
            description = "Import the SIPRI Arms Transfers Database trade register (CSV export, ISO-8859-1) as Transfer entities.")
    static final class Sipri implements Callable<Integer> {
        @ParentCommand
        ImportCommand parent;

        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "FILE", description = "The trade register CSV as SIPRI exports it.")
        Path file;

        @Option(names = "--dataset", paramLabel = "NAME", defaultValue = Datasets.SIPRI, description = "Dataset name (default: ${DEFAULT-VALUE}).")
        String dataset;

        @Option(names = "--skip-invalid", description = "Skip invalid deals and report them, instead of importing nothing.")
        boolean skipInvalid;

        @Override
        public Integer call() {
            String name = ImportRequest.requireValidDatasetName(dataset);
            SipriTradeRegisterReader reader = new SipriTradeRegisterReader(file, name, ConvergenceModel.standard());
            ImportRequest request = new ImportRequest(name, file.toAbsolutePath().toString(), Checksums.sha256(file), null);
            execute(parent.root, request, reader, skipInvalid, spec);
            return 0;
        }
    }

    /** Runs one import with a progress bar and prints its outcome. */
    static void execute(ConvergenceCommand root, ImportRequest request, EntitySource source, boolean skipInvalid, CommandSpec spec) {
        var err = spec.commandLine().getErr();
        try (StatementStore store = root.openStore(); source) {
            ProgressBar progress = new ProgressBar(err, "importing " + Path.of(request.sourceUri()).getFileName());
            ImportResult result;
            try {
                result = new Ingestor(store).run(request, source, skipInvalid, progress);
            } finally {
                progress.finish();
            }
            report(result, spec.commandLine().getOut(), err);
        }
    }

    private static void report(ImportResult result, PrintWriter out, PrintWriter err) {
        if (result.unchanged()) {
            out.printf("%s unchanged: the source is identical to version %d; nothing imported%n",
                    result.version().dataset(), result.version().version());
            return;
        }
        out.printf("imported %,d entities (%,d statements) into %s in %.1f s (%,.0f entities/s)%n",
                result.entities(), result.statements(), result.version().label(),
                result.elapsed().toNanos() / 1e9, result.entitiesPerSecond());
        if (result.skippedCount() > 0) {
            err.printf("skipped %,d invalid records:%n", result.skippedCount());
            for (InvalidRecordException skipped : result.skipped()) {
                err.println("  " + skipped.getMessage());
            }
        }
    }

    static String defaultDatasetName(Path file) {
        String name = file.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        int dot = name.indexOf('.');
        name = dot > 0 ? name.substring(0, dot) : name;
        return name.replaceAll("[^a-z0-9_-]", "_");
    }
}

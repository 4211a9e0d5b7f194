package org.convergence.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.convergence.ConvergenceException;
import org.convergence.ErrorCategory;
import org.convergence.lists.ListDiff;
import org.convergence.lists.ListSource;
import org.convergence.lists.update.ListUpdater;
import org.convergence.lists.update.Publication;
import org.convergence.model.ConvergenceModel;
import org.convergence.store.DatasetVersion;
import org.convergence.store.StatementStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code convergence lists}: the official lists, their versions, imports and diffs. */
@Command(name = "lists", mixinStandardHelpOptions = true,
        description = "Show every supported official list with its latest version, date of data, entity count and last update.",
        subcommands = {ListsCommand.Import.class, ListsCommand.Update.class, ListsCommand.Diff.class})
final class ListsCommand implements Callable<Integer> {
    @ParentCommand
    ConvergenceCommand root;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Table table = new Table("source", "title", "version", "data_date", "entities", "last_update");
        try (StatementStore store = root.openStoreForReading()) {
            for (ListSource source : ListSource.values()) {
                var latest = store.latestVersion(source.id());
                table.row(source.id(), source.title(), latest.map(v -> String.valueOf(v.version())).orElse("-"),
                        latest.map(v -> v.dataDate() == null ? "-" : v.dataDate()).orElse("-"),
                        latest.map(v -> String.valueOf(v.entityCount())).orElse("0"),
                        latest.map(v -> Times.utc(v.importedAt())).orElse("never"));
            }
        }
        table.print(spec.commandLine().getOut(), Table.Format.table);
        return 0;
    }

    static ListSource source(String id) {
        return ListSource.byId(id).orElseThrow(() -> new ConvergenceException(ErrorCategory.INVALID_INPUT, "unknown list source '" + id
                + "'; supported: " + Arrays.stream(ListSource.values()).map(ListSource::id).toList()));
    }

    @Command(name = "import", mixinStandardHelpOptions = true, description = "Import a local file of a list as its next version.")
    static final class Import implements Callable<Integer> {
        @ParentCommand
        ListsCommand parent;

        @Spec
        CommandSpec spec;

        @Parameters(index = "0", paramLabel = "SOURCE", description = "The source id, e.g. ca-sema.")
        String sourceId;

        @Parameters(index = "1", paramLabel = "FILE", description = "The list as published: a file, or the folder of a source published as a set of files.")
        Path file;

        @Option(names = "--skip-invalid", description = "Skip invalid records and report them, instead of importing nothing.")
        boolean skipInvalid;

        @Override
        public Integer call() {
            ListSource source = source(sourceId);
            ImportCommand.execute(parent.root, source.request(file), source.open(file, ConvergenceModel.standard()), skipInvalid, spec);
            return 0;
        }
    }

    @Command(name = "update", mixinStandardHelpOptions = true,
            description = {"Download lists from their official publications and import each that changed.",
                    "Conditional requests (ETag, Last-Modified) skip unchanged lists; failures are retried; when offline, says so "
                            + "and imports nothing. Downloads are kept in DATA/downloads."})
    static final class Update implements Callable<Integer> {
        @ParentCommand
        ListsCommand parent;

        @Spec
        CommandSpec spec;

        @Parameters(arity = "0..*", paramLabel = "SOURCE", description = "Source ids (default: every list with a known publication).")
        List<String> sourceIds = new ArrayList<>();

        @Override
        public Integer call() {
            List<Publication> publications = sourceIds.isEmpty()
                    ? Arrays.stream(ListSource.values()).map(Publication::of).flatMap(Optional::stream).toList()
                    : sourceIds.stream().map(id -> Publication.of(source(id)).orElseThrow(() -> new ConvergenceException(
                            ErrorCategory.NOT_FOUND, id + " has no download address; import a local copy with `convergence lists import`")))
                            .toList();
            ListUpdater updater = new ListUpdater(ListUpdater.defaultClient(), parent.root.downloadFolder(), ListUpdater.Settings.DEFAULT);
            var err = spec.commandLine().getErr();
            List<String> failed = new ArrayList<>();
            for (Publication publication : publications) {
                String id = publication.source().id();
                try {
                    err.printf("%s: checking %s%n", id, publication.files().getFirst().url().getHost());
                    ListUpdater.Outcome outcome = updater.update(publication);
                    err.printf("%s: %s%n", id, outcome.changed() ? "downloaded" : "not modified since the last download");
                    ImportCommand.execute(parent.root, publication.source().request(outcome.importPath()),
                            publication.source().open(outcome.importPath(), ConvergenceModel.standard()), false, spec);
                } catch (ConvergenceException e) {
                    err.printf("%s: failed: %s%n", id, e.getMessage());
                    failed.add(id);
                }
            }
            if (!failed.isEmpty()) {
                throw new ConvergenceException(ErrorCategory.UNAVAILABLE, failed.size() + " of " + publications.size()
                        + " list(s) could not be updated (" + String.join(", ", failed) + "); the reasons are above");
            }
            return 0;
        }
    }

    @Command(name = "diff", mixinStandardHelpOptions = true,
            description = "Entities added, removed and changed between two versions of a list (default: the last two).")
    static final class Diff implements Callable<Integer> {
        @ParentCommand
        ListsCommand parent;

        @Spec
        CommandSpec spec;

        @Parameters(index = "0", paramLabel = "SOURCE", description = "The source id, e.g. ca-sema.")
        String sourceId;

        @Parameters(index = "1", arity = "0..1", paramLabel = "FROM", description = "The older version number.")
        Integer from;

        @Parameters(index = "2", arity = "0..1", paramLabel = "TO", description = "The newer version number.")
        Integer to;

        @Option(names = "--format", defaultValue = "table", description = "table, csv or json (default: ${DEFAULT-VALUE}).")
        Table.Format format;

        @Override
        public Integer call() {
            try (StatementStore store = parent.root.openStoreForReading()) {
                List<DatasetVersion> versions = store.versions(sourceId);
                if (versions.size() < 2 && (from == null || to == null)) {
                    throw new ConvergenceException(ErrorCategory.NOT_FOUND, sourceId + " has " + versions.size()
                            + " version(s) in the store; a diff needs two: import another file with `convergence lists import`");
                }
                DatasetVersion older = version(versions, from, versions.size() - 2);
                DatasetVersion newer = version(versions, to, versions.size() - 1);
                ListDiff.Result diff = ListDiff.between(store, older, newer);
                spec.commandLine().getErr().printf("%s → %s: %d added, %d removed, %d changed%n", older.label(), newer.label(),
                        diff.added().size(), diff.removed().size(), diff.changed().size());
                Table table = new Table("change", "entity", "properties");
                diff.added().forEach(id -> table.row("added", id, ""));
                diff.removed().forEach(id -> table.row("removed", id, ""));
                diff.changed().forEach(change -> table.row("changed", change.id(), String.join(" ", change.properties())));
                table.print(spec.commandLine().getOut(), format);
            }
            return 0;
        }

        private DatasetVersion version(List<DatasetVersion> versions, Integer number, int defaultIndex) {
            if (number == null) {
                return versions.get(defaultIndex);
            }
            return versions.stream().filter(v -> v.version() == number).findFirst().orElseThrow(() -> new ConvergenceException(
                    ErrorCategory.NOT_FOUND, sourceId + " has no version " + number + "; `convergence lists` shows the versions"));
        }
    }
}

package org.convergence.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.convergence.ConvergenceException;
import org.convergence.ErrorCategory;
import org.convergence.evidence.EvidenceBase;
import org.convergence.evidence.EvidenceEntities;
import org.convergence.evidence.EvidenceValidator;
import org.convergence.ingest.Checksums;
import org.convergence.ingest.EntityListSource;
import org.convergence.model.ConvergenceModel;
import org.convergence.model.Datasets;
import org.convergence.model.Entity;
import org.convergence.store.ImportRequest;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code convergence evidence validate|load}: the curated evidence base in {@code evidence/}. */
@Command(name = "evidence", mixinStandardHelpOptions = true,
        description = "Check and load the curated evidence base of China–Russia co-operation events.",
        subcommands = {EvidenceCommand.Validate.class, EvidenceCommand.Load.class, EvidenceCommand.Areas.class})
final class EvidenceCommand {

    @ParentCommand
    ConvergenceCommand root;

    @Option(names = "--dir", defaultValue = "evidence", scope = picocli.CommandLine.ScopeType.INHERIT,
            description = "The evidence folder (default: ${DEFAULT-VALUE} under the working directory).")
    Path dir;

    /** Reads and validates; prints every problem and the closing count line. */
    static EvidenceValidator.Report check(EvidenceBase base, CommandSpec spec) {
        EvidenceValidator.Report report = EvidenceValidator.validate(base);
        for (EvidenceValidator.Problem problem : report.problems()) {
            spec.commandLine().getErr().println(problem);
        }
        String verdict = report.valid() ? "valid" : report.problems().size() + " problems";
        spec.commandLine().getOut().printf("%d events checked across %d domains (%d parties): %s%n",
                report.events(), report.domains(), report.parties(), verdict);
        return report;
    }

    @Command(name = "validate", mixinStandardHelpOptions = true,
            description = "Check every event and party: required fields, dates, sources, parties, domains, duplicates. "
                    + "Exits 3 on any problem.")
    static final class Validate implements Callable<Integer> {
        @ParentCommand
        EvidenceCommand parent;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            return check(EvidenceBase.read(parent.dir), spec).valid() ? 0 : ErrorCategory.INVALID_INPUT.exitCode();
        }
    }

    @Command(name = "areas", mixinStandardHelpOptions = true,
            description = "The Canadian Sensitive Technology Research Areas that events concern, through their domains.")
    static final class Areas implements Callable<Integer> {
        @ParentCommand
        EvidenceCommand parent;

        @Spec
        CommandSpec spec;

        @Option(names = "--event", paramLabel = "ID", description = "Only this event (default: every domain of the taxonomy).")
        String eventId;

        @Option(names = "--format", defaultValue = "table", description = "table, csv or json (default: ${DEFAULT-VALUE}).")
        Table.Format format;

        @Override
        public Integer call() {
            EvidenceBase base = EvidenceBase.read(parent.dir);
            Table table = new Table("domain", "research_area", "sub_areas");
            if (eventId != null) {
                var event = base.events().stream().filter(e -> e.id().equals(eventId)).findFirst().orElseThrow(() ->
                        new ConvergenceException(ErrorCategory.NOT_FOUND, "no event '" + eventId + "' in " + parent.dir));
                base.researchAreasOf(event).forEach(area -> table.row(event.domain(), area.area(), String.join("; ", area.subAreas())));
            } else {
                for (var domain : base.taxonomy().domains()) {
                    domain.researchAreas().forEach(area -> table.row(domain.id(), area.area(), String.join("; ", area.subAreas())));
                }
            }
            table.print(spec.commandLine().getOut(), format);
            return 0;
        }
    }

    @Command(name = "load", mixinStandardHelpOptions = true,
            description = "Validate, then load the evidence base into the store as the dataset 'evidence' (a new version when it changed).")
    static final class Load implements Callable<Integer> {
        @ParentCommand
        EvidenceCommand parent;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            EvidenceBase base = EvidenceBase.read(parent.dir);
            if (!check(base, spec).valid()) {
                throw new ConvergenceException(ErrorCategory.INVALID_INPUT, "the evidence base has problems (listed above); nothing loaded");
            }
            List<Entity> entities = EvidenceEntities.of(base, Datasets.EVIDENCE, ConvergenceModel.standard());
            ImportRequest request = new ImportRequest(Datasets.EVIDENCE, base.folder().toAbsolutePath().toString(),
                    Checksums.sha256(base.files().toArray(Path[]::new)), null);
            ImportCommand.execute(parent.root, request, new EntityListSource(entities), false, spec);
            return 0;
        }
    }
}

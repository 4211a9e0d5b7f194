package org.convergence.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.convergence.ConvergenceException;
import org.convergence.ErrorCategory;
import org.convergence.accounts.Workspaces;
import org.convergence.screening.audit.AuditLog;
import org.convergence.screening.audit.Decision;
import org.convergence.screening.audit.Requester;
import org.convergence.store.StatementStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code convergence audit}: the screening audit trail. */
@Command(name = "audit", mixinStandardHelpOptions = true,
        description = "The screening audit trail: every request with its results, and analysts' decisions on results.",
        subcommands = {AuditCommand.Export.class, AuditCommand.Decide.class})
final class AuditCommand {
    @ParentCommand
    ConvergenceCommand root;

    @Command(name = "export", mixinStandardHelpOptions = true,
            description = "Write the audit log, oldest request first: JSON lines (one object per request, with its results and every "
                    + "decision) or CSV (one row per result, with the latest decision).")
    static final class Export implements Callable<Integer> {
        @ParentCommand
        AuditCommand parent;

        @Spec
        CommandSpec spec;

        @Option(names = "--format", defaultValue = "jsonl", paramLabel = "jsonl|csv", description = "jsonl or csv (default: ${DEFAULT-VALUE}).")
        String format;

        @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write to FILE instead of standard output.")
        Path output;

        @Option(names = "--since", paramLabel = "DATE", description = "Only requests made on or after this date (YYYY-MM-DD, UTC) or instant.")
        String since;

        @Option(names = "--workspace", paramLabel = "NAME", description = "Only requests made in this workspace (default: every request).")
        String workspace;

        @Override
        public Integer call() {
            AuditLog.Format chosen = switch (format.toLowerCase(Locale.ROOT)) {
                case "jsonl" -> AuditLog.Format.JSONL;
                case "csv" -> AuditLog.Format.CSV;
                default -> throw new ConvergenceException(ErrorCategory.INVALID_INPUT, "unknown format '" + format + "': use jsonl or csv");
            };
            Instant from = since == null ? null : instant(since);
            try (StatementStore store = parent.root.openStoreForReading()) {
                if (workspace != null && Workspaces.of(store).find(workspace).isEmpty()) {
                    throw new ConvergenceException(ErrorCategory.NOT_FOUND, "no workspace '" + workspace
                            + "': `convergence workspaces list` shows them");
                }
                if (output == null) {
                    PrintWriter out = spec.commandLine().getOut();
                    AuditLog.of(store).export(out, chosen, from, workspace);
                    out.flush();
                } else {
                    try (Writer out = Files.newBufferedWriter(output, StandardCharsets.UTF_8)) {
                        AuditLog.of(store).export(out, chosen, from, workspace);
                    } catch (IOException e) {
                        throw new ConvergenceException(ErrorCategory.INVALID_INPUT, "cannot write " + output + ": " + e.getMessage(), e);
                    }
                }
            }
            return 0;
        }

        private static Instant instant(String text) {
            try {
                return text.length() == 10 ? LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant() : Instant.parse(text);
            } catch (DateTimeParseException e) {
                throw new ConvergenceException(ErrorCategory.INVALID_INPUT,
                        "--since '" + text + "' is not a date (YYYY-MM-DD) or an instant (2025-01-31T12:00:00Z)");
            }
        }
    }

    @Command(name = "decide", mixinStandardHelpOptions = true,
            description = "Record a decision on one result of a screening request. A false positive is not raised again for the "
                    + "same query in the request's workspace while the listed entity is unchanged; a later decision on the same pair replaces it.")
    static final class Decide implements Callable<Integer> {
        @ParentCommand
        AuditCommand parent;

        @Spec
        CommandSpec spec;

        @Parameters(index = "0", paramLabel = "REQUEST_ID", description = "The request, as in the screening output (request_id).")
        long requestId;

        @Parameters(index = "1", paramLabel = "ENTITY_ID", description = "The listed entity, as in the screening output (matched_id).")
        String entityId;

        @Parameters(index = "2", paramLabel = "DECISION", description = "true-match or false-positive.")
        String decision;

        @Option(names = "--comment", paramLabel = "TEXT", description = "Why, for whoever reads the audit trail.")
        String comment;

        @Option(names = "--user", paramLabel = "NAME", description = "Who decides (default: $CONVERGENCE_USER, else the OS user).")
        String user;

        @Option(names = "--workspace", paramLabel = "NAME",
                description = "The workspace the request was made in (as in the export); without it, a request made outside any.")
        String workspace;

        @Override
        public Integer call() {
            Decision parsed = Decision.parse(decision);
            Requester who = new Requester(AuditUser.resolve(user), workspace);
            try (StatementStore store = parent.root.openStore()) {
                AuditLog.of(store).decide(requestId, entityId, parsed, who, comment);
            }
            spec.commandLine().getOut().printf("recorded %s on %s for request %d by %s%s%n", parsed.label(), entityId, requestId, who.describe(),
                    parsed == Decision.FALSE_POSITIVE ? ": the same query will not raise it again in that workspace while the entity is unchanged" : "");
            return 0;
        }
    }
}

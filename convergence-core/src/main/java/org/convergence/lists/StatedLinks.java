package org.convergence.lists;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.convergence.model.ConvergenceModel;
import org.convergence.model.Entity;
import org.convergence.model.EntityBuilder;

/**
 * The links a list states between its own records ("Linked To: NAME" in OFAC's remarks, a reference
 * number such as QDe.004 in the UN's other information), made into FtM UnknownLink entities once the
 * whole list has been read, since a record may name one that comes after it.
 *
 * <p>Records are known by their key in the list (OFAC's ent_num, the UN's DATAID), whose entity id is
 * {@code <dataset>-<key>} as the readers make it. A link is made only when what it names (a name, a
 * reference number; case and spacing aside) names exactly one record other than its subject: a name
 * that names none or several makes no link, and the statement stays where the reader put it, in the
 * subject's notes. A link's id joins the keys of its two records, so reading the list again gives the
 * same ids; a pair stated twice is one link with both statements. UnknownLink rather than a schema
 * of a kind of tie, because the lists state that two records are linked, not how.
 *
 * <p>Not thread-safe: one per reader.
 */
public final class StatedLinks {
    private final String dataset;
    private final ConvergenceModel model;
    private final String role;
    private final String publisher;
    private final String sourceUrl;
    private final Map<String, Set<String>> recordsByName = new HashMap<>();
    private final List<Statement> statements = new ArrayList<>();

    /** One link as the list states it, before its target is known. */
    private record Statement(String subject, List<String> targets, String text, String where) {}

    /** A statement that names one record, with the text its link keeps. */
    private record Resolved(Statement statement, String text) {}

    /**
     * @param role the link's role as the list puts it ("Linked To")
     * @param publisher who publishes the list, the link's publisher
     * @param sourceUrl the list's address, the link's source URL
     */
    public StatedLinks(String dataset, ConvergenceModel model, String role, String publisher, String sourceUrl) {
        this.dataset = dataset;
        this.model = model;
        this.role = role;
        this.publisher = publisher;
        this.sourceUrl = sourceUrl;
    }

    /** Records that {@code name} (a primary name, a reference number) names the record with key {@code record}. */
    public void name(String record, String name) {
        if (name != null && !name.isBlank()) {
            recordsByName.computeIfAbsent(normalise(name), key -> new LinkedHashSet<>()).add(record);
        }
    }

    /**
     * Records that the record {@code subject} states a link to the record that {@code targets} names.
     *
     * @param targets spellings of the target's name, tried in order until one names a record
     * @param text the statement as the list writes it, kept as the link's description; null for the
     *     role and the spelling that named the record ("Linked To: HIZBALLAH"), the same whichever of
     *     the list's formats wrote it
     * @param where the file and record of the statement
     */
    public void state(String subject, List<String> targets, String text, String where) {
        statements.add(new Statement(subject, List.copyOf(targets), text, where));
    }

    /** The links whose target names exactly one other record, in the order first stated. Call once, after the last record. */
    public List<Entity> resolve() {
        Map<List<String>, List<Resolved>> byPair = new LinkedHashMap<>();
        for (Statement statement : statements) {
            for (String spelling : statement.targets()) {
                Set<String> records = recordsByName.get(normalise(spelling));
                if (records == null) {
                    continue;
                }
                String target = records.iterator().next();
                if (records.size() == 1 && !target.equals(statement.subject())) {
                    String text = statement.text() != null ? statement.text() : role + ": " + spelling;
                    byPair.computeIfAbsent(List.of(statement.subject(), target), pair -> new ArrayList<>())
                            .add(new Resolved(statement, text));
                }
                break;
            }
        }
        statements.clear();
        List<Entity> links = new ArrayList<>(byPair.size());
        byPair.forEach((pair, resolved) -> {
            String subject = pair.get(0);
            String target = pair.get(1);
            EntityBuilder link = Entity.builder(model.requireSchema("UnknownLink"), dataset + "-link-" + subject + "-" + target, dataset)
                    .source(resolved.getFirst().statement().where()).add("subject", dataset + "-" + subject).add("object", dataset + "-" + target)
                    .add("role", role).add("publisher", publisher).add("sourceUrl", sourceUrl);
            Set<String> texts = new LinkedHashSet<>();
            for (Resolved statement : resolved) {
                if (texts.add(statement.text())) {
                    link.source(statement.statement().where()).add("description", statement.text());
                }
            }
            links.add(link.build());
        });
        return links;
    }

    private static String normalise(String name) {
        return name.strip().replaceAll("\\s+", " ").toUpperCase(Locale.ROOT);
    }
}

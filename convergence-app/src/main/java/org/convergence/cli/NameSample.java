package org.convergence.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.convergence.ConvergenceException;
import org.convergence.ErrorCategory;
import org.convergence.screening.ScreenedEntity;
import org.convergence.store.DatasetVersion;
import org.convergence.store.StatementStore;

/**
 * The names of the store's listed parties, from which the benchmarks draw their queries: the i-th query is a party
 * drawn at random, its name as listed (i % 3 == 0), with two letters swapped (1) or with its words reversed (2).
 * Immutable once read; each client draws with its own {@link Random}.
 */
final class NameSample {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A query: the party it was drawn from (id and schema) and the name to send. */
    record Query(String id, String schema, String name) {
        /** The body of {@code POST /match/{scope}} asking for this name. */
        String matchBody() {
            ObjectNode body = JSON.createObjectNode();
            ObjectNode query = body.putObject("queries").putObject("q");
            query.put("schema", schema);
            query.putObject("properties").putArray("name").add(name);
            return body.toString();
        }
    }

    private final List<Query> parties;

    private NameSample(List<Query> parties) {
        this.parties = List.copyOf(parties);
    }

    /**
     * Reads every listed party with a name, in store order.
     *
     * @throws ConvergenceException NOT_FOUND when the store has none
     */
    static NameSample of(StatementStore store) {
        List<Query> parties = new ArrayList<>();
        for (DatasetVersion version : store.latestVersions()) {
            store.forEachEntity(version, entity -> {
                String name = entity.first("name");
                if (name != null && ScreenedEntity.isScreenable(entity.schema())) {
                    parties.add(new Query(entity.id(), entity.schema().getName(), name));
                }
            });
        }
        if (parties.isEmpty()) {
            throw new ConvergenceException(ErrorCategory.NOT_FOUND, "the store has no listed names to query: import a list first, e.g. "
                    + "`convergence lists import ca-sema FILE`");
        }
        return new NameSample(parties);
    }

    int size() {
        return parties.size();
    }

    /** The i-th query of a run drawing with {@code random}. */
    Query draw(Random random, long i) {
        Query party = parties.get(random.nextInt(parties.size()));
        String name = switch ((int) (i % 3)) {
            case 0 -> party.name();
            case 1 -> swapTwoLetters(party.name(), random);
            default -> reverseWords(party.name());
        };
        return new Query(party.id(), party.schema(), name);
    }

    private static String swapTwoLetters(String name, Random random) {
        if (name.length() < 4) {
            return name;
        }
        int at = 1 + random.nextInt(name.length() - 2);
        char[] chars = name.toCharArray();
        char c = chars[at];
        chars[at] = chars[at + 1];
        chars[at + 1] = c;
        return new String(chars);
    }

    private static String reverseWords(String name) {
        List<String> words = new ArrayList<>(List.of(name.strip().split("\\s+")));
        Collections.reverse(words);
        return String.join(" ", words);
    }
}

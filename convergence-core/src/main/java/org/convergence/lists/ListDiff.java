package org.convergence.lists;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.convergence.model.Entity;
import org.convergence.store.DatasetVersion;
import org.convergence.store.StatementStore;

/**
 * What changed between two versions of a dataset: entities added, removed, and changed (which
 * properties). Values are compared as sets per property, so a reordering is not a change.
 */
public final class ListDiff {
    private ListDiff() {}

    /** One entity present in both versions whose values differ. */
    public record Change(String id, String caption, Set<String> properties) {}

    public record Result(DatasetVersion from, DatasetVersion to, List<String> added, List<String> removed, List<Change> changed) {
        public Result {
            added = List.copyOf(added);
            removed = List.copyOf(removed);
            changed = List.copyOf(changed);
        }
    }

    private record Snapshot(String schema, String caption, Map<String, Set<String>> values) {}

    public static Result between(StatementStore store, DatasetVersion from, DatasetVersion to) {
        Map<String, Snapshot> before = snapshot(store, from);
        Map<String, Snapshot> after = snapshot(store, to);
        List<String> added = new ArrayList<>();
        List<String> removed = new ArrayList<>();
        List<Change> changed = new ArrayList<>();
        for (String id : new TreeSet<>(after.keySet())) {
            Snapshot old = before.get(id);
            Snapshot now = after.get(id);
            if (old == null) {
                added.add(id);
                continue;
            }
            Set<String> properties = new TreeSet<>();
            if (!Objects.equals(old.schema(), now.schema())) {
                properties.add("schema");
            }
            Set<String> names = new TreeSet<>(old.values().keySet());
            names.addAll(now.values().keySet());
            for (String property : names) {
                if (!Objects.equals(old.values().get(property), now.values().get(property))) {
                    properties.add(property);
                }
            }
            if (!properties.isEmpty()) {
                changed.add(new Change(id, now.caption(), properties));
            }
        }
        for (String id : new TreeSet<>(before.keySet())) {
            if (!after.containsKey(id)) {
                removed.add(id);
            }
        }
        return new Result(from, to, added, removed, changed);
    }

    private static Map<String, Snapshot> snapshot(StatementStore store, DatasetVersion version) {
        Map<String, Snapshot> entities = new HashMap<>();
        store.forEachEntity(version, (Entity entity) -> {
            Map<String, Set<String>> values = new TreeMap<>();
            entity.properties().forEach((property, list) -> values.put(property, new TreeSet<>(list)));
            entities.put(entity.id(), new Snapshot(entity.schema().getName(), entity.caption(), values));
        });
        return entities;
    }
}

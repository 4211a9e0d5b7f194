package org.convergence.web;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.convergence.analytics.Flow;
import org.convergence.model.Datasets;
import org.convergence.model.Entity;
import org.convergence.store.DatasetVersion;
import org.convergence.store.StatementStore;

/**
 * Reads the {@link EventRecord}s of flows from the latest versions of the evidence and SIPRI datasets:
 * one entity at a time for a page of rows, in one pass over the datasets for a download of thousands.
 * Thread-safe.
 */
final class EventRecords {
    /** Above this many flows one pass over the datasets is quicker than fetching entity by entity. */
    private static final int FETCH_LIMIT = 1_000;

    private final StatementStore store;

    EventRecords(StatementStore store) {
        this.store = store;
    }

    /** The records of the flows, by entity id; a flow whose entity is gone (a dataset reloaded meanwhile) has none. */
    Map<String, EventRecord> of(List<Flow> flows) {
        Map<String, Optional<DatasetVersion>> versions = new HashMap<>();
        for (String dataset : List.of(Datasets.EVIDENCE, Datasets.SIPRI)) {
            versions.put(dataset, store.latestVersion(dataset));
        }
        Map<String, EventRecord> records = new HashMap<>();
        if (flows.size() <= FETCH_LIMIT) {
            Map<String, String> names = new HashMap<>();
            for (Flow flow : flows) {
                versions.get(datasetOf(flow)).flatMap(version -> store.fetchEntity(version, flow.id()).map(entity -> EventRecord.of(entity,
                        id -> names.computeIfAbsent(id, party -> store.fetchEntity(version, party).map(Entity::caption).orElse(null)))))
                        .ifPresent(record -> records.put(flow.id(), record));
            }
            return records;
        }
        Set<String> wanted = new HashSet<>(flows.stream().map(Flow::id).toList());
        Map<String, String> names = new HashMap<>();
        versions.values().forEach(found -> found.ifPresent(version -> store.forEachEntity(version, entity -> {
            if (wanted.contains(entity.id())) {
                records.put(entity.id(), EventRecord.of(entity, names::get));
            } else {
                names.put(entity.id(), entity.caption());
            }
        })));
        // The loaders write parties before the events that name them; a party met later is named now.
        records.replaceAll((id, record) -> record.named(names));
        return records;
    }

    /** The record of one entity of a dataset version, with its parties' names from the same version. */
    EventRecord of(Entity entity, DatasetVersion version) {
        return EventRecord.of(entity, id -> store.fetchEntity(version, id).map(Entity::caption).orElse(null));
    }

    private static String datasetOf(Flow flow) {
        return flow.kind().equals("transfer") ? Datasets.SIPRI : Datasets.EVIDENCE;
    }
}

package org.convergence.graph;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.convergence.graph.GraphNode.Listing;
import org.convergence.model.ConvergenceModel;
import org.convergence.model.Entity;
import org.convergence.model.Statement;
import org.convergence.store.DatasetVersion;
import org.jgrapht.Graph;
import org.jgrapht.graph.DirectedMultigraph;
import tech.followthemoney.model.Edge;
import tech.followthemoney.model.Property;
import tech.followthemoney.model.PropertyType;
import tech.followthemoney.model.Schema;
import tech.followthemoney.model.TemporalExtent;

/**
 * Gathers the nodes, relations and listings of the entities it is given, then builds the {@link
 * ExposureGraph}. Entities may come in any order: a relation is kept once both its ends have been
 * read. Not thread-safe: one per build.
 */
final class GraphBuilder {
    /** What an entity is to the graph. */
    private enum Kind {
        /** A schema with an FtM edge: a relation between its two ends, which become nodes. */
        RELATIONSHIP,
        /** A listing: it marks its entity as listed. */
        SANCTION,
        /** A party or an event: always a node, and its entity-typed properties are relations to the nodes they name. */
        PARTY_OR_EVENT,
        /** Anything else (an address, a position, a document): a node only when a relationship entity ties it. */
        OTHER
    }

    /** A node in the making, before its listings and the nexus are known. */
    private record Draft(String id, String schema, String caption, List<String> names, DatasetVersion version, boolean always) {}

    private final Map<Schema, Kind> kinds = new HashMap<>();
    private final Map<String, Draft> drafts = new LinkedHashMap<>();
    /** Every entity id read: a relation to an id never read points out of the store, one to an id read but no node does not. */
    private final Set<String> read = new HashSet<>();
    private final List<Relation> ties = new ArrayList<>();
    private final List<Relation> mentions = new ArrayList<>();
    private final Map<String, List<Listing>> listings = new HashMap<>();
    private final ChinaRussiaNexus nexus = new ChinaRussiaNexus();
    /** One copy of each label, URL and publisher, which thousands of relations repeat. */
    private final Map<String, String> strings = new HashMap<>();
    private int selfRelations;

    void add(Entity entity, DatasetVersion version) {
        read.add(entity.id());
        nexus.observe(entity);
        switch (kind(entity.schema())) {
            case RELATIONSHIP -> relationship(entity, version);
            case SANCTION -> listing(entity, version);
            case PARTY_OR_EVENT -> {
                draft(entity, version, true);
                mentions(entity, version);
            }
            case OTHER -> draft(entity, version, false);
        }
    }

    private Kind kind(Schema schema) {
        return kinds.computeIfAbsent(schema, key -> {
            if (key.isEdge()) {
                return Kind.RELATIONSHIP;
            }
            if (ConvergenceModel.isA(key, "Sanction")) {
                return Kind.SANCTION;
            }
            boolean party = ConvergenceModel.isA(key, "LegalEntity") || ConvergenceModel.isA(key, "Vehicle");
            return party || ConvergenceModel.isA(key, "Event") || ConvergenceModel.isA(key, "Agreement") ? Kind.PARTY_OR_EVENT : Kind.OTHER;
        });
    }

    private void draft(Entity entity, DatasetVersion version, boolean always) {
        List<String> names = entity.values("name");
        drafts.putIfAbsent(entity.id(), new Draft(entity.id(), intern(entity.schema().getName()), entity.caption(),
                names.isEmpty() ? List.of(entity.caption()) : names, version, always));
    }

    private void relationship(Entity entity, DatasetVersion version) {
        Edge edge = entity.schema().getEdge().orElseThrow();
        String from = edge.getSourceProperty().getName();
        String to = edge.getTargetProperty().getName();
        String label = intern(label(entity, edge));
        Relation.Sources sources = sources(entity, Set.of(from, to));
        Validity validity = validity(entity);
        for (String source : entity.values(from)) {
            for (String target : entity.values(to)) {
                keep(ties, new Relation(entity.id(), intern(entity.schema().getName()), label, source, target, edge.isDirected(), version,
                        sources, validity.start(), validity.end()));
            }
        }
    }

    /**
     * FtM's edge label with the edge's caption ("owns (51)", "belongs to (major defence
     * laboratory)"); an UnknownLink's role alone, since its label, "linked to", says nothing.
     */
    private static String label(Entity entity, Edge edge) {
        List<String> caption = edge.getCaptionProperties().stream().flatMap(property -> entity.values(property.getName()).stream()).toList();
        if (caption.isEmpty()) {
            return edge.getLabel();
        }
        return entity.schema().getName().equals("UnknownLink") ? String.join(", ", caption) : edge.getLabel() + " (" + String.join(", ", caption) + ")";
    }

    /**
     * A party's or an event's properties that name parties or events (an event's supplier, a
     * company's parent), as relations from it to them; a property that names an address or a
     * document names no node.
     */
    private void mentions(Entity entity, DatasetVersion version) {
        Map<Property, List<String>> named = new LinkedHashMap<>();
        for (Statement statement : entity.statements()) {
            Property property = entity.schema().getProperty(statement.property());
            if (property != null && !property.isStub() && PropertyType.ENTITY.equals(property.getType().getName())
                    && property.getRange().map(range -> kind(range) == Kind.PARTY_OR_EVENT).orElse(false)) {
                named.computeIfAbsent(property, key -> new ArrayList<>()).add(statement.value());
            }
        }
        if (named.isEmpty()) {
            return;
        }
        Validity validity = validity(entity);
        named.forEach((property, targets) -> {
            Relation.Sources sources = sources(entity, Set.of(property.getName()));
            String label = intern(property.getLabel().toLowerCase(Locale.ROOT));
            for (String target : new LinkedHashSet<>(targets)) {
                keep(mentions, new Relation(entity.id(), intern(entity.schema().getName()), label, entity.id(), target, true, version, sources,
                        validity.start(), validity.end()));
            }
        });
    }

    /** A relation of an entity to itself ties nothing: it is counted and left out. */
    private void keep(List<Relation> relations, Relation relation) {
        if (relation.sourceId().equals(relation.targetId())) {
            selfRelations++;
        } else {
            relations.add(relation);
        }
    }

    private void listing(Entity sanction, DatasetVersion version) {
        Listing listing = new Listing(sanction.id(), version.dataset(), interned(sanction.values("authority")), interned(sanction.values("program")));
        for (String listed : sanction.values("entity")) {
            listings.computeIfAbsent(listed, key -> new ArrayList<>(1)).add(listing);
        }
    }

    /** The entity's source URLs and publishers, and where its statements of these properties come from. */
    private Relation.Sources sources(Entity entity, Set<String> properties) {
        Set<String> records = new LinkedHashSet<>();
        for (Statement statement : entity.statements()) {
            if (statement.source() != null && properties.contains(statement.property())) {
                records.add(statement.source());
            }
        }
        return new Relation.Sources(interned(entity.values("sourceUrl")), interned(entity.values("publisher")), interned(List.copyOf(records)));
    }

    /** When a relation holds: the earliest start and the latest end its entity states, null where it states none. */
    private record Validity(String start, String end) {}

    /** The validity by the schema's temporal extent (FtM's startDate, date and endDate; a Transfer's orderDate ...). */
    private static Validity validity(Entity entity) {
        Optional<TemporalExtent> extent = entity.schema().getTemporalExtent();
        if (extent.isEmpty()) {
            return new Validity(null, null);
        }
        return new Validity(first(entity, extent.get().getStartProperties()).stream().min(String::compareTo).orElse(null),
                first(entity, extent.get().getEndProperties()).stream().max(String::compareTo).orElse(null));
    }

    /** The values of the first of the properties that has any. */
    private static List<String> first(Entity entity, List<Property> properties) {
        for (Property property : properties) {
            List<String> values = entity.values(property.getName());
            if (!values.isEmpty()) {
                return values;
            }
        }
        return List.of();
    }

    private String intern(String value) {
        return value == null ? null : strings.computeIfAbsent(value, key -> key);
    }

    private List<String> interned(List<String> values) {
        return values.isEmpty() ? List.of() : values.stream().map(this::intern).toList();
    }

    /** The graph of what was read; the builder is spent. */
    ExposureGraph build(List<DatasetVersion> versions) {
        Set<String> nodeIds = new HashSet<>();
        drafts.values().stream().filter(Draft::always).forEach(draft -> nodeIds.add(draft.id()));
        for (Relation tie : ties) {
            Stream.of(tie.sourceId(), tie.targetId()).filter(drafts::containsKey).forEach(nodeIds::add);
        }
        Graph<Integer, Link> graph = new DirectedMultigraph<>(null, null, false);
        List<GraphNode> nodes = new ArrayList<>(nodeIds.size());
        Map<String, Integer> indexes = new HashMap<>(nodeIds.size() * 2);
        for (Draft draft : drafts.values()) {
            if (nodeIds.contains(draft.id())) {
                indexes.put(draft.id(), nodes.size());
                graph.addVertex(nodes.size());
                nodes.add(new GraphNode(draft.id(), draft.schema(), draft.caption(), draft.names(), draft.version(),
                        listings.getOrDefault(draft.id(), List.of()), nexus.contains(draft.id())));
            }
        }
        int relations = 0;
        int outOfStore = 0;
        for (Relation relation : (Iterable<Relation>) Stream.concat(ties.stream(), mentions.stream())::iterator) {
            Integer source = indexes.get(relation.sourceId());
            Integer target = indexes.get(relation.targetId());
            if (source != null && target != null) {
                graph.addEdge(source, target, new Link(relation, source, target));
                relations++;
            } else if (!read.contains(relation.sourceId()) || !read.contains(relation.targetId())) {
                outOfStore++;
            }
        }
        long listed = nodes.stream().filter(Targets.listed()).count();
        long inNexus = nodes.stream().filter(GraphNode::nexus).count();
        return new ExposureGraph(graph, nodes, indexes, versions,
                new ExposureGraph.Summary(nodes.size(), relations, listed, inNexus, selfRelations, outOfStore));
    }
}

package org.convergence.graph;

import static java.util.Objects.requireNonNull;

import java.util.List;
import org.convergence.store.DatasetVersion;

/**
 * A node of the exposure graph: a party (a legal entity, a vessel, an aircraft), an event that parties
 * take part in (a co-operation event, an agreement), or anything else a relationship entity ties (a
 * position, a project).
 *
 * @param id the entity id
 * @param schema the entity's FtM schema
 * @param caption the entity's caption
 * @param names its names in every script, as the source gives them (the caption when it has none)
 * @param version the dataset version the entity was read from
 * @param listings the Sanctions, of any dataset, whose entity it is
 * @param nexus whether it is a party of the China–Russia defence nexus (see {@link Targets#chinaRussiaNexus()})
 */
public record GraphNode(String id, String schema, String caption, List<String> names, DatasetVersion version, List<Listing> listings,
        boolean nexus) {

    public GraphNode {
        requireNonNull(id, "id is null");
        requireNonNull(schema, "schema is null");
        requireNonNull(version, "version is null");
        names = List.copyOf(names);
        listings = List.copyOf(listings);
    }

    /**
     * A Sanction naming the node: a listing on an official list, in a research-security list (the
     * Named Research Organizations, ASPI's tracker), or in FtM data.
     *
     * @param sanctionId the Sanction entity
     * @param dataset the dataset of the Sanction
     * @param authorities who lists it
     * @param programs under which programs or regimes
     */
    public record Listing(String sanctionId, String dataset, List<String> authorities, List<String> programs) {
        public Listing {
            requireNonNull(sanctionId, "sanctionId is null");
            requireNonNull(dataset, "dataset is null");
            authorities = List.copyOf(authorities);
            programs = List.copyOf(programs);
        }
    }
}

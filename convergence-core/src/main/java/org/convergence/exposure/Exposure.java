package org.convergence.exposure;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * What the exposure check found for one partner.
 *
 * @param row the input row, 1 for the first
 * @param input the partner as given (its name or affiliation)
 * @param tier how it is exposed
 * @param reasons the finding in plain sentences, one per match or path
 * @param paths from the partner's own match to what it is exposed to, shortest first
 * @param areas the Sensitive Technology Research Areas that the reached organisations' topics concern
 * @param units the units of the affiliation and what each matched, for a reviewer
 * @param auditRequests the audit log's ids of the screening requests behind the finding
 * @param error why the row could not be checked, or null
 */
public record Exposure(long row, String input, Tier tier, List<String> reasons, List<Path> paths, List<String> areas, List<Affiliation.Unit> units,
        List<Long> auditRequests, String error) {

    public Exposure {
        requireNonNull(input, "input is null");
        requireNonNull(tier, "tier is null");
        reasons = List.copyOf(reasons);
        paths = List.copyOf(paths);
        areas = List.copyOf(areas);
        units = List.copyOf(units);
        auditRequests = List.copyOf(auditRequests);
    }

    static Exposure notChecked(long row, String input, String error) {
        return new Exposure(row, input, Tier.CLEAR, List.of("not checked: " + error), List.of(), List.of(), List.of(), List.of(), error);
    }

    /** Whether the partner is listed or linked. */
    public boolean flagged() {
        return tier != Tier.CLEAR;
    }

    /** How a partner is exposed. */
    public enum Tier {
        /** The partner itself is on a list. */
        LISTED,
        /** A path of at most the allowed hops reaches a listed organisation or a party of the China–Russia defence nexus. */
        LINKED,
        /** Neither. */
        CLEAR;

        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** A path: the partner's match first, the party it is exposed to last. */
    public record Path(List<Step> steps) {
        public Path {
            steps = List.copyOf(steps);
        }

        public Step target() {
            return steps.getLast();
        }
    }

    /**
     * An entity of a path.
     *
     * @param id the entity id
     * @param caption its caption
     * @param names its names
     * @param schema its FtM schema
     * @param dataset the dataset it comes from
     * @param listed whether an official or research-security list names it
     * @param nexus whether it is a party of the China–Russia defence nexus
     * @param score on the first step, the score of the partner's match (and {@code matched}, the unit that matched); else null
     * @param matched on the first step, the unit of the input that matched it; else null
     * @param link the tie to the next step, or null on the last
     */
    public record Step(String id, String caption, List<String> names, String schema, String dataset, boolean listed, boolean nexus, Double score,
            String matched, Link link) {
        public Step {
            names = List.copyOf(names);
        }
    }

    /**
     * The tie between two steps of a path, with where it is stated.
     *
     * @param label what it says ("belongs to (major defence laboratory)", "supervising agency of", "the same party on another list")
     * @param schema the relationship entity's schema, or {@link #SAME_PARTY} for two list entries of one party found by their names
     * @param forward true when the tie goes from this step to the next (the owner to the asset)
     * @param urls the source URLs stating it
     * @param publishers the publishers stating it
     * @param records where in the imported files it is stated, or the names that agree for {@link #SAME_PARTY}
     * @param start the start of its validity where stated, or null
     * @param end the end of its validity where stated, or null
     */
    public record Link(String label, String schema, boolean forward, List<String> urls, List<String> publishers, List<String> records, String start,
            String end) {
        /** The schema of a tie found by screening: two list entries that write one of their names alike. */
        public static final String SAME_PARTY = "SameParty";

        public Link {
            urls = List.copyOf(urls);
            publishers = List.copyOf(publishers);
            records = List.copyOf(records);
        }
    }
}

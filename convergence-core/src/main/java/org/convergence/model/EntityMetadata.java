package org.convergence.model;

import java.time.Instant;
import java.util.List;

/**
 * What FtM JSON says about an entity as a whole rather than about one of its values: its caption,
 * the ids it was merged from, the upstream datasets it came from, whether it is a screening target,
 * and when it was first seen, last seen and last changed upstream. All parts are optional.
 */
public record EntityMetadata(
        String caption,
        List<String> referents,
        List<String> originDatasets,
        Boolean target,
        Instant firstSeen,
        Instant lastSeen,
        Instant lastChange) {

    public static final EntityMetadata NONE = new EntityMetadata(null, List.of(), List.of(), null, null, null, null);

    public EntityMetadata {
        referents = referents == null ? List.of() : List.copyOf(referents);
        originDatasets = originDatasets == null ? List.of() : List.copyOf(originDatasets);
    }

    public EntityMetadata withCaption(String newCaption) {
        return new EntityMetadata(newCaption, referents, originDatasets, target, firstSeen, lastSeen, lastChange);
    }
}

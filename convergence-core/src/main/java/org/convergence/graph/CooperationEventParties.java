package org.convergence.graph;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.convergence.model.Entity;

/**
 * The parties that take part in a co-operation event, as the China–Russia nexus and the analytics'
 * co-operation network both read them: its suppliers and recipients whatever its type (a designation
 * names the designated suppliers and recipients in these roles too), and its involved parties except
 * in a designation or an assessment, whose involved parties are the governments that designate or
 * assess. An event's authority observes and never takes part.
 */
public final class CooperationEventParties {
    private static final Set<String> OBSERVED = Set.of("designation", "assessment");

    private CooperationEventParties() {}

    /** The ids of the parties that take part in the CooperationEvent, suppliers first, each once. */
    public static List<String> of(Entity event) {
        Set<String> parties = new LinkedHashSet<>(event.values("supplier"));
        parties.addAll(event.values("recipient"));
        if (!OBSERVED.contains(event.first("eventType"))) {
            parties.addAll(event.values("involved"));
        }
        return List.copyOf(parties);
    }
}

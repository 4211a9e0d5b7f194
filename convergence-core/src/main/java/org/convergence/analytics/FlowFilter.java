package org.convergence.analytics;

import java.util.Locale;
import java.util.Set;

/**
 * Which flows an analysis counts: a period (inclusive years), domains, event types, and a party
 * whose name contains the given text (case-insensitive). Null or empty parts match everything.
 */
public record FlowFilter(Integer fromYear, Integer toYear, Set<String> domains, Set<String> types, String party) {
    public static final FlowFilter ALL = new FlowFilter(null, null, Set.of(), Set.of(), null);

    public FlowFilter {
        domains = domains == null ? Set.of() : Set.copyOf(domains);
        types = types == null ? Set.of() : Set.copyOf(types);
    }

    public boolean test(Flow flow) {
        if (fromYear != null && flow.year() < fromYear || toYear != null && flow.year() > toYear) {
            return false;
        }
        if (!domains.isEmpty() && !domains.contains(flow.domain()) || !types.isEmpty() && !types.contains(flow.type())) {
            return false;
        }
        if (party == null || party.isBlank()) {
            return true;
        }
        String needle = party.toLowerCase(Locale.ROOT);
        return flow.parties().stream().anyMatch(name -> name.toLowerCase(Locale.ROOT).contains(needle));
    }
}

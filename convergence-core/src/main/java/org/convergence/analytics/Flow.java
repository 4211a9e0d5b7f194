package org.convergence.analytics;

import java.util.List;

/**
 * One co-operation fact as the analytics see it: a curated event or a SIPRI transfer between Russia
 * (or the USSR) and China.
 *
 * @param kind "event" (evidence base) or "transfer" (SIPRI)
 * @param id the entity id
 * @param year the year of the event or of the order
 * @param domain the technology domain id
 * @param type the event type ("arms-sale" for transfers)
 * @param direction ru-to-cn, cn-to-ru or joint
 * @param parties the names of the parties
 */
public record Flow(String kind, String id, int year, String domain, String type, String direction, List<String> parties) {
    public Flow {
        parties = List.copyOf(parties);
    }
}

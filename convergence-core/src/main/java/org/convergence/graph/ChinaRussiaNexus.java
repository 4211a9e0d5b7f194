package org.convergence.graph;

import java.util.HashSet;
import java.util.Set;
import org.convergence.lists.ListSource;
import org.convergence.lists.aspi.UnitrackerMispReader;
import org.convergence.model.ConvergenceModel;
import org.convergence.model.Entity;
import org.convergence.trade.SipriTradeRegisterReader;

/**
 * The parties of the China–Russia defence nexus, gathered from the entities as the graph reads them.
 * The one definition of the nexus; what it holds and why:
 * <ul>
 *   <li>The parties that take part in a co-operation event of the evidence base, as {@link
 *       CooperationEventParties} reads them: the two ends of a flow of arms, technology or dual-use
 *       goods between China and Russia, and those involved in an exercise, an agreement or a joint
 *       statement; never an event's authority, nor the governments that designate or assess.</li>
 *   <li>Both states of a SIPRI arms transfer between Russia (or the Soviet Union) and China.</li>
 *   <li>The institutions ASPI's tracker categorises as military, as a defence-industry conglomerate
 *       or as one of the Seven Sons of National Defence: the armed forces' own institutions and the
 *       defence industry's. Its civilian and security institutions are listed (see {@link
 *       Targets#listed()}) but are not the defence nexus.</li>
 * </ul>
 * Not thread-safe: one per graph build.
 */
final class ChinaRussiaNexus {
    private static final Set<String> DEFENCE_CATEGORIES = Set.of(UnitrackerMispReader.MILITARY, UnitrackerMispReader.CONGLOMERATE,
            UnitrackerMispReader.SEVEN_SONS);

    private final Set<String> members = new HashSet<>();

    void observe(Entity entity) {
        String schema = entity.schema().getName();
        if (schema.equals("CooperationEvent")) {
            members.addAll(CooperationEventParties.of(entity));
        } else if (schema.equals("Transfer")) {
            String supplier = SipriTradeRegisterReader.chinaOrRussia(entity.first("supplier"));
            String recipient = SipriTradeRegisterReader.chinaOrRussia(entity.first("recipient"));
            if (supplier != null && recipient != null && !supplier.equals(recipient)) {
                members.add(entity.first("supplier"));
                members.add(entity.first("recipient"));
            }
        } else if (entity.dataset().equals(ListSource.ASPI_UNITRACKER.id()) && ConvergenceModel.isA(entity.schema(), "Organization")
                && entity.values("classification").stream().anyMatch(DEFENCE_CATEGORIES::contains)) {
            members.add(entity.id());
        }
    }

    boolean contains(String id) {
        return members.contains(id);
    }
}

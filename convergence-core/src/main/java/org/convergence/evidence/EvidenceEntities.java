package org.convergence.evidence;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.convergence.evidence.EvidenceRecords.Claim;
import org.convergence.evidence.EvidenceRecords.Event;
import org.convergence.evidence.EvidenceRecords.Party;
import org.convergence.evidence.EvidenceRecords.Source;
import org.convergence.model.ConvergenceModel;
import org.convergence.model.Entity;
import org.convergence.model.EntityBuilder;

/**
 * Maps the evidence base to FtM entities: parties to Organization, Company, PublicBody or Person;
 * events to CooperationEvent, whose suppliers, recipients and authorities keep their roles and every
 * other party is involved. Each value that a source gives carries that source's URL as its
 * statement source, so claims that disagree stand side by side, each with its own source.
 */
public final class EvidenceEntities {
    /** Prefix of every entity id of the evidence base: ids are namespaced by dataset. */
    public static final String ID_PREFIX = "cvg-";

    private EvidenceEntities() {}

    public static String partyId(String party) {
        return ID_PREFIX + "party-" + party;
    }

    public static String eventId(String event) {
        return ID_PREFIX + "event-" + event;
    }

    /** The entities of a valid evidence base (validate first). */
    public static List<Entity> of(EvidenceBase base, String dataset, ConvergenceModel model) {
        List<Entity> entities = new ArrayList<>();
        for (Party party : base.parties()) {
            EntityBuilder builder = Entity.builder(model.requireSchema(party.schema()), partyId(party.id()), dataset)
                    .source(party.origin().file());
            builder.add("name", party.name()).addAll("name", party.names()).addAll("alias", party.aliases());
            if (party.country() != null) {
                builder.add("country", party.country());
            }
            entities.add(builder.build());
        }
        for (Event event : base.events()) {
            entities.add(event(event, dataset, model));
        }
        return entities;
    }

    private static Entity event(Event event, String dataset, ConvergenceModel model) {
        EntityBuilder builder = Entity.builder(model.requireSchema("CooperationEvent"), eventId(event.id()), dataset)
                .source(event.sources().isEmpty() ? event.origin().file() : event.sources().get(0).url());
        builder.add("name", event.summary()).add("date", event.date()).add("technologyDomain", event.domain())
                .add("eventType", event.type()).add("direction", event.direction());
        if (event.endDate() != null) {
            builder.add("endDate", event.endDate());
        }
        if (event.item() != null) {
            builder.add("item", event.item());
        }
        if (event.notes() != null) {
            builder.add("description", event.notes());
        }
        for (Map.Entry<String, List<String>> role : event.parties().entrySet()) {
            String property = switch (role.getKey()) {
                case "supplier" -> "supplier";
                case "recipient" -> "recipient";
                case "authority" -> "authority";
                default -> "involved";
            };
            for (String party : role.getValue()) {
                builder.add(property, partyId(party));
            }
        }
        for (Source source : event.sources()) {
            builder.source(source.url()).add("sourceUrl", source.url()).add("publisher", source.publisher());
        }
        for (Claim claim : event.claims()) {
            builder.source(claim.source());
            if (claim.quantity() != null) {
                builder.add("quantity", claim.quantity().toPlainString());
            }
            if (claim.value() != null) {
                builder.add("amount", claim.value().amount().toPlainString()).add("currency", claim.value().currency());
                if (claim.value().year() != null) {
                    builder.add("amountYear", claim.value().year().toString());
                }
            }
        }
        return builder.build();
    }
}

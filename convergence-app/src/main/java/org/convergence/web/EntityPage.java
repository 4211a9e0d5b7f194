package org.convergence.web;

import java.util.List;
import org.convergence.model.Statement;

/**
 * One entity: its names in every script with their transliteration, every statement about it (value, language, the value as the source wrote it, and
 * the source); what points at it, read as an analyst asks: its listings (authority, program, date,
 * reason), the co-operation events it takes part in, and its other relations; and for a co-operation
 * event or transfer its record: parties, item, the claims side by side, and the sources; and its place in the
 * exposure graph.
 *
 * @param event the record of an event or transfer, or null for any other entity
 * @param exposure its neighbourhood and paths in the exposure graph, or null for an entity not found
 */
public record EntityPage(String id, String caption, String schema, String dataset, List<Name> names, List<Statement> statements,
        List<Listing> listings, List<EventLink> events, List<Pointer> relations, EventRecord event, ExposureSection exposure) {
    public EntityPage {
        names = List.copyOf(names);
        statements = List.copyOf(statements);
        listings = List.copyOf(listings);
        events = List.copyOf(events);
        relations = List.copyOf(relations);
    }

    /** One of the entity's names as written, the script it is written in, and its Latin transliteration (empty for Latin script). */
    public record Name(String property, String name, String script, String latin) {}

    /** A Sanction that names the entity: who listed it, under which program, since when, and why. */
    public record Listing(String id, String authority, String program, String listed, String reason, String list) {}

    /** A co-operation event or transfer the entity takes part in, and in which role. */
    public record EventLink(String id, String date, String domain, String type, String role, String caption) {}

    /** Any other entity that points at this one: its id and what to call the link. */
    public record Pointer(String id, String label) {}

    /** True for a value to show as a link. */
    public static boolean isLink(String text) {
        return EventRecord.isLink(text);
    }
}

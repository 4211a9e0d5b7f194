package org.convergence.web;

import java.util.List;
import org.convergence.model.Statement;

/**
 * One entity with every statement about it (value, language, the value as the source wrote it, and
 * the source), the entities that point at it (its listings, its relations), and for a co-operation
 * event or transfer its record: parties, item, the claims side by side, and the sources.
 *
 * @param event the record of an event or transfer, or null for any other entity
 */
public record EntityPage(String id, String caption, String schema, String dataset, List<Statement> statements, List<Pointer> pointers,
        EventRecord event) {

    /** An entity that points at this one, e.g. a Sanction: its id and what to call the link. */
    public record Pointer(String id, String label) {}

    /** True for a value to show as a link. */
    public static boolean isLink(String text) {
        return EventRecord.isLink(text);
    }
}

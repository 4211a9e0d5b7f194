package org.convergence.web;

import java.util.List;
import org.convergence.model.Statement;

/**
 * One entity with every statement about it (value, language, the value as the source wrote it, and
 * the source), and the entities that point at it (its listings, its relations).
 */
public record EntityPage(String id, String caption, String schema, String dataset, List<Statement> statements, List<Pointer> pointers) {

    /** An entity that points at this one, e.g. a Sanction: its id and what to call the link. */
    public record Pointer(String id, String label) {}
}

package org.convergence.accounts;

import java.time.Instant;
import java.util.List;

/** A team's workspace: its screening requests, decisions and workbench runs are seen by its members only. */
public record Workspace(String name, Instant created, List<String> members) {
    public Workspace {
        members = List.copyOf(members);
    }
}

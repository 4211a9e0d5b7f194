package org.convergence.web;

import java.util.List;
import org.convergence.lists.ListDiff;
import org.convergence.store.DatasetVersion;

/**
 * What changed between two versions of a list (by default its last two), the versions there are to
 * choose from, or why there is nothing to compare.
 */
public record DiffPage(String source, DatasetVersion from, DatasetVersion to, List<DatasetVersion> versions, List<String> added,
        List<String> removed, List<ListDiff.Change> changed, String message) {
    public DiffPage {
        versions = List.copyOf(versions);
        added = List.copyOf(added);
        removed = List.copyOf(removed);
        changed = List.copyOf(changed);
    }

    /** A page that says why there is nothing to compare. */
    static DiffPage message(String source, String message) {
        return new DiffPage(source, null, null, List.of(), List.of(), List.of(), List.of(), message);
    }

    /** The query that asks for these two versions again, for links and the download. */
    public String query() {
        return from == null ? "" : "?from=" + from.version() + "&to=" + to.version();
    }
}

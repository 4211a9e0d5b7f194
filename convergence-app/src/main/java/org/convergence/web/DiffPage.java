package org.convergence.web;

import java.util.List;
import org.convergence.lists.ListDiff;

/** What changed between the last two versions of a list, or why there is nothing to compare. */
public record DiffPage(String source, String from, String to, List<String> added, List<String> removed, List<ListDiff.Change> changed,
        String message) {}

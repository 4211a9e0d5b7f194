package org.convergence.model;

/**
 * The names of the datasets Convergence itself fills, which analytics, the workbench and the commands read: the curated
 * evidence base and the SIPRI arms-transfer register. The official lists' dataset names are their source ids
 * ({@code org.convergence.lists.ListSource}).
 */
public final class Datasets {
    /** The curated co-operation events of the repository's {@code evidence/} folder, as {@code convergence evidence load} imports them. */
    public static final String EVIDENCE = "evidence";
    /** The SIPRI arms-transfer register, as {@code convergence import sipri} imports it by default. */
    public static final String SIPRI = "sipri";

    private Datasets() {}
}

package org.convergence.screening;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.convergence.ConvergenceException;
import org.convergence.ErrorCategory;
import org.convergence.store.DatasetVersion;

/**
 * Where a screening request looks: a scope as the caller names it ("all" or one dataset), narrowed to
 * the datasets it includes and less those it excludes, resolved once against the datasets the index
 * holds. Every face (API, command line, workbench, audit log) resolves scopes here, so an unknown
 * name gets the same answer everywhere.
 *
 * @param name the scope as named ("all", "ca-sema")
 * @param datasets the datasets searched, sorted; all of the scope's unless narrowed
 * @param narrowed true when include or exclude left out some of the scope's datasets
 */
public record Scope(String name, Set<String> datasets, boolean narrowed) {
    public static final String ALL = "all";

    /**
     * A scope as a caller asks for it, before it is resolved against the store's datasets.
     *
     * @param name "all" or a dataset; null or blank means "all"
     * @param include the datasets to keep to (empty: the whole scope)
     * @param exclude the datasets to leave out
     */
    public record Spec(String name, List<String> include, List<String> exclude) {
        public Spec {
            name = name == null || name.isBlank() ? ALL : name;
            include = include == null ? List.of() : List.copyOf(include);
            exclude = exclude == null ? List.of() : List.copyOf(exclude);
        }

        /** A whole scope: "all" or one dataset. */
        public static Spec of(String name) {
            return new Spec(name, List.of(), List.of());
        }

        /** The scope as the audit log records it, before resolution: "all", "all +ca-sema -un-sc". */
        public String label() {
            StringBuilder label = new StringBuilder(name);
            include.forEach(dataset -> label.append(" +").append(dataset));
            exclude.forEach(dataset -> label.append(" -").append(dataset));
            return label.toString();
        }
    }

    /** Resolves a spec (see {@link #resolve(String, Collection, Collection, Collection)}). */
    public static Scope resolve(Spec spec, Collection<DatasetVersion> versions) {
        return resolve(spec.name(), spec.include(), spec.exclude(), versions);
    }

    public Scope {
        datasets = Set.copyOf(new TreeSet<>(datasets));
    }

    /** The scope "all" over the datasets of these versions. */
    public static Scope all(Collection<DatasetVersion> versions) {
        return resolve(ALL, List.of(), List.of(), versions);
    }

    /**
     * Resolves a scope, narrowed by {@code include} (when not empty) and {@code exclude}.
     *
     * @throws ConvergenceException NOT_FOUND for a scope that is neither "all" nor a dataset, naming
     *     the scopes there are; INVALID_INPUT for an included or excluded dataset the store does not hold
     */
    public static Scope resolve(String name, Collection<String> include, Collection<String> exclude, Collection<DatasetVersion> versions) {
        Set<String> known = new TreeSet<>();
        versions.forEach(version -> known.add(version.dataset()));
        String scope = name == null || name.isBlank() ? ALL : name;
        if (!scope.equals(ALL) && !known.contains(scope)) {
            throw new ConvergenceException(ErrorCategory.NOT_FOUND,
                    "no scope '%s': use '%s' or one of the datasets %s".formatted(shorten(scope), ALL, known));
        }
        List<String> named = new ArrayList<>(include);
        named.addAll(exclude);
        for (String dataset : named) {
            if (!known.contains(dataset)) {
                throw new ConvergenceException(ErrorCategory.INVALID_INPUT,
                        "include_dataset/exclude_dataset name '%s', which the store does not hold; datasets are %s".formatted(shorten(dataset), known));
            }
        }
        Set<String> datasets = new TreeSet<>(scope.equals(ALL) ? known : Set.of(scope));
        int before = datasets.size();
        if (!include.isEmpty()) {
            datasets.retainAll(include);
        }
        datasets.removeAll(exclude);
        return new Scope(scope, datasets, datasets.size() != before);
    }

    private static String shorten(String value) {
        return value.length() > 80 ? value.substring(0, 80) + "…" : value;
    }
}

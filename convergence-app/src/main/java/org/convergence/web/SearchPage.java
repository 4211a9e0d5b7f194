package org.convergence.web;

import java.util.List;
import java.util.Map;
import org.convergence.analytics.Flow;

/**
 * The search page: parties found by name in every list and dataset (with counts by kind and by list as
 * facets), and the co-operation events whose parties name the query.
 */
public record SearchPage(String query, List<Hit> entities, Map<String, Long> facets, List<Flow> events) {

    /** One party found, with its search score. */
    public record Hit(String id, String caption, String schema, String dataset, String score) {}
}

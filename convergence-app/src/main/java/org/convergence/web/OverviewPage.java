package org.convergence.web;

import java.util.List;
import org.convergence.analytics.ConvergenceAnalytics;
import org.convergence.analytics.Flow;

/**
 * What the overview shows: the heatmap; the direction of flows over time (per year, and per period);
 * breadth over time; the brokers and communities of the co-operation network per period; the latest
 * curated events; and the state of the lists.
 */
public record OverviewPage(Heatmap heatmap, Timeline timeline, List<ConvergenceAnalytics.PeriodFlows> flows, Timeline breadth, NetworkTables network,
        List<Flow> latest, List<ListRow> lists) {
    public OverviewPage {
        flows = List.copyOf(flows);
        latest = List.copyOf(latest);
        lists = List.copyOf(lists);
    }
}

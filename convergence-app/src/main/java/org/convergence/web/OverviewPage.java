package org.convergence.web;

import java.util.List;
import org.convergence.analytics.ConvergenceAnalytics;

/** What the overview shows: the heatmap, the direction of flows per period, and the state of the lists. */
public record OverviewPage(Heatmap heatmap, List<ConvergenceAnalytics.PeriodFlows> flows, List<ListRow> lists) {}

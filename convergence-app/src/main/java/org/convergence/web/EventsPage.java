package org.convergence.web;

import java.util.List;
import org.convergence.analytics.Flow;

/** The events page: the filter as given, the domains to choose from, and the events and transfers it keeps. */
public record EventsPage(String from, String to, String domain, String party, List<String> domains, List<Flow> rows) {}

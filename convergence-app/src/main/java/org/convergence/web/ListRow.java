package org.convergence.web;

/** One official list as the workbench shows it: its latest version in the store, or "-" when not imported. */
public record ListRow(String id, String title, String version, String dataDate, String entities, String lastUpdate) {}

package org.convergence.cli;

import picocli.CommandLine;

/** The {@code convergence} executable. */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs a command line and returns its exit code (for tests and the launcher). */
    public static int run(String... args) {
        return ConvergenceCommand.commandLine().execute(args);
    }
}

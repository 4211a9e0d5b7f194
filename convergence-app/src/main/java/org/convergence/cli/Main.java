package org.convergence.cli;

import java.util.logging.Level;
import java.util.logging.Logger;
import picocli.CommandLine;

/** The {@code convergence} executable. */
public final class Main {
    /**
     * Lucene says at start-up, through java.util.logging, that it could use the incubating Vector API;
     * the message means nothing to a user and the vector paths matter little for this index. Held in
     * a field because java.util.logging keeps loggers only weakly.
     */
    private static final Logger LUCENE_VECTORIZATION = Logger.getLogger("org.apache.lucene.internal.vectorization");

    private Main() {}

    public static void main(String[] args) {
        LUCENE_VECTORIZATION.setLevel(Level.SEVERE);
        System.exit(run(args));
    }

    /** Runs a command line and returns its exit code (for tests and the launcher). */
    public static int run(String... args) {
        return ConvergenceCommand.commandLine().execute(args);
    }
}

package org.convergence.cli;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import picocli.CommandLine;

/**
 * One run of the command line in the test's JVM, as a user types it: its exit code and what it wrote
 * to standard output and standard error.
 */
record CommandRun(int exitCode, String out, String err) {

    /** A run with {@code input} on standard input, as a script pipes it in. */
    static CommandRun withInput(String input, String... args) {
        InputStream saved = System.in;
        System.setIn(new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)));
        try {
            return of(args);
        } finally {
            System.setIn(saved);
        }
    }

    /** A run on the store in {@code data} ({@code --data DIR} added), with {@code input} on standard input. */
    static CommandRun onStore(Path data, String input, String... args) {
        String[] all = Arrays.copyOf(args, args.length + 2);
        all[args.length] = "--data";
        all[args.length + 1] = data.toString();
        return withInput(input, all);
    }

    static CommandRun of(String... args) {
        CommandLine commandLine = ConvergenceCommand.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        int exitCode = commandLine.execute(args);
        return new CommandRun(exitCode, out.toString(), err.toString());
    }
}

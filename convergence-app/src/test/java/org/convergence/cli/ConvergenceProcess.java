package org.convergence.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * The command line in a process of its own, on the test's class path, as a user runs it in a second terminal: for
 * what one JVM cannot show (a file lock between processes, a kill -9). Its output (standard output and error
 * together) is read line by line.
 */
final class ConvergenceProcess implements AutoCloseable {
    private final Process process;
    private final BufferedReader output;
    private final StringBuilder seen = new StringBuilder();

    private ConvergenceProcess(Process process) {
        this.process = process;
        this.output = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    }

    /** Starts {@code convergence ARGS...}; {@code prefix} comes before the JVM (a shell that sets a limit first). */
    static ConvergenceProcess start(List<String> prefix, String... args) throws IOException {
        List<String> command = new ArrayList<>(prefix);
        command.addAll(List.of(javaBinary(), "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        command.addAll(List.of(args));
        return new ConvergenceProcess(new ProcessBuilder(command).redirectErrorStream(true).start());
    }

    static ConvergenceProcess start(String... args) throws IOException {
        return start(List.of(), args);
    }

    /** Another main class on the test's class path, in its own JVM. */
    static ConvergenceProcess startMain(Class<?> main, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(javaBinary(), "-cp", System.getProperty("java.class.path"), main.getName()));
        command.addAll(List.of(args));
        return new ConvergenceProcess(new ProcessBuilder(command).redirectErrorStream(true).start());
    }

    private static String javaBinary() {
        return ProcessHandle.current().info().command().orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }

    /** Reads output until a line matches, and returns it; fails when the output ends first. */
    String awaitLine(Predicate<String> wanted) throws IOException {
        for (String line; (line = output.readLine()) != null; ) {
            seen.append(line).append('\n');
            if (wanted.test(line)) {
                return line;
            }
        }
        throw new AssertionError("the process ended (exit " + exitCode() + ") without the expected line; its output:\n" + seen);
    }

    /** The rest of the output, once the process has ended, and its exit code. */
    int awaitExit() throws IOException, InterruptedException {
        for (String line; (line = output.readLine()) != null; ) {
            seen.append(line).append('\n');
        }
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            throw new AssertionError("the process did not end; its output:\n" + seen);
        }
        return process.exitValue();
    }

    String output() {
        return seen.toString();
    }

    long pid() {
        return process.pid();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** kill -9: the process gets no chance to close anything. Its output can no longer be read. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            throw new AssertionError("the process did not die");
        }
    }

    private Integer exitCode() {
        return process.isAlive() ? null : process.exitValue();
    }

    /** Stops the process as Ctrl-C does (SIGTERM: shutdown hooks run), or kills it when it does not stop. */
    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            kill();
        }
    }
}

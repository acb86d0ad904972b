package io.mproc.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A real child JVM for cross-process tests: same {@code java}, same class path, mproc's JVM
 * flags, a {@code main} class of the tests. Its stdout and stderr are merged, echoed to this
 * JVM's stdout with a prefix (so they land in the Surefire report), and kept as lines that a
 * test can wait for: children print a line such as {@code READY} when they are set up.
 *
 * <p>{@link #close()} kills the child if it still runs, so try-with-resources never leaks one.
 */
public final class ChildJvm implements AutoCloseable {
    private final String label;
    private final Process process;
    private final BlockingQueue<String> unread = new LinkedBlockingQueue<>();
    private final List<String> allLines = new CopyOnWriteArrayList<>();
    private final Thread pump;

    private ChildJvm(String label, Process process) {
        this.label = label;
        this.process = process;
        this.pump = Thread.ofPlatform().daemon().name("child-output-" + label).start(this::pumpOutput);
    }

    /** Starts {@code mainClass} in a new JVM with {@code args}, and extra JVM options first. */
    public static ChildJvm start(Class<?> mainClass, List<String> jvmOptions, String... args) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("--enable-native-access=ALL-UNNAMED");
        command.add("-XX:+UseSerialGC");
        command.add("-XX:TieredStopAtLevel=4");
        command.add("-Xshare:auto");
        String root = System.getProperty("mproc.dir");
        if (root != null) {
            command.add("-Dmproc.dir=" + root);
        }
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(mainClass.getName());
        command.addAll(List.of(args));
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            return new ChildJvm(mainClass.getSimpleName() + "#" + process.pid(), process);
        } catch (IOException failed) {
            throw new IllegalStateException("cannot start child JVM " + command, failed);
        }
    }

    /** Starts {@code mainClass} in a new JVM with {@code args}. */
    public static ChildJvm start(Class<?> mainClass, String... args) {
        return start(mainClass, List.of(), args);
    }

    public long pid() {
        return process.pid();
    }

    public Process process() {
        return process;
    }

    /** Waits for the next output line that starts with {@code prefix}; fails on timeout or exit. */
    public String awaitLine(String prefix, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            long left = deadline - System.nanoTime();
            String line = unread.poll(Math.max(0, Math.min(left, 50_000_000L)), TimeUnit.NANOSECONDS);
            if (line != null) {
                if (line.startsWith(prefix)) {
                    return line;
                }
                continue;
            }
            if (!process.isAlive() && !pump.isAlive() && unread.isEmpty()) {
                throw new AssertionError(label + " exited with " + process.exitValue()
                    + " before printing \"" + prefix + "\"; output:\n" + String.join("\n", allLines));
            }
            if (left <= 0) {
                throw new AssertionError(label + " did not print \"" + prefix + "\" within " + timeout
                    + "; output so far:\n" + String.join("\n", allLines));
            }
        }
    }

    /** Waits for the child to exit and returns its exit code; kills it and fails on timeout. */
    public int awaitExit(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly().waitFor();
            throw new AssertionError(label + " still running after " + timeout + "; killed. Output:\n"
                + String.join("\n", allLines));
        }
        pump.join(5_000);
        return process.exitValue();
    }

    /** Waits for exit and fails unless the exit code is 0. */
    public void awaitSuccess(Duration timeout) throws InterruptedException {
        int code = awaitExit(timeout);
        if (code != 0) {
            throw new AssertionError(label + " exited with " + code + "; output:\n" + String.join("\n", allLines));
        }
    }

    /** SIGKILL, and wait until the kernel has reaped it. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    /** Every line the child printed so far. */
    public List<String> output() {
        return List.copyOf(allLines);
    }

    /** Kills the child if it still runs and waits until it is reaped. */
    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroyForcibly();
            // Not interruptible: a test that is torn down must still not leak the child.
            boolean interrupted = false;
            while (true) {
                try {
                    process.waitFor();
                    break;
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void pumpOutput() {
        try (BufferedReader reader = new BufferedReader(
            new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                allLines.add(line);
                unread.add(line);
                System.out.println("[" + label + "] " + line);
            }
        } catch (IOException closed) {
            // the child is gone
        }
    }
}

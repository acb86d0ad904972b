package io.mproc.bench.floor;

import io.mproc.bench.latency.Stats;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Times {@code java -cp hello.jar Hello} with the JDK the bench runs on, from just before the
 * process is spawned to the first statement of its {@code main} (which prints its
 * {@link System#nanoTime()}): the cost of any JVM start, which mproc's child start (from
 * {@code start()} to the target's first statement) is compared with. The JVM's exit is waited
 * for but not timed, as a child's is not.
 *
 * <p>The command is exactly {@code java -cp <hello.jar> Hello}: no JVM option, the JDK's own
 * class-data archive, the default collector. Standard error is discarded; standard output is
 * the pipe the time is read from.
 */
public final class JvmStartFloor {

    private static final long EXIT_TIMEOUT_SECONDS = 60;

    private final List<String> command;

    public JvmStartFloor(Path helloJar) {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        this.command = List.of(java, "-cp", helloJar.toString(), HelloJar.MAIN_CLASS);
    }

    /** Start-to-main times in milliseconds of {@code runs} starts, after one untimed start. */
    public double[] measure(int runs) throws IOException, InterruptedException {
        startToMainNanos(); // fills the page cache with the JDK's files, as it is for every later child
        double[] millis = new double[runs];
        for (int i = 0; i < runs; i++) {
            millis[i] = startToMainNanos() / 1e6;
        }
        return millis;
    }

    public static double median(double[] millis) {
        return Stats.median(millis);
    }

    /**
     * Starts {@code Hello} once and returns the nanoseconds from just before the spawn to its
     * {@code main}'s first statement; waits for it to exit with 0.
     */
    public long startToMainNanos() throws IOException, InterruptedException {
        long start = System.nanoTime();
        Process process = new ProcessBuilder(command)
            .redirectError(ProcessBuilder.Redirect.DISCARD)
            .start();
        String line;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
            StandardCharsets.US_ASCII))) {
            line = out.readLine();
        }
        if (!process.waitFor(EXIT_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
            throw new IOException("java Hello did not exit within " + EXIT_TIMEOUT_SECONDS + " s");
        }
        if (process.exitValue() != 0 || line == null) {
            throw new IOException("java Hello exited with " + process.exitValue() + " after printing " + line
                + ": " + command);
        }
        try {
            return Long.parseLong(line.strip()) - start;
        } catch (NumberFormatException notATime) {
            throw new IOException("java Hello printed " + line + " (expected: its System.nanoTime())", notATime);
        }
    }
}

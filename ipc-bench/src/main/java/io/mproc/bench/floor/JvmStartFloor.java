package io.mproc.bench.floor;

import io.mproc.bench.latency.Stats;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Times {@code java -cp hello.jar Hello} with the JDK the bench runs on, from process start to
 * its exit: the cost of any JVM start, which mproc's child start is compared with.
 */
public final class JvmStartFloor {

    private final List<String> command;

    public JvmStartFloor(Path helloJar) {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        this.command = List.of(java, "-cp", helloJar.toString(), HelloJar.MAIN_CLASS);
    }

    /** Start-to-exit times in milliseconds of {@code runs} starts, after one untimed start. */
    public double[] measure(int runs) throws IOException, InterruptedException {
        startOnce(); // fills the page cache with the JDK's files, as it is for every later child
        double[] millis = new double[runs];
        for (int i = 0; i < runs; i++) {
            millis[i] = startOnce() / 1e6;
        }
        return millis;
    }

    public static double median(double[] millis) {
        return Stats.median(millis);
    }

    private long startOnce() throws IOException, InterruptedException {
        long start = System.nanoTime();
        Process process = new ProcessBuilder(command)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .redirectError(ProcessBuilder.Redirect.DISCARD)
            .start();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
            throw new IOException("java Hello did not exit within 60 s");
        }
        long elapsed = System.nanoTime() - start;
        if (process.exitValue() != 0) {
            throw new IOException("java Hello exited with " + process.exitValue() + ": " + command);
        }
        return elapsed;
    }
}

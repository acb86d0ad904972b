package io.mproc.bench.machine;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/** Runs a short external program (cc, the C floor) to completion, with a time limit. */
public final class Command {

    /** How a finished program ended and what it printed. */
    public record Outcome(int exitCode, String stdout, String stderr) {
        public List<String> stdoutLines() {
            return stdout.lines().toList();
        }
    }

    private Command() {
    }

    /**
     * Runs {@code command} in {@code dir}; kills it and throws if it runs longer than
     * {@code timeout}. Output is read while it runs so that a chatty program never blocks.
     */
    public static Outcome run(List<String> command, Path dir, Duration timeout) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).directory(dir.toFile()).start();
        process.getOutputStream().close();
        CompletableFuture<String> out = CompletableFuture.supplyAsync(() -> drain(process.getInputStream()));
        CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> drain(process.getErrorStream()));
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly().waitFor();
            throw new IOException("timed out after " + timeout + ": " + String.join(" ", command));
        }
        try {
            return new Outcome(process.exitValue(), out.get(), err.get());
        } catch (ExecutionException failed) {
            throw new IOException("cannot read output of " + command, failed.getCause());
        }
    }

    private static String drain(InputStream stream) {
        try (stream) {
            return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException closed) {
            return "";
        }
    }
}

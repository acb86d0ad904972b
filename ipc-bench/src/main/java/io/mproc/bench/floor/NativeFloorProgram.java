package io.mproc.bench.floor;

import io.mproc.bench.Counts;
import io.mproc.bench.latency.LatencySummary;
import io.mproc.bench.latency.RepeatedLatency;
import io.mproc.bench.machine.Command;
import io.mproc.bench.machine.Executables;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The C floor program: its source ships in the jar ({@code src/main/c/floor.c}); each run
 * compiles it with {@code cc -O2} into the output directory, so the floor is built for and
 * measured on the machine of the run.
 */
public final class NativeFloorProgram {

    private static final String SOURCE = "native/floor.c";

    private final Path executable;

    private NativeFloorProgram(Path executable) {
        this.executable = executable;
    }

    /** Thrown when the floor cannot be built here; the message is the report's note. */
    public static final class UnavailableException extends Exception {
        private static final long serialVersionUID = 1L;

        UnavailableException(String reason) {
            super(reason);
        }
    }

    /** Compiles the program into {@code outDir}. */
    public static NativeFloorProgram build(Path outDir)
        throws UnavailableException, IOException, InterruptedException {
        String cc = Executables.find("cc");
        if (cc == null) {
            throw new UnavailableException("no C compiler (cc) on the PATH: C floors skipped, ratios to them not judged");
        }
        Path source = outDir.resolve("floor.c");
        try (InputStream in = NativeFloorProgram.class.getResourceAsStream(SOURCE)) {
            if (in == null) {
                throw new IOException("floor.c missing from the class path at " + SOURCE);
            }
            Files.copy(in, source, StandardCopyOption.REPLACE_EXISTING);
        }
        Path executable = outDir.resolve("floor");
        Command.Outcome compiled = Command.run(
            List.of(cc, "-O2", "-o", executable.toString(), source.toString(), "-lm"), outDir, Duration.ofSeconds(60));
        if (compiled.exitCode() != 0) {
            throw new UnavailableException("cc failed on floor.c (C floors skipped): " + compiled.stderr().strip());
        }
        return new NativeFloorProgram(executable);
    }

    /**
     * Runs one floor: {@code test} is "spin", "spin-pause", "futex" or "futex-asleep" (see
     * floor.c); {@code cpuA} times, {@code cpuB}
     * echoes (-1 leaves a side unpinned; equal CPUs put both on one core).
     */
    public RepeatedLatency run(String test, int cpuA, int cpuB, Counts counts, Duration timeout)
        throws IOException, InterruptedException {
        Command.Outcome outcome = Command.run(List.of(executable.toString(), test, Integer.toString(cpuA),
            Integer.toString(cpuB), Long.toString(counts.warmup()), Integer.toString(counts.reps()),
            Long.toString(counts.perRep())), executable.getParent(), timeout);
        if (outcome.exitCode() != 0) {
            throw new IOException("floor " + test + " exited with " + outcome.exitCode() + ": " + outcome.stderr().strip());
        }
        List<LatencySummary> reps = outcome.stdoutLines().stream()
            .map(FloorLine::parse).flatMap(Optional::stream).toList();
        if (reps.size() != counts.reps()) {
            throw new IOException("floor " + test + " printed " + reps.size() + " repetitions, expected "
                + counts.reps() + ":\n" + outcome.stdout());
        }
        return new RepeatedLatency(reps);
    }
}

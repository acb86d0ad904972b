package io.mproc.bench.python;

import io.mproc.bench.BenchContext;
import io.mproc.bench.Suite;
import io.mproc.bench.machine.Command;
import io.mproc.bench.machine.Executables;
import io.mproc.bench.result.TargetCatalog;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Python's {@code multiprocessing}, the system mproc replaces, measured in the same run by a
 * script of the project's own ({@code src/main/python/mp_bench.py}, shipped in the jar, copied
 * to the output folder and run with {@code python3}): Queue, Pipe and Event round trips, Queue
 * throughput, process start with fork and spawn, and a Pool of 2 ({@code apply} round trip,
 * {@code map} of x*x over 1..1,000,000, {@code apply_async} throughput). Subjects {@code queue},
 * {@code pipe}, {@code event}, {@code process-fork}, {@code process-spawn}, {@code pool-apply},
 * {@code pool-map-square-2-workers}, {@code pool-apply-async}; the report shows each beside
 * mproc's matching figure ({@code TargetCatalog}). Without {@code python3} on the PATH the suite
 * notes that it was skipped.
 */
public final class PythonSuite implements Suite {

    static final String SCRIPT = "mp_bench.py";
    private static final String RESOURCE = "script/" + SCRIPT;

    private final Supplier<String> pythonFinder;

    /** The suite run by {@code python3} from the PATH. */
    public PythonSuite() {
        this(() -> Executables.find("python3"));
    }

    /** The suite run by the interpreter {@code pythonFinder} names (null: none here). */
    PythonSuite(Supplier<String> pythonFinder) {
        this.pythonFinder = pythonFinder;
    }

    @Override
    public String name() {
        return TargetCatalog.PYTHON;
    }

    @Override
    public void run(BenchContext context) throws Exception {
        String python = pythonFinder.get();
        if (python == null) {
            context.note("python3 not on the PATH: Python multiprocessing was not measured (suite python skipped)");
            return;
        }
        Path script = copyScript(Files.createDirectories(context.outDir().resolve("python")));
        String size = sizeOption(context.profile().name());
        Command.Outcome outcome = Command.run(List.of(python, script.toString(), size), script.getParent(),
            timeout(context.profile().name()));
        if (outcome.exitCode() != 0) {
            throw new IOException(python + " " + SCRIPT + " " + size + " exited with " + outcome.exitCode() + ":\n"
                + outcome.stderr().strip());
        }
        PythonFigures figures = PythonFigures.of(outcome.stdoutLines());
        if (figures.isEmpty()) {
            throw new IOException(SCRIPT + " printed no figure:\n" + outcome.stdout() + outcome.stderr());
        }
        Map<String, String> info = figures.info();
        context.note(name() + ": Python " + info.getOrDefault("python", "?") + " ("
            + info.getOrDefault("implementation", "?") + ", " + python + "), start method "
            + info.getOrDefault("method", "?") + " (process-spawn: spawn), script size " + size.substring(2));
        figures.write(context.sink(), name());
    }

    /** The script's size option for a bench profile: {@code --smoke}, {@code --quick} or {@code --full}. */
    static String sizeOption(String profile) {
        return switch (profile) {
            case "smoke", "quick" -> "--" + profile;
            default -> "--full";
        };
    }

    private static Duration timeout(String profile) {
        return profile.equals("full") ? Duration.ofMinutes(20) : Duration.ofMinutes(3);
    }

    private static Path copyScript(Path dir) throws IOException {
        Path script = dir.resolve(SCRIPT);
        try (InputStream in = PythonSuite.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IOException(SCRIPT + " missing from the class path at " + RESOURCE);
            }
            Files.copy(in, script, StandardCopyOption.REPLACE_EXISTING);
        }
        return script;
    }
}

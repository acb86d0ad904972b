package io.mproc.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The command line of {@link BenchMain}:
 * {@code [--quick | --smoke] [--out DIR] [--suite NAME]... [--pin | --no-pin]}.
 */
public record BenchOptions(BenchProfile profile, Path out, List<String> suites, boolean pin) {

    /** Where results go when {@code --out} is not given (relative to the working directory). */
    public static final Path DEFAULT_OUT = Path.of("target", "bench-out");

    public static final String USAGE = """
        usage: BenchMain [--quick | --smoke] [--out DIR] [--suite NAME]... [--pin | --no-pin]
          --quick       every suite in under two minutes on 2 cores (fewer, shorter repetitions)
          --smoke       the smallest configuration: proves the pipeline, figures mean little
          --out DIR     where results.jsonl and report.md go (default target/bench-out)
          --suite NAME  run only this suite (repeatable): floors, pingpong, handoff, throughput,
                        start, pool, fixedrate, python, jmh (jmh runs unnamed only in a full run)
          --pin         pin the measuring thread and the peer JVM to different CPUs (default)
          --no-pin      leave scheduling to the kernel
        """;

    public static BenchOptions parse(String... args) {
        BenchProfile profile = BenchProfile.full();
        Path out = DEFAULT_OUT;
        List<String> suites = new ArrayList<>();
        boolean pin = true;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--quick" -> profile = BenchProfile.quick();
                case "--smoke" -> profile = BenchProfile.smoke();
                case "--full" -> profile = BenchProfile.full();
                case "--pin" -> pin = true;
                case "--no-pin" -> pin = false;
                case "--out" -> out = Path.of(value(args, ++i, "--out"));
                case "--suite" -> suites.add(value(args, ++i, "--suite"));
                case "" -> { } // an empty -Dbench.args expands to one empty argument
                default -> throw new IllegalArgumentException("unknown option " + args[i] + "\n" + USAGE);
            }
        }
        return new BenchOptions(profile, out, List.copyOf(suites), pin);
    }

    /** Whether {@code suite} runs: all do when no {@code --suite} was given. */
    public boolean selects(String suite) {
        return suites.isEmpty() || suites.contains(suite);
    }

    private static String value(String[] args, int index, String option) {
        if (index >= args.length) {
            throw new IllegalArgumentException(option + " needs a value\n" + USAGE);
        }
        return args[index];
    }
}

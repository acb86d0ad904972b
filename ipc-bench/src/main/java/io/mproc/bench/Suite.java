package io.mproc.bench;

import java.util.Optional;

/** One group of benchmarks that the CLI can select by name ({@code --suite NAME}). */
public interface Suite {

    /** The suite's name: the {@code suite} of its figures and the value of {@code --suite}. */
    String name();

    /**
     * Why a run that names no suite leaves this one out in {@code profile} (empty: it runs). A
     * suite named with {@code --suite} always runs.
     */
    default Optional<String> skippedUnlessNamed(BenchProfile profile) {
        return Optional.empty();
    }

    /** Measures and writes the suite's figures to {@link BenchContext#sink()}. */
    void run(BenchContext context) throws Exception;
}

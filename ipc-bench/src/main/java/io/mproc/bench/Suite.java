package io.mproc.bench;

/** One group of benchmarks that the CLI can select by name ({@code --suite NAME}). */
public interface Suite {

    /** The suite's name: the {@code suite} of its figures and the value of {@code --suite}. */
    String name();

    /** Measures and writes the suite's figures to {@link BenchContext#sink()}. */
    void run(BenchContext context) throws Exception;
}

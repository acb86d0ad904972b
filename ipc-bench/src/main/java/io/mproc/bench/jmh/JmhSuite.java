package io.mproc.bench.jmh;

import io.mproc.bench.BenchContext;
import io.mproc.bench.BenchProfile;
import io.mproc.bench.Suite;
import io.mproc.bench.result.Figure;
import io.mproc.bench.result.ResultSink;
import io.mproc.bench.result.TargetCatalog;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

import java.lang.management.ManagementFactory;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The JMH benchmarks of this package, run from the bench: one forked JVM per benchmark and
 * parameter ({@code -f 1}), short warm-up and measurement iterations ({@link JmhPlan}). Subject
 * {@code <benchmark>-<method>-<param>} (e.g. {@code ring-claimCommitPoll-spsc}), metric
 * {@code ns_per_op} (the mean over iterations, {@code _min}/{@code _max} their range).
 *
 * <p>JMH takes seconds per benchmark even at its smallest, so a run without {@code --suite}
 * leaves it out in {@code --quick} and {@code --smoke} (the report says how to run it);
 * {@code --suite jmh} runs it at the profile's size, and {@code -Pjmh} runs JMH by itself.
 */
public final class JmhSuite implements Suite {

    static final String METRIC = "ns_per_op";

    @Override
    public String name() {
        return TargetCatalog.JMH;
    }

    @Override
    public Optional<String> skippedUnlessNamed(BenchProfile profile) {
        return profile.name().equals("full") ? Optional.empty() : Optional.of("JMH takes about a minute even with "
            + "-f 1 and short iterations, so --" + profile.name() + " leaves it out; run it with --suite jmh, or "
            + "JMH alone with -Pjmh (ipc-bench/README.md)");
    }

    @Override
    public void run(BenchContext context) throws Exception {
        JmhPlan plan = JmhPlan.of(context.profile());
        ChainedOptionsBuilder options = new OptionsBuilder()
            .include(JmhSuite.class.getPackageName() + "\\..*Benchmark")
            .forks(1)
            .warmupIterations(plan.warmupIterations())
            .warmupTime(TimeValue.milliseconds(plan.iterationTime().toMillis()))
            .measurementIterations(plan.measurementIterations())
            .measurementTime(TimeValue.milliseconds(plan.iterationTime().toMillis()))
            // The forks get this JVM's flags (what Agrona, Chronicle and FFM need), nothing else.
            .jvmArgs(ManagementFactory.getRuntimeMXBean().getInputArguments().toArray(String[]::new))
            .shouldFailOnError(true);
        context.note(name() + ": JMH -f 1, " + plan.warmupIterations() + " warm-up and "
            + plan.measurementIterations() + " measured iterations of " + plan.iterationTime().toMillis()
            + " ms per benchmark: a quick look, not a careful measurement");
        write(new Runner(options.build()).run(), context.sink(), name());
    }

    /** Writes each benchmark's mean and the range of its iterations. */
    static void write(Collection<RunResult> results, ResultSink sink, String suite) {
        for (RunResult run : results) {
            Result<?> primary = run.getPrimaryResult();
            List<String> paramValues = run.getParams().getParamsKeys().stream().sorted()
                .map(key -> run.getParams().getParam(key)).toList();
            String subject = subject(run.getParams().getBenchmark(), paramValues);
            String unit = primary.getScoreUnit().equals("ns/op") ? "ns" : primary.getScoreUnit();
            sink.add(new Figure(suite, subject, METRIC, primary.getScore(), unit));
            sink.add(new Figure(suite, subject, METRIC + "_min", primary.getStatistics().getMin(), unit));
            sink.add(new Figure(suite, subject, METRIC + "_max", primary.getStatistics().getMax(), unit));
        }
    }

    /**
     * {@code io.mproc.bench.jmh.RingBenchmark.claimCommitPoll} with {@code spsc} →
     * {@code ring-claimCommitPoll-spsc}: the class without "Benchmark", lower case, then the
     * method and the parameter values.
     */
    static String subject(String benchmark, List<String> paramValues) {
        String[] parts = benchmark.split("\\.");
        String type = parts[parts.length - 2].replace("Benchmark", "").toLowerCase(Locale.ROOT);
        StringBuilder subject = new StringBuilder(type).append('-').append(parts[parts.length - 1]);
        paramValues.forEach(value -> subject.append('-').append(value));
        return subject.toString();
    }
}

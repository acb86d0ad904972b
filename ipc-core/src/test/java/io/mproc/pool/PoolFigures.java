package io.mproc.pool;

import io.mproc.process.LaunchSettings;
import io.mproc.process.StartupCache;
import java.lang.ProcessBuilder.Redirect;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;

/**
 * Prints the pool's three headline figures: the {@code apply} round trip, {@code map(x -> x * x)}
 * over a million integers with two workers, and {@code applyAsync} throughput. Not a test and
 * not the benchmark (ipc-bench measures these properly); a quick look while developing:
 * {@code java --enable-native-access=ALL-UNNAMED -cp <test class path> io.mproc.pool.PoolFigures [rounds]}
 * ({@code -DspinMicros=N} sets the pool's {@link ProcessPoolBuilder#spinWait}).
 */
public final class PoolFigures {
    private PoolFigures() {
    }

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        StartupCache.prepare();
        LaunchSettings quiet = LaunchSettings.defaults().withStdout(Redirect.DISCARD);
        List<Integer> million = IntStream.rangeClosed(1, 1_000_000).boxed().toList();
        List<Integer> thousand = IntStream.range(0, 1000).boxed().toList();
        try (ProcessPool pool = ProcessPool.builder().workers(2).launchSettings(quiet).spinWait(Duration.ofNanos(1000 * Long.getLong("spinMicros", 100))).start()) {
            pool.map(x -> x * x, thousand);
            double[] applyMicros = new double[rounds];
            double[] mapMillions = new double[rounds];
            double[] asyncMillions = new double[rounds];
            for (int round = -2; round < rounds; round++) {
                double apply = applyRoundTripMicros(pool, 20_000);
                double map = mapMillionsPerSecond(pool, million);
                double async = applyAsyncMillionsPerSecond(pool, 200_000);
                if (round >= 0) {
                    applyMicros[round] = apply;
                    mapMillions[round] = map;
                    asyncMillions[round] = async;
                }
            }
            System.out.printf("apply round trip (median):                 %8.2f us  (target <= 10)%n", median(applyMicros));
            System.out.printf("map(x -> x*x, 1..1e6), 2 workers:           %8.2f M tasks/s  (target >= 20)%n",
                median(mapMillions));
            System.out.printf("applyAsync throughput:                      %8.2f M tasks/s  (target >= 1)%n",
                median(asyncMillions));
        }
    }

    /** The median of {@code calls} round trips, in microseconds. */
    private static double applyRoundTripMicros(ProcessPool pool, int calls) throws Exception {
        double[] micros = new double[calls];
        for (int i = 0; i < calls; i++) {
            long started = System.nanoTime();
            pool.apply((Integer x) -> x + 1, i);
            micros[i] = (System.nanoTime() - started) / 1e3;
        }
        return median(micros);
    }

    private static double mapMillionsPerSecond(ProcessPool pool, List<Integer> inputs) throws Exception {
        long started = System.nanoTime();
        List<Integer> squares = pool.map(x -> x * x, inputs);
        double seconds = (System.nanoTime() - started) / 1e9;
        if (squares.size() != inputs.size() || squares.get(999) != 1000 * 1000) {
            throw new AssertionError("wrong squares");
        }
        return inputs.size() / seconds / 1e6;
    }

    private static double applyAsyncMillionsPerSecond(ProcessPool pool, int tasks) {
        List<CompletableFuture<Integer>> futures = new ArrayList<>(tasks);
        long started = System.nanoTime();
        for (int i = 0; i < tasks; i++) {
            futures.add(pool.applyAsync((Integer x) -> x * x, i));
        }
        for (CompletableFuture<Integer> future : futures) {
            future.join();
        }
        return tasks / ((System.nanoTime() - started) / 1e9) / 1e6;
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}

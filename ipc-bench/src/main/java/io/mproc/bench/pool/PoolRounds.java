package io.mproc.bench.pool;

import io.mproc.bench.Counts;
import io.mproc.bench.latency.LatencyRecorder;
import io.mproc.bench.latency.LatencyRepetitions;
import io.mproc.bench.latency.RepeatedLatency;
import io.mproc.bench.latency.RepeatedValue;
import io.mproc.pool.ProcessPool;
import io.mproc.process.SerializableFunction;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.stream.LongStream;

/**
 * The three timed loops of the pool suite, on a pool already started. The task is always
 * {@link #SQUARE} on a {@code Long} (Python's {@code square}; a {@code Long} so that the squares
 * of numbers up to a million are right), one function object, so it travels to each worker
 * once. Every result is checked after the clock stops: a figure of wrong answers is no figure.
 */
final class PoolRounds {

    /** The trivial task: {@code x -> x * x}. */
    static final SerializableFunction<Long, Long> SQUARE = x -> x * x;

    private PoolRounds() {
    }

    /**
     * Fails unless a task runs in another process than this one: the figures are of tasks that
     * crossed to a worker JVM and back, never of a shortcut in the caller's.
     */
    static void checkTasksRunInWorkers(ProcessPool pool) throws InterruptedException, ExecutionException {
        long here = ProcessHandle.current().pid();
        long there = pool.apply(() -> ProcessHandle.current().pid());
        if (there == here) {
            throw new IllegalStateException("a task of the pool ran in the bench's own process " + here);
        }
    }

    /**
     * {@code counts.warmup()} untimed {@code apply} calls (both JVMs' JIT must finish), then
     * {@code counts.reps()} repetitions of {@code counts.perRep()} calls, each call timed alone
     * into an HdrHistogram.
     */
    static RepeatedLatency applyRoundTrips(ProcessPool pool, Counts counts)
        throws InterruptedException, ExecutionException {
        long argument = 0;
        for (long i = 0; i < counts.warmup(); i++) {
            Long x = ++argument;
            check(x, pool.apply(SQUARE, x));
        }
        LatencyRepetitions reps = new LatencyRepetitions(counts.reps());
        for (int rep = 0; rep < counts.reps(); rep++) {
            LatencyRecorder recorder = reps.begin();
            for (long i = 0; i < counts.perRep(); i++) {
                Long x = ++argument;
                long start = System.nanoTime();
                Long square = pool.apply(SQUARE, x);
                recorder.record(System.nanoTime() - start);
                check(x, square);
            }
            reps.end();
        }
        return reps.result();
    }

    /**
     * {@code pool.map(SQUARE, 1..tasks)} with the default chunk size (Python's), timed from the
     * call to its return; tasks per second of each timed batch. The input list is built before.
     */
    static RepeatedValue mapRates(ProcessPool pool, PoolPlan.Batches batches)
        throws InterruptedException, ExecutionException {
        List<Long> inputs = LongStream.rangeClosed(1, batches.tasks()).boxed().toList();
        double[] rates = new double[batches.reps()];
        for (int batch = -batches.warmups(); batch < batches.reps(); batch++) {
            long start = System.nanoTime();
            List<Long> squares = pool.map(SQUARE, inputs);
            long nanos = System.nanoTime() - start;
            checkAll(inputs, squares);
            if (batch >= 0) {
                rates[batch] = perSecond(batches.tasks(), nanos);
            }
        }
        return new RepeatedValue(rates);
    }

    /**
     * {@code tasks} calls of {@code pool.applyAsync(SQUARE, i)}, then {@code join()} of every
     * future, as Python's {@code apply_async} then {@code get()}; timed from the first call to the
     * last result, in tasks per second.
     */
    static RepeatedValue applyAsyncRates(ProcessPool pool, PoolPlan.Batches batches) {
        List<Long> inputs = LongStream.rangeClosed(1, batches.tasks()).boxed().toList();
        List<CompletableFuture<Long>> futures = new ArrayList<>(batches.tasks());
        double[] rates = new double[batches.reps()];
        for (int batch = -batches.warmups(); batch < batches.reps(); batch++) {
            futures.clear();
            long start = System.nanoTime();
            for (Long x : inputs) {
                futures.add(pool.applyAsync(SQUARE, x));
            }
            for (CompletableFuture<Long> future : futures) {
                future.join();
            }
            long nanos = System.nanoTime() - start;
            checkAll(inputs, futures.stream().map(CompletableFuture::join).toList());
            if (batch >= 0) {
                rates[batch] = perSecond(batches.tasks(), nanos);
            }
        }
        return new RepeatedValue(rates);
    }

    /** {@code tasks} in {@code nanos}, per second. */
    static double perSecond(long tasks, long nanos) {
        if (nanos <= 0) {
            throw new IllegalArgumentException("tasks=" + tasks + " in " + nanos + " ns (expected: a positive time)");
        }
        return tasks * 1e9 / nanos;
    }

    private static void checkAll(List<Long> inputs, List<Long> squares) {
        if (squares.size() != inputs.size()) {
            throw new IllegalStateException("pool returned " + squares.size() + " results for " + inputs.size()
                + " tasks");
        }
        for (int i = 0; i < inputs.size(); i++) {
            check(inputs.get(i), squares.get(i));
        }
    }

    private static void check(long x, Long square) {
        if (square == null || square != x * x) {
            throw new IllegalStateException("pool returned " + square + " as the square of " + x + " (expected: "
                + x * x + ")");
        }
    }
}

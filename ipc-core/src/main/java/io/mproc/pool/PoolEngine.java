package io.mproc.pool;

import java.io.IOException;
import java.lang.foreign.MemorySegment;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * What a {@link ProcessPool} is made of, wired together: its regions, the {@link Scheduler},
 * the {@link WorkerLauncher}, the {@link ResultCollector} on its own thread, and the
 * {@link FunctionRegistry}; and the checks and encoding every call makes in the caller's
 * thread before a job reaches the scheduler.
 */
final class PoolEngine {
    private static final ThreadLocal<ByteScratch> ARGUMENTS = ThreadLocal.withInitial(() -> new ByteScratch(256));
    private static final Set<PoolEngine> RUNNING = ConcurrentHashMap.newKeySet();
    private static boolean exitHookInstalled;

    private final PoolSettings settings;
    private final PoolRegions regions;
    private final Scheduler scheduler;
    private final FunctionRegistry functions;
    private final WorkerLauncher launcher;
    private final ResultCollector collector;
    private final CountDownLatch terminated = new CountDownLatch(1);
    private final int maxArgumentBytes;

    private PoolEngine(PoolSettings settings) {
        this.settings = settings;
        this.regions = PoolRegions.create(settings.name(), settings.namespace(), settings.workers(),
            settings.maxMessageBytes());
        this.maxArgumentBytes = settings.maxMessageBytes() - TaskMessageLayout.HEADER_LENGTH;
        this.scheduler = new Scheduler(settings.name(), settings.workers(), settings.maxTasksPerChild(),
            settings.retries(), new TaskWriter(settings.name()));
        this.functions = new FunctionRegistry(settings.name(),
            settings.maxMessageBytes() - TaskMessageLayout.DEFINE_HEADER_LENGTH);
        this.launcher = new WorkerLauncher(settings, regions, scheduler);
        scheduler.workers(launcher);
        IdleSpin waiting = new IdleSpin(settings.spinNanos(), settings.yields());
        this.collector = new ResultCollector(settings.name(), regions, scheduler, waiting, launcher::gone,
            this::terminated);
        launcher.collector(collector);
        Thread.ofPlatform().daemon().name(settings.name() + "-results").start(collector);
    }

    /**
     * Builds the pool and waits until its first workers are ready.
     *
     * @throws WorkerStartException if one cannot start (the pool is terminated by then)
     */
    static PoolEngine start(PoolSettings settings) {
        PoolEngine engine = new PoolEngine(settings);
        RUNNING.add(engine);
        installExitHook();
        for (int slot = 0; slot < settings.workers(); slot++) {
            engine.launcher.launchFirst(slot);
        }
        Throwable broken = engine.awaitReady();
        if (broken != null) {
            engine.awaitTerminationUninterruptibly();
            throw broken instanceof WorkerStartException start ? start
                : new WorkerStartException("pool " + settings.name() + " could not start: " + broken, broken);
        }
        return engine;
    }

    private Throwable awaitReady() {
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return scheduler.awaitReady(settings.workers());
                } catch (InterruptedException stop) {
                    interrupted = true; // the workers either get ready or die: the wait ends
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    PoolSettings settings() {
        return settings;
    }

    // ---- what calls turn into ----

    PoolFunction function(Object function, PoolFunction.Kind kind) {
        return functions.register(Objects.requireNonNull(function, "function"), kind);
    }

    /** The inputs as an array (Python also reads the whole input of {@code map} first). */
    Object[] arguments(Iterable<?> inputs) {
        if (inputs instanceof Collection<?> collection) {
            return collection.toArray();
        }
        List<Object> all = new ArrayList<>();
        inputs.forEach(all::add);
        return all.toArray();
    }

    <R> CompletableFuture<List<R>> map(PoolFunction function, String kind, Object[] arguments, int tasks,
                                       int chunksize) {
        if (chunksize < 0) {
            throw new IllegalArgumentException("chunksize=" + chunksize + " (expected: >= 1, or 0 for the default)");
        }
        int chunk = chunksize > 0 ? chunksize : defaultChunksize(tasks);
        MapJob<R> job = new MapJob<>(function, kind, arguments, tasks, chunk, collector);
        scheduler.submit(job);
        return job.future();
    }

    /** Python's: {@code ceil(tasks / (4 * workers))}, at least 1. */
    private int defaultChunksize(int tasks) {
        long perRound = 4L * settings.workers();
        return (int) Math.max(1, (tasks + perRound - 1) / perRound);
    }

    <R> ResultIterator<R> imap(PoolFunction function, String kind, Iterator<?> inputs, int chunksize, int maxAhead,
                               boolean ordered) {
        if (chunksize < 1) {
            throw new IllegalArgumentException("chunksize=" + chunksize + " (expected: >= 1)");
        }
        if (maxAhead < 0) {
            throw new IllegalArgumentException("maxAhead=" + maxAhead + " (expected: >= 1, or 0 for the default)");
        }
        int ahead = maxAhead > 0 ? maxAhead : (int) Math.min(1 << 20, (long) chunksize * 4 * settings.workers());
        ImapJob<R> job = new ImapJob<>(function, kind, inputs, Math.min(chunksize, ahead), ahead, ordered,
            scheduler::pump, collector);
        scheduler.submit(job);
        job.readAhead();
        return job;
    }

    <R> CompletableFuture<R> single(Object target, PoolFunction.Kind kind, String call, Object... arguments) {
        return submitted(new SingleTask<>(function(target, kind), call, encode(arguments), target, arguments,
            collector));
    }

    /** A {@link Runnable} task whose future's value is {@code result} (which stays in this JVM). */
    <R> CompletableFuture<R> runnable(Runnable target, R result) {
        return submitted(new SingleTask<>(function(target, PoolFunction.Kind.RUNNABLE), "submit", encode(new Object[0]),
            target, new Object[0], collector, result));
    }

    private <R> CompletableFuture<R> submitted(SingleTask<R> task) {
        scheduler.submit(task);
        return task.future();
    }

    /** The arguments of a single task, encoded here so that one that cannot be fails in the caller. */
    private byte[] encode(Object[] arguments) {
        ByteScratch scratch = ARGUMENTS.get();
        scratch.reset();
        for (int i = 0; i < arguments.length; i++) {
            try {
                ValueCodec.writeTagged(arguments[i], scratch);
            } catch (IOException notSerializable) {
                throw new IllegalArgumentException("pool " + settings.name() + ": argument " + i + " ("
                    + arguments[i].getClass().getName() + ") cannot be serialized: " + notSerializable, notSerializable);
            }
        }
        if (scratch.position() > maxArgumentBytes) {
            throw new IllegalArgumentException("pool " + settings.name() + ": arguments of " + scratch.position()
                + " bytes (expected: at most " + maxArgumentBytes + "; raise the pool's maxMessageBytes)");
        }
        byte[] encoded = new byte[scratch.position()];
        scratch.copyTo(MemorySegment.ofArray(encoded), 0);
        return encoded;
    }

    // ---- lifecycle ----

    void shutdown() {
        scheduler.shutdown();
    }

    List<Runnable> shutdownNow() {
        List<Job> unsent = scheduler.shutdownNow(new CancellationException("pool " + settings.name()
            + " was shut down (shutdownNow) before the task finished"));
        List<Runnable> runnable = new ArrayList<>();
        for (Job job : unsent) {
            runnable.add(((SingleTask<?>) job).runHere());
        }
        return runnable;
    }

    boolean isShutdown() {
        return scheduler.state() != Scheduler.State.RUNNING;
    }

    boolean isTerminated() {
        return terminated.getCount() == 0;
    }

    String stateName() {
        return scheduler.state().name().toLowerCase(Locale.ROOT);
    }

    Path regionDirectory() {
        return regions.namespace().directory();
    }

    List<Worker> aliveWorkers() {
        return scheduler.aliveWorkers();
    }

    /** Waits until the pool has terminated or the {@link System#nanoTime()} deadline passed. */
    boolean awaitTermination(long deadlineNanos) throws InterruptedException {
        if (deadlineNanos == Long.MAX_VALUE) {
            terminated.await();
            return true;
        }
        return terminated.await(deadlineNanos - System.nanoTime(), TimeUnit.NANOSECONDS);
    }

    void awaitTerminationUninterruptibly() {
        boolean interrupted = false;
        while (!isTerminated()) {
            try {
                terminated.await();
            } catch (InterruptedException stop) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** On the result thread, once the last worker is gone: nothing of the pool is left. */
    private void terminated() {
        try {
            launcher.close();
            regions.close();
        } finally {
            RUNNING.remove(this);
            terminated.countDown();
        }
    }

    /** At exit, the workers of pools still running are killed and their regions removed. */
    private static synchronized void installExitHook() {
        if (!exitHookInstalled) {
            exitHookInstalled = true;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                List<PoolEngine> pools = List.copyOf(RUNNING);
                pools.forEach(PoolEngine::shutdownNow);
                for (PoolEngine pool : pools) {
                    try {
                        pool.terminated.await(2, TimeUnit.SECONDS);
                    } catch (InterruptedException stop) {
                        return;
                    }
                }
            }, "mproc-pools-at-exit"));
        }
    }

    @Override
    public String toString() {
        return settings.name() + " (" + stateName() + ")";
    }
}

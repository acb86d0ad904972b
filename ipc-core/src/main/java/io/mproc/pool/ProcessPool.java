package io.mproc.pool;

import io.mproc.process.SerializableBiFunction;
import io.mproc.process.SerializableCallable;
import io.mproc.process.SerializableFunction;
import io.mproc.process.SerializableRunnable;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Python's {@code multiprocessing.Pool}, and a {@link ExecutorService}, over worker JVMs that
 * take their tasks from shared memory.
 *
 * <pre>{@code
 * try (ProcessPool pool = ProcessPool.create(4)) {
 *     List<Integer> squares = pool.map(x -> x * x, List.of(1, 2, 3));    // [1, 4, 9]
 *     CompletableFuture<Long> pid = pool.applyAsync(() -> ProcessHandle.current().pid());
 * }
 * }</pre>
 *
 * <h2>Tasks</h2>
 * A task is a serializable function and its arguments: a lambda typed as one of mproc's
 * {@code Serializable*} interfaces (which the methods here take, so a lambda written in the call
 * is serializable), with what it captures. Each distinct function travels to a worker once;
 * after that a task costs its arguments: a chunk of a {@code map} over numbers is a few bytes a
 * task. Arguments and results are serialized (boxed numbers, strings, {@code byte[]} without
 * Java serialization) and read behind the process layer's deserialization filter.
 *
 * <h2>Python's calls</h2>
 * {@link #map}, {@link #starmap} (pairs as {@link Map.Entry}), their {@code Async} forms,
 * {@link #imap} and {@link #imapUnordered} (lazy, see {@link ResultIterator}), {@link #apply}
 * and {@link #applyAsync}. The default chunk size of {@code map} is Python's:
 * {@code ceil(n / (4 * workers))}; {@code imap}'s is 1. Results come back in input order
 * (except {@code imapUnordered}). Where Python differs:
 * <ul>
 *   <li>{@code applyAsync} returns a {@link CompletableFuture}: Python's {@code callback} and
 *       {@code error_callback} are {@code thenAccept} and {@code exceptionally} (exactly one
 *       runs); {@code ready()}, {@code successful()} and {@code wait(t)} are {@code isDone()},
 *       {@code !isCompletedExceptionally()} and {@code get(t)}. Callbacks run on a thread that
 *       reads the pool's results: its result thread, or a thread waiting for a result of the
 *       pool (which reads results itself for a moment before it blocks). Keep them short;
 *       waiting there for another result of the pool throws an {@link IllegalStateException}
 *       (it could never come); use the {@code ...Async} forms of {@code CompletableFuture} to
 *       run such callbacks elsewhere.</li>
 *   <li>A failing task fails with its own exception, re-created in this JVM (its stack trace is
 *       the worker's; a class that cannot be re-created arrives as a
 *       {@link io.mproc.process.RemoteException} with the remote class name and trace),
 *       wrapped in an {@link ExecutionException} where Java expects one. {@code map} waits for
 *       every task, then reports the failure of the earliest failing task in input order
 *       (Python reports the first to arrive).</li>
 *   <li>A worker killed while it runs a task (SIGKILL, the OOM killer, {@code System.exit})
 *       fails that task with a {@link WorkerDiedException} naming the worker, its exit code
 *       and the task; a new worker takes its place and every other task goes on: those the
 *       dead worker had not started run elsewhere (as may those it had finished without
 *       sending their results, so they may run twice). See {@link ProcessPoolBuilder#retries}.
 *       Python's {@code Pool} waits for such a task forever.</li>
 *   <li>An initializer that throws makes the pool fail fast ({@link WorkerStartException})
 *       rather than start new workers forever.</li>
 *   <li>A result that cannot be serialized fails its own task (Python's
 *       {@code MaybeEncodingError}), with an {@link io.mproc.codec.CodecException}; the worker
 *       goes on. Arguments that cannot be serialized fail in the call
 *       ({@link IllegalArgumentException}) for single tasks, and fail their own task in a
 *       {@code map}.</li>
 * </ul>
 *
 * <h2>Lifecycle</h2>
 * {@link #shutdown()} is Python's {@code close()} (no new tasks; the accepted ones finish, then
 * the workers exit); {@link #terminate()} kills the workers at once and fails what is pending;
 * {@link #join()} waits for the end. {@link #close()} follows {@link ExecutorService#close()}:
 * it shuts down and waits for the accepted tasks (Python's {@code with Pool()} terminates
 * instead; call {@link #terminate()} for that). Once terminated, no worker process and no
 * region of the pool is left. Submitting after shutdown throws a
 * {@link java.util.concurrent.RejectedExecutionException} (Python: {@code ValueError("Pool not
 * running")}). If this JVM exits with the pool still running, the workers are killed; if it is
 * killed itself (SIGKILL), its workers notice and exit within a quarter of a second (the process
 * layer's lifeline), and the next pool built on the machine removes the regions it left.
 *
 * <p>Thread-safe.
 */
public final class ProcessPool implements ExecutorService {
    private final PoolEngine engine;

    private ProcessPool(PoolEngine engine) {
        this.engine = engine;
    }

    static ProcessPool start(PoolSettings settings) {
        return new ProcessPool(PoolEngine.start(settings));
    }

    /** A pool of one worker per available processor. */
    public static ProcessPool create() {
        return builder().start();
    }

    /**
     * A pool of {@code workers} workers.
     *
     * @throws IllegalArgumentException if {@code workers < 1}
     */
    public static ProcessPool create(int workers) {
        return builder().workers(workers).start();
    }

    /** A builder for a pool with other settings. */
    public static ProcessPoolBuilder builder() {
        return new ProcessPoolBuilder();
    }

    /** The pool's name. */
    public String name() {
        return engine.settings().name();
    }

    /** How many workers it keeps. */
    public int workers() {
        return engine.settings().workers();
    }

    // ---- map and friends ----

    /**
     * {@code function} applied to every input, in input order, in chunks of the default size.
     *
     * @throws ExecutionException if a task failed: the earliest failing one's exception is the cause
     */
    public <A, R> List<R> map(SerializableFunction<A, R> function, Iterable<? extends A> inputs)
        throws InterruptedException, ExecutionException {
        return mapAsync(function, inputs).get();
    }

    /** As {@link #map(SerializableFunction, Iterable)}, in chunks of {@code chunksize} tasks. */
    public <A, R> List<R> map(SerializableFunction<A, R> function, Iterable<? extends A> inputs, int chunksize)
        throws InterruptedException, ExecutionException {
        return mapAsync(function, inputs, chunksize).get();
    }

    /** {@link #map(SerializableFunction, Iterable)} without waiting (Python's {@code map_async}). */
    public <A, R> CompletableFuture<List<R>> mapAsync(SerializableFunction<A, R> function,
                                                      Iterable<? extends A> inputs) {
        return mapAsync(function, inputs, 0);
    }

    /** {@link #map(SerializableFunction, Iterable, int)} without waiting. */
    public <A, R> CompletableFuture<List<R>> mapAsync(SerializableFunction<A, R> function,
                                                      Iterable<? extends A> inputs, int chunksize) {
        Object[] arguments = engine.arguments(Objects.requireNonNull(inputs, "inputs"));
        return engine.map(engine.function(function, PoolFunction.Kind.FUNCTION), "map", arguments, arguments.length,
            chunksize);
    }

    /**
     * {@code function} applied to the key and value of every pair, in input order (Python's
     * {@code starmap} with 2-tuples).
     *
     * @throws ExecutionException if a task failed: the earliest failing one's exception is the cause
     */
    public <A, B, R> List<R> starmap(SerializableBiFunction<A, B, R> function,
                                     Iterable<? extends Map.Entry<? extends A, ? extends B>> pairs)
        throws InterruptedException, ExecutionException {
        return starmapAsync(function, pairs, 0).get();
    }

    /** As {@link #starmap(SerializableBiFunction, Iterable)}, in chunks of {@code chunksize} tasks. */
    public <A, B, R> List<R> starmap(SerializableBiFunction<A, B, R> function,
                                     Iterable<? extends Map.Entry<? extends A, ? extends B>> pairs, int chunksize)
        throws InterruptedException, ExecutionException {
        return starmapAsync(function, pairs, chunksize).get();
    }

    /** {@link #starmap(SerializableBiFunction, Iterable, int)} without waiting; 0 for the default chunk size. */
    public <A, B, R> CompletableFuture<List<R>> starmapAsync(SerializableBiFunction<A, B, R> function,
                                                             Iterable<? extends Map.Entry<? extends A, ? extends B>> pairs,
                                                             int chunksize) {
        Object[] entries = engine.arguments(Objects.requireNonNull(pairs, "pairs"));
        Object[] arguments = new Object[entries.length * 2];
        for (int i = 0; i < entries.length; i++) {
            Map.Entry<?, ?> pair = (Map.Entry<?, ?>) Objects.requireNonNull(entries[i], "pair");
            arguments[2 * i] = pair.getKey();
            arguments[2 * i + 1] = pair.getValue();
        }
        return engine.map(engine.function(function, PoolFunction.Kind.BI_FUNCTION), "starmap", arguments,
            entries.length, chunksize);
    }

    /**
     * {@code function} applied to the inputs, results in input order as they come; one task per
     * message (Python's default chunk size of 1).
     */
    public <A, R> ResultIterator<R> imap(SerializableFunction<A, R> function, Iterable<? extends A> inputs) {
        return imap(function, inputs, 1);
    }

    /** As {@link #imap(SerializableFunction, Iterable)}, in chunks of {@code chunksize} tasks. */
    public <A, R> ResultIterator<R> imap(SerializableFunction<A, R> function, Iterable<? extends A> inputs,
                                         int chunksize) {
        return imap(function, inputs, chunksize, 0);
    }

    /**
     * As {@link #imap(SerializableFunction, Iterable, int)}, reading at most {@code maxAhead}
     * inputs ahead of the results taken (0 for the default, {@code 4 * workers} chunks).
     */
    public <A, R> ResultIterator<R> imap(SerializableFunction<A, R> function, Iterable<? extends A> inputs,
                                         int chunksize, int maxAhead) {
        return engine.imap(engine.function(function, PoolFunction.Kind.FUNCTION), "imap",
            Objects.requireNonNull(inputs, "inputs").iterator(), chunksize, maxAhead, true);
    }

    /** As {@link #imap(SerializableFunction, Iterable)}, results in the order they come. */
    public <A, R> ResultIterator<R> imapUnordered(SerializableFunction<A, R> function, Iterable<? extends A> inputs) {
        return imapUnordered(function, inputs, 1);
    }

    /** As {@link #imap(SerializableFunction, Iterable, int)}, results in the order they come. */
    public <A, R> ResultIterator<R> imapUnordered(SerializableFunction<A, R> function, Iterable<? extends A> inputs,
                                                  int chunksize) {
        return imapUnordered(function, inputs, chunksize, 0);
    }

    /** As {@link #imap(SerializableFunction, Iterable, int, int)}, results in the order they come. */
    public <A, R> ResultIterator<R> imapUnordered(SerializableFunction<A, R> function, Iterable<? extends A> inputs,
                                                  int chunksize, int maxAhead) {
        return engine.imap(engine.function(function, PoolFunction.Kind.FUNCTION), "imapUnordered",
            Objects.requireNonNull(inputs, "inputs").iterator(), chunksize, maxAhead, false);
    }

    // ---- apply ----

    /**
     * Runs {@code task} in a worker and waits for its result.
     *
     * @throws ExecutionException       if it failed (the cause)
     * @throws IllegalArgumentException if it cannot be serialized
     */
    public <R> R apply(SerializableCallable<R> task) throws InterruptedException, ExecutionException {
        return applyAsync(task).get();
    }

    /** Runs {@code function(argument)} in a worker and waits for its result. */
    public <A, R> R apply(SerializableFunction<A, R> function, A argument)
        throws InterruptedException, ExecutionException {
        return applyAsync(function, argument).get();
    }

    /** Runs {@code function(first, second)} in a worker and waits for its result. */
    public <A, B, R> R apply(SerializableBiFunction<A, B, R> function, A first, B second)
        throws InterruptedException, ExecutionException {
        return applyAsync(function, first, second).get();
    }

    /**
     * Runs {@code task} in a worker (Python's {@code apply_async}).
     *
     * @throws IllegalArgumentException if it cannot be serialized
     */
    public <R> CompletableFuture<R> applyAsync(SerializableCallable<R> task) {
        return engine.single(task, PoolFunction.Kind.CALLABLE, "apply");
    }

    /**
     * Runs {@code function(argument)} in a worker.
     *
     * @throws IllegalArgumentException if the function or the argument cannot be serialized
     */
    public <A, R> CompletableFuture<R> applyAsync(SerializableFunction<A, R> function, A argument) {
        return engine.single(function, PoolFunction.Kind.FUNCTION, "apply", argument);
    }

    /** Runs {@code function(first, second)} in a worker. */
    public <A, B, R> CompletableFuture<R> applyAsync(SerializableBiFunction<A, B, R> function, A first, B second) {
        return engine.single(function, PoolFunction.Kind.BI_FUNCTION, "apply", first, second);
    }

    // ---- ExecutorService ----

    /**
     * Runs {@code task}, which must be {@link java.io.Serializable}, in a worker.
     *
     * @throws IllegalArgumentException if it is not serializable
     */
    @Override
    public <T> CompletableFuture<T> submit(Callable<T> task) {
        return engine.single(Objects.requireNonNull(task, "task"), PoolFunction.Kind.CALLABLE, "submit");
    }

    /** Runs {@code task} in a worker; a lambda given here is serializable. */
    public <T> CompletableFuture<T> submit(SerializableCallable<T> task) {
        return submit((Callable<T>) task);
    }

    /**
     * Runs {@code task}, which must be {@link java.io.Serializable}, in a worker; the future's
     * value is null.
     *
     * @throws IllegalArgumentException if it is not serializable
     */
    @Override
    public CompletableFuture<?> submit(Runnable task) {
        return engine.single(Objects.requireNonNull(task, "task"), PoolFunction.Kind.RUNNABLE, "submit");
    }

    /** Runs {@code task} in a worker; a lambda given here is serializable. */
    public CompletableFuture<?> submit(SerializableRunnable task) {
        return submit((Runnable) task);
    }

    /**
     * Runs {@code task}, which must be {@link java.io.Serializable}, in a worker; the future's
     * value is {@code result} (which stays in this JVM).
     */
    @Override
    public <T> CompletableFuture<T> submit(Runnable task, T result) {
        return engine.runnable(Objects.requireNonNull(task, "task"), result);
    }

    /** As {@link #submit(Runnable, Object)}; a lambda given here is serializable. */
    public <T> CompletableFuture<T> submit(SerializableRunnable task, T result) {
        return submit((Runnable) task, result);
    }

    /** As {@link #execute(Runnable)}; a lambda given here is serializable. */
    public void execute(SerializableRunnable command) {
        execute((Runnable) command);
    }

    /**
     * Runs {@code command}, which must be {@link java.io.Serializable}, in a worker; if it
     * throws, its exception goes to the uncaught exception handler of the thread that reads its
     * result.
     *
     * @throws IllegalArgumentException if it is not serializable
     */
    @Override
    public void execute(Runnable command) {
        submit(command).whenComplete((ignored, failure) -> {
            if (failure != null && !(failure instanceof CancellationException)) {
                Thread current = Thread.currentThread();
                current.getUncaughtExceptionHandler().uncaughtException(current, failure);
            }
        });
    }

    @Override
    public <T> List<Future<T>> invokeAll(Collection<? extends Callable<T>> tasks) throws InterruptedException {
        return Invocations.all(this, tasks, Long.MAX_VALUE);
    }

    @Override
    public <T> List<Future<T>> invokeAll(Collection<? extends Callable<T>> tasks, long timeout, TimeUnit unit)
        throws InterruptedException {
        return Invocations.all(this, tasks, Invocations.deadline(timeout, unit));
    }

    @Override
    public <T> T invokeAny(Collection<? extends Callable<T>> tasks) throws InterruptedException, ExecutionException {
        try {
            return Invocations.any(this, tasks, Long.MAX_VALUE);
        } catch (TimeoutException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    @Override
    public <T> T invokeAny(Collection<? extends Callable<T>> tasks, long timeout, TimeUnit unit)
        throws InterruptedException, ExecutionException, TimeoutException {
        return Invocations.any(this, tasks, Invocations.deadline(timeout, unit));
    }

    /**
     * No new tasks; those accepted run to the end, then the workers exit (Python's
     * {@code close()}). Returns at once.
     */
    @Override
    public void shutdown() {
        engine.shutdown();
    }

    /**
     * Kills the workers, fails every pending task (their futures are cancelled) and returns the
     * tasks submitted with {@code submit}, {@code execute} or {@code apply...} that no worker
     * had been sent: running one runs its function here, in this JVM.
     */
    @Override
    public List<Runnable> shutdownNow() {
        return engine.shutdownNow();
    }

    /** Python's {@code terminate()}: {@link #shutdownNow()}, then waits until the pool has terminated. */
    public void terminate() {
        engine.shutdownNow();
        engine.awaitTerminationUninterruptibly();
    }

    /**
     * Python's {@code join()}: waits until the pool has terminated.
     *
     * @throws IllegalStateException if it was not shut down first (Python: {@code ValueError})
     */
    public void join() throws InterruptedException {
        if (!isShutdown()) {
            throw new IllegalStateException("pool " + name() + " is running (shut it down or terminate it before join)");
        }
        engine.awaitTermination(Long.MAX_VALUE);
    }

    @Override
    public boolean isShutdown() {
        return engine.isShutdown();
    }

    @Override
    public boolean isTerminated() {
        return engine.isTerminated();
    }

    @Override
    public boolean awaitTermination(long timeout, TimeUnit unit) throws InterruptedException {
        return engine.awaitTermination(Invocations.deadline(timeout, unit));
    }

    /** As {@link #awaitTermination(long, TimeUnit)}. */
    public boolean awaitTermination(Duration timeout) throws InterruptedException {
        return awaitTermination(timeout.toNanos(), TimeUnit.NANOSECONDS);
    }

    /**
     * {@link ExecutorService#close()}: shuts down and waits until the accepted tasks are done
     * and the pool has terminated; if interrupted while waiting, {@link #shutdownNow()} (and
     * keeps waiting). Python's {@code with Pool()} would {@link #terminate()}.
     */
    @Override
    public void close() {
        engine.shutdown();
        boolean interrupted = false;
        while (!isTerminated()) {
            try {
                engine.awaitTermination(Long.MAX_VALUE);
            } catch (InterruptedException stop) {
                if (!interrupted) {
                    engine.shutdownNow();
                }
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public String toString() {
        return "ProcessPool[" + name() + ", " + workers() + " workers, " + engine.stateName() + "]";
    }

    /** For the tests: the directory of the pool's regions. */
    Path regionDirectory() {
        return engine.regionDirectory();
    }

    /** For the tests: the pids of the live workers. */
    List<Long> workerPids() {
        List<Long> pids = new ArrayList<>();
        engine.aliveWorkers().forEach(worker -> pids.add(worker.pid));
        return pids;
    }
}

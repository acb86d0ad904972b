package io.mproc.pool;

import io.mproc.memory.RegionDirectory;
import io.mproc.memory.RegionNamespace;
import io.mproc.process.LaunchSettings;
import io.mproc.process.SerializableConsumer;
import io.mproc.process.SerializableRunnable;
import io.mproc.process.StandbyJvms;
import io.mproc.process.ProcessSerialization;
import java.io.IOException;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Builds a {@link ProcessPool}: Python's {@code Pool(processes, initializer, initargs,
 * maxtasksperchild)}, plus what worker JVMs need and how tasks travel. Get one from
 * {@link ProcessPool#builder()}. Every setter checks its argument at once and throws an
 * {@link IllegalArgumentException} that names it. Not thread-safe.
 */
public final class ProcessPoolBuilder {
    /** The most workers a pool may have. */
    public static final int MAX_WORKERS = 120;
    /** The default {@link #maxMessageBytes}: 128 KiB. */
    public static final int DEFAULT_MAX_MESSAGE_BYTES = 128 * 1024;
    /** The smallest {@link #maxMessageBytes}. */
    public static final int MIN_MAX_MESSAGE_BYTES = 1024;
    /** The largest {@link #maxMessageBytes}: 128 MiB. */
    public static final int MAX_MAX_MESSAGE_BYTES = 128 * 1024 * 1024;
    /** The default {@link #spinWait}: 100 µs. */
    public static final Duration DEFAULT_SPIN_WAIT = Duration.ofNanos(100_000);
    /** Yields of an idle worker between polling and sleeping. */
    static final int YIELDS = 16;

    private static final AtomicInteger NAMES = new AtomicInteger();

    private String name;
    private int workers = Math.min(MAX_WORKERS, Runtime.getRuntime().availableProcessors());
    private SerializableConsumer<Object> initializer;
    private Object initializerArgument;
    private int maxTasksPerChild;
    private LaunchSettings launchSettings = LaunchSettings.defaults();
    private StandbyJvms standby;
    private boolean sharedStandby;
    private RegionNamespace namespace;
    private int retries;
    private int maxMessageBytes = DEFAULT_MAX_MESSAGE_BYTES;
    private long spinNanos = DEFAULT_SPIN_WAIT.toNanos();

    ProcessPoolBuilder() {
    }

    /**
     * The pool's name (default {@code Pool-N}): its workers are {@code <name>-worker-N}, its
     * regions {@code <name>.*}.
     */
    public ProcessPoolBuilder name(String poolName) {
        this.name = RegionDirectory.requireValidName("name", poolName);
        return this;
    }

    /**
     * How many worker processes (Python's {@code processes}), at most {@value #MAX_WORKERS}
     * (all of them answer through one ring, which takes 128 producers); default: the available
     * processors, up to that.
     */
    public ProcessPoolBuilder workers(int count) {
        if (count < 1 || count > MAX_WORKERS) {
            throw new IllegalArgumentException("workers=" + count + " (expected: 1 to " + MAX_WORKERS + ")");
        }
        this.workers = count;
        return this;
    }

    /** Runs {@code init} once in each worker before its first task (Python's {@code initializer}). */
    public ProcessPoolBuilder initializer(SerializableRunnable init) {
        Objects.requireNonNull(init, "initializer");
        return initializer(ignored -> init.run(), null);
    }

    /**
     * Runs {@code init} with {@code argument} once in each worker before its first task (Python's
     * {@code initializer} and {@code initargs}; several arguments travel as one, a record or a
     * list). If it throws, the pool fails fast with a {@link WorkerStartException}.
     *
     * @throws IllegalArgumentException if the initializer or its argument cannot be serialized
     */
    @SuppressWarnings("unchecked")
    public <A> ProcessPoolBuilder initializer(SerializableConsumer<A> init, A argument) {
        Objects.requireNonNull(init, "initializer");
        requireSerializable("initializer", init);
        requireSerializable("initializer argument", argument);
        this.initializer = (SerializableConsumer<Object>) init;
        this.initializerArgument = argument;
        return this;
    }

    /**
     * Replaces a worker with a new process after it ran {@code tasks} tasks (Python's
     * {@code maxtasksperchild}; a chunk of a {@code map} counts as one task, as in Python).
     * Default: never.
     */
    public ProcessPoolBuilder maxTasksPerChild(int tasks) {
        if (tasks < 1) {
            throw new IllegalArgumentException("maxTasksPerChild=" + tasks + " (expected: >= 1)");
        }
        this.maxTasksPerChild = tasks;
        return this;
    }

    /** Adds JVM options for the workers, such as {@code -Xmx256m} (not with {@link #standby}). */
    public ProcessPoolBuilder jvmOptions(String... options) {
        this.launchSettings = launchSettings.withJvmOptions(options);
        return this;
    }

    /** How worker JVMs are launched (options, properties, environment, output); not with {@link #standby}. */
    public ProcessPoolBuilder launchSettings(LaunchSettings settings) {
        this.launchSettings = Objects.requireNonNull(settings, "launchSettings");
        return this;
    }

    /**
     * Starts workers warm, handed to pre-started JVMs of {@code jvms} (milliseconds instead of
     * a JVM start, for the first workers and every replacement); they get the standby JVMs'
     * launch settings. Once {@code jvms} has none left, workers start cold with those settings.
     */
    public ProcessPoolBuilder standby(StandbyJvms jvms) {
        this.standby = Objects.requireNonNull(jvms, "standby");
        this.sharedStandby = false;
        return this;
    }

    /** Starts workers warm, from the JVM-wide {@link StandbyJvms#shared()} standby JVMs. */
    public ProcessPoolBuilder warm() {
        this.standby = null;
        this.sharedStandby = true;
        return this;
    }

    /**
     * Where the pool's regions go (default: a namespace of the pool's own, removed when it
     * terminates). The pool removes its regions from a given namespace when it terminates.
     */
    public ProcessPoolBuilder namespace(RegionNamespace regions) {
        this.namespace = Objects.requireNonNull(regions, "namespace");
        return this;
    }

    /**
     * How often a task whose worker died while running it is sent again before it fails with a
     * {@link WorkerDiedException} (default 0: it fails at once). Use only for tasks that may run
     * twice.
     */
    public ProcessPoolBuilder retries(int times) {
        if (times < 0) {
            throw new IllegalArgumentException("retries=" + times + " (expected: >= 0)");
        }
        this.retries = times;
        return this;
    }

    /**
     * The largest message between the pool and a worker, in bytes (default 128 KiB). Larger
     * batches of tasks are cut to fit; a single task's arguments or result that do not fit fail
     * that task. Each worker's task ring takes eight such messages.
     */
    public ProcessPoolBuilder maxMessageBytes(int bytes) {
        if (bytes < MIN_MAX_MESSAGE_BYTES || bytes > MAX_MAX_MESSAGE_BYTES) {
            throw new IllegalArgumentException("maxMessageBytes=" + bytes + " (expected: " + MIN_MAX_MESSAGE_BYTES
                + " to " + MAX_MAX_MESSAGE_BYTES + ")");
        }
        this.maxMessageBytes = bytes;
        return this;
    }

    /**
     * How long an idle worker polls for its next task, and a caller for its result, before
     * they yield and then sleep on a futex (no CPU). Tasks that follow each other within this
     * time never pay for a wake-up, which on a virtual machine costs more than a whole round
     * trip; longer polling costs more CPU after the last task. Default 100 µs; zero sleeps at
     * once.
     */
    public ProcessPoolBuilder spinWait(Duration spin) {
        Objects.requireNonNull(spin, "spinWait");
        if (spin.isNegative() || spin.compareTo(Duration.ofSeconds(1)) > 0) {
            throw new IllegalArgumentException("spinWait=" + spin + " (expected: 0 to 1 s)");
        }
        this.spinNanos = spin.toNanos();
        return this;
    }

    /**
     * Starts the workers and returns the pool once every worker has run its initializer.
     *
     * @throws WorkerStartException     if a worker's initializer threw, or its JVM could not start
     *                                  (the pool is then terminated: no worker is left running)
     * @throws IllegalArgumentException if launch settings are given together with standby JVMs
     */
    public ProcessPool start() {
        if (standby != null || sharedStandby) {
            if (!launchSettings.equals(LaunchSettings.defaults())) {
                throw new IllegalArgumentException("launchSettings=" + launchSettings + " with standby JVMs "
                    + "(expected: one or the other; warm workers take the standby JVMs' launch settings)");
            }
        }
        PoolSettings settings = new PoolSettings(name != null ? name : "Pool-" + NAMES.incrementAndGet(), workers,
            initializer, initializerArgument, maxTasksPerChild, launchSettings,
            sharedStandby ? StandbyJvms.shared() : standby, namespace, retries, maxMessageBytes, spinNanos, YIELDS);
        return ProcessPool.start(settings);
    }

    private static void requireSerializable(String what, Object value) {
        try {
            ProcessSerialization.write(value);
        } catch (IOException | RuntimeException notSerializable) {
            throw new IllegalArgumentException(what + "=" + (value == null ? "null" : value.getClass().getName())
                + " (expected: serializable): " + notSerializable, notSerializable);
        }
    }
}

package io.mproc.process;

import io.mproc.process.internal.ControlLayout;
import io.mproc.process.internal.LaunchSpec;
import io.mproc.process.internal.ProcessTarget;
import io.mproc.process.internal.SpecLayout;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * Pre-started JVMs waiting for a target: mproc's warm start, in the spirit of Python's
 * {@code forkserver}. A {@link JvmProcess} built with {@link JvmProcessBuilder#standby(StandbyJvms)}
 * (or {@link JvmProcessBuilder#warm()}, for the {@link #shared()} pool) is handed to a standby
 * JVM in {@link JvmProcess#start()}: the parent writes the spec into a region both have mapped
 * since the standby started and wakes it through a futex, which costs microseconds instead of a
 * JVM start.
 *
 * <p>A standby JVM is an ordinary child of this JVM, started with the pool's
 * {@link LaunchSettings}: once it has a target it is exactly a cold child (its own pid, exit
 * codes, signals, lifeline, children). While it waits it rehearses the child's path, so that
 * the classes the hand-over needs are loaded, linked and JIT-compiled, and it has loaded (not
 * initialised) the classes of the last targets its pool was handed, where the next one most
 * likely comes from. It sleeps on a futex, waking every 20 ms, which costs next to no CPU; if
 * this JVM dies, its standby JVMs exit as any child does.
 *
 * <p>A replenishing pool (the default) starts a new standby JVM in the background after every
 * hand-over, so that {@link #size()} JVMs are waiting or booting; 10 ms after the hand-over,
 * so that its launch does not compete with the target just handed over. A pool that does
 * not replenish hands out its JVMs once; after that its processes start cold, with the pool's
 * settings. A hand-over to a JVM still booting waits only for the rest of its boot.
 *
 * <p>{@link #close()} (also done at exit) retires the standby JVMs that are still waiting.
 * Thread-safe.
 */
public final class StandbyJvms implements AutoCloseable {
    /** System property: size of the {@link #shared()} pool (default 1). */
    public static final String SHARED_SIZE_PROPERTY = "mproc.process.standbyJvms";

    private static final Duration RETIRE_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration REPLENISH_DELAY = Duration.ofMillis(10);
    private static final int PRELOADED = 16;
    private static StandbyJvms shared;

    private final int size;
    private final boolean replenish;
    private final LaunchSettings settings;
    private final Deque<Launcher.Launched> waiting = new ArrayDeque<>();
    private final List<Thread> launching = new ArrayList<>();
    /** The classes of the latest targets handed over, latest first: what new standby JVMs preload. */
    private final LinkedList<String> preload = new LinkedList<>();
    private boolean closed;

    private StandbyJvms(int size, boolean replenish, LaunchSettings settings) {
        this.size = size;
        this.replenish = replenish;
        this.settings = settings;
    }

    /** A builder for a pool. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * A replenishing pool of {@code size} standby JVMs with default settings, started now.
     *
     * @throws IllegalArgumentException if {@code size < 1}
     */
    public static StandbyJvms start(int size) {
        return builder().size(size).start();
    }

    /**
     * The JVM-wide pool behind {@link JvmProcessBuilder#warm()}: default settings, replenishing,
     * {@value #SHARED_SIZE_PROPERTY} JVMs (default 1); started on first use, closed at exit.
     */
    public static synchronized StandbyJvms shared() {
        if (shared == null || shared.isClosed()) {
            shared = builder().size(Integer.getInteger(SHARED_SIZE_PROPERTY, 1)).start();
        }
        return shared;
    }

    /** The launch settings of the pool's JVMs (and of processes it starts cold once exhausted). */
    public LaunchSettings settings() {
        return settings;
    }

    /** How many standby JVMs the pool keeps. */
    public int size() {
        return size;
    }

    /** Whether it starts a new standby JVM after each hand-over. */
    public boolean replenishes() {
        return replenish;
    }

    /** How many standby JVMs are up and waiting now (not counting those still booting). */
    public synchronized int ready() {
        int ready = 0;
        for (Launcher.Launched standby : waiting) {
            if (standby.process().isAlive() && standby.control().state() == ControlLayout.STATE_STANDBY) {
                ready++;
            }
        }
        return ready;
    }

    /** The ids of the JVMs waiting in the pool (their control regions are {@code <id>.ctl}). */
    synchronized List<String> waitingIds() {
        return waiting.stream().map(Launcher.Launched::id).toList();
    }

    /**
     * Hands {@code spec} to a waiting JVM (the first that is up, else the oldest still booting),
     * or launches a cold one when none is left.
     */
    Launcher.Launched handOver(String processName, byte[] spec, ProcessTarget target) {
        Launcher.Launched standby = take();
        if (standby == null) {
            return Launcher.launch(processName, settings, spec, List.of());
        }
        Launcher.Launched handed = standby;
        if (SpecLayout.bodySize(spec.length) <= standby.spec().body().byteSize()) {
            SpecLayout.write(standby.spec().body(), spec);
            standby.control().publishSpecWord(ControlLayout.SPEC_PUBLISHED);
        } else {
            // The standby may still be booting and about to map its spec region: keep it.
            handed = standby.withLargeSpec(Launcher.writeSpec(Children.namespace(),
                LaunchSpec.largeRegionName(standby.id()), spec));
            standby.control().publishSpecWord(ControlLayout.SPEC_PUBLISHED_LARGE);
        }
        learn(target);
        if (replenish) {
            replenishInBackground();
        }
        return handed;
    }

    /** Remembers the classes of {@code target} for the standby JVMs launched from now on to preload. */
    private void learn(ProcessTarget target) {
        List<String> names;
        try {
            names = target.classNames();
        } catch (RuntimeException unknown) {
            return;
        }
        synchronized (this) {
            for (String name : names) {
                preload.remove(name);
                preload.addFirst(name);
            }
            while (preload.size() > PRELOADED) {
                preload.removeLast();
            }
        }
    }

    private synchronized Launcher.Launched take() {
        if (closed) {
            throw new IllegalStateException("standby pool " + this + " is closed");
        }
        Launcher.Launched booting = null;
        for (Launcher.Launched standby : List.copyOf(waiting)) {
            if (!standby.process().isAlive()) {
                waiting.remove(standby);
                discard(standby);
            } else if (standby.control().state() == ControlLayout.STATE_STANDBY) {
                waiting.remove(standby);
                return standby;
            } else if (booting == null) {
                booting = standby;
            }
        }
        if (booting != null) {
            waiting.remove(booting);
        }
        return booting;
    }

    private synchronized void replenishInBackground() {
        if (!closed) {
            launching.removeIf(thread -> !thread.isAlive());
            launching.add(Thread.ofPlatform().daemon().name("mproc-standby-launcher").start(this::launchAfterHandOver));
        }
    }

    /**
     * Launches a replacement once the JVM just handed a process has had its first
     * milliseconds: spawning and booting a JVM takes a core's worth of work, which on a small
     * machine would delay the target it was handed.
     */
    private void launchAfterHandOver() {
        try {
            Thread.sleep(REPLENISH_DELAY.toMillis());
        } catch (InterruptedException stop) {
            Thread.currentThread().interrupt();
            return;
        }
        launchOne();
    }

    private void launchOne() {
        Launcher.Launched standby;
        try {
            List<String> classes;
            synchronized (this) {
                classes = List.copyOf(preload);
            }
            standby = Launcher.launch("standby", settings, null, classes);
        } catch (RuntimeException cannotStart) {
            return; // the next hand-over falls back to a cold start
        }
        synchronized (this) {
            if (!closed) {
                waiting.add(standby);
                return;
            }
        }
        retire(List.of(standby));
    }

    /**
     * Retires the waiting JVMs (they exit with 0) and waits until they are gone, including those
     * a replenishment was starting. Processes already handed over are not affected. Idempotent.
     */
    @Override
    public void close() {
        List<Launcher.Launched> retiring;
        List<Thread> launchers;
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            retiring = new ArrayList<>(waiting);
            waiting.clear();
            launchers = List.copyOf(launching);
        }
        retire(retiring);
        boolean interrupted = false;
        for (Thread launcher : launchers) {
            // A launch in flight retires its own JVM once it sees the pool closed.
            while (launcher.isAlive()) {
                try {
                    launcher.join();
                } catch (InterruptedException stop) {
                    interrupted = true;
                }
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        Children.poolClosed(this);
    }

    synchronized boolean isClosed() {
        return closed;
    }

    /** At exit of an orphan: no time to retire politely. */
    void killAll() {
        List<Launcher.Launched> all;
        synchronized (this) {
            closed = true;
            all = new ArrayList<>(waiting);
            waiting.clear();
        }
        all.forEach(standby -> standby.process().destroyForcibly());
    }

    private static void retire(List<Launcher.Launched> standbys) {
        standbys.forEach(standby -> standby.control().publishSpecWord(ControlLayout.SPEC_RETIRE));
        for (Launcher.Launched standby : standbys) {
            try {
                if (!standby.process().waitFor(RETIRE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                    standby.process().destroyForcibly().waitFor();
                }
            } catch (InterruptedException stop) {
                standby.process().destroyForcibly();
                Thread.currentThread().interrupt();
            }
            discard(standby);
        }
    }

    private static void discard(Launcher.Launched standby) {
        Children.namespace().release(standby.control().region());
        Children.namespace().release(standby.spec());
    }

    @Override
    public String toString() {
        return "StandbyJvms[size " + size + (replenish ? ", replenishing" : "") + "]";
    }

    /** Builds a {@link StandbyJvms} pool. */
    public static final class Builder {
        private int size = 1;
        private boolean replenish = true;
        private LaunchSettings settings = LaunchSettings.defaults();

        private Builder() {
        }

        /** How many standby JVMs to keep (default 1). */
        public Builder size(int jvms) {
            if (jvms < 1) {
                throw new IllegalArgumentException("size=" + jvms + " (expected: >= 1)");
            }
            this.size = jvms;
            return this;
        }

        /** Whether to start a new standby JVM after each hand-over (default true). */
        public Builder replenish(boolean replenishing) {
            this.replenish = replenishing;
            return this;
        }

        /** The launch settings of the pool's JVMs (default {@link LaunchSettings#defaults()}). */
        public Builder settings(LaunchSettings launchSettings) {
            this.settings = Objects.requireNonNull(launchSettings, "settings");
            return this;
        }

        /** Starts the pool's JVMs (without waiting for them to boot) and returns the pool. */
        public StandbyJvms start() {
            StandbyJvms pool = new StandbyJvms(size, replenish, settings);
            Children.poolStarted(pool);
            for (int i = 0; i < size; i++) {
                pool.launchOne();
            }
            return pool;
        }
    }
}

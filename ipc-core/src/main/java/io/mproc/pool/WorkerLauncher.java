package io.mproc.pool;

import io.mproc.process.JvmProcess;
import io.mproc.process.JvmProcessBuilder;
import io.mproc.ring.SpscRing;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Starts the pool's worker processes: the first ones at once, in the thread that builds the
 * pool, replacements in a background thread (a JVM start must not hold up results). Each
 * worker gets a fresh task ring and a watcher thread that waits for its process to end and
 * tells the {@link ResultCollector}. Workers are daemon processes, as in Python: if the pool's
 * JVM exits without shutting the pool down, they are terminated.
 */
final class WorkerLauncher implements Scheduler.Workers {
    private final PoolSettings settings;
    private final PoolRegions regions;
    private final Scheduler scheduler;
    private final int[] generations;
    private final AtomicInteger numbers = new AtomicInteger();
    private final ExecutorService background;
    private ResultCollector collector;

    WorkerLauncher(PoolSettings settings, PoolRegions regions, Scheduler scheduler) {
        this.settings = settings;
        this.regions = regions;
        this.scheduler = scheduler;
        this.generations = new int[settings.workers()];
        this.background = Executors.newSingleThreadExecutor(Thread.ofPlatform().daemon()
            .name(settings.name() + "-launcher").factory());
    }

    void collector(ResultCollector resultCollector) {
        this.collector = resultCollector;
    }

    /** Launches the first worker of {@code slot}, in this thread. */
    void launchFirst(int slot) {
        scheduler.launching();
        launchOrFail(slot);
    }

    @Override
    public void replace(int slot) {
        background.execute(() -> launchOrFail(slot));
    }

    private void launchOrFail(int slot) {
        Worker worker = null;
        try {
            worker = prepare(slot);
            if (!scheduler.register(worker)) {
                regions.release(worker.tasks.region());
                return;
            }
            JvmProcess<Void> process = build(worker).start();
            scheduler.started(worker, process);
            watch(worker, process);
        } catch (RuntimeException failure) {
            if (worker != null) {
                regions.release(worker.tasks.region());
            }
            scheduler.launchFailed(slot, worker, failure);
        }
    }

    private synchronized Worker prepare(int slot) {
        int generation = ++generations[slot];
        SpscRing ring = regions.createTaskRing(slot, generation);
        regions.status().reset(slot);
        return new Worker(slot, generation, settings.name() + "-worker-" + numbers.incrementAndGet(), ring);
    }

    private JvmProcessBuilder<Void> build(Worker worker) {
        WorkerSpec spec = new WorkerSpec(settings.name(), regions.namespace().directory().getParent().toString(),
            regions.namespace().name(), regions.taskRingName(worker.slot, worker.generation),
            regions.results().region().name(), regions.status().region().name(), worker.slot, worker.generation,
            settings.maxTasksPerChild(), settings.spinNanos(), settings.yields(), settings.initializer(),
            settings.initializerArgument());
        JvmProcessBuilder<Void> builder = JvmProcess.run(PoolWorker::serve, spec).name(worker.name).daemon(true);
        return settings.standby() != null ? builder.standby(settings.standby())
            : builder.settings(settings.launchSettings());
    }

    private void watch(Worker worker, JvmProcess<Void> process) {
        Thread.ofPlatform().daemon().name(worker.name + "-watcher").start(() -> {
            boolean interrupted = false;
            while (true) {
                try {
                    process.join();
                    break;
                } catch (InterruptedException ignored) {
                    interrupted = true; // a watcher must see its worker end
                }
            }
            OptionalInt exitCode = process.exitCode();
            Optional<Throwable> failure = process.exception();
            collector.workerExited(worker, exitCode.orElse(Integer.MIN_VALUE), failure.orElse(null));
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        });
    }

    /** A worker whose end was dealt with: its ring goes, its process is forgotten. */
    void gone(Worker worker) {
        regions.release(worker.tasks.region());
        if (worker.process != null) {
            worker.process.close();
        }
    }

    void close() {
        background.shutdown();
    }
}

package io.mproc.pool;

import io.mproc.process.JvmProcess;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The pool's bookkeeping, under one lock: the work waiting to be sent (its {@link Dispatcher}),
 * the workers and what each was sent, and the pool's state. Dispatching ({@link #pump()}) runs
 * in whichever thread gives it a reason: a caller that submits, or a thread reading results when
 * a worker answers or changes. Completions (which may run user callbacks) always run after the lock is released.
 *
 * <pre>
 *   RUNNING --shutdown()--&gt; SHUTDOWN --no work left--&gt; STOPPING --workers gone--&gt; TERMINATED
 *      \                        \                          ^
 *       +--shutdownNow(), a worker that cannot start--&gt; KILLING
 * </pre>
 * In RUNNING and SHUTDOWN a worker that ends is replaced; in STOPPING workers are told to stop
 * (STOP, after their last tasks) and in KILLING they are killed.
 */
final class Scheduler implements Job.Listener {
    enum State { RUNNING, SHUTDOWN, STOPPING, KILLING, TERMINATED }

    /** What the scheduler asks of the rest of the pool (called under the lock; must not block long). */
    interface Workers {
        /** Start a new worker in {@code slot}, in the background; it is {@link #register}ed once launched. */
        void replace(int slot);
    }

    /**
     * Workers of a slot that may exit in a row before they are ready and still be replaced; one
     * more means its JVM cannot start, and breaks the pool. Workers killed by SIGKILL or SIGTERM
     * while starting are replaced without counting; an initializer that throws breaks the pool
     * at once.
     */
    static final int MAX_FAILED_STARTS = 3;

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final String pool;
    private final int retries;
    private final Dispatcher dispatcher;
    private final Worker[] slots;
    /** Per slot: workers in a row that ended before they were ready (reset when one is). */
    private final int[] failedStarts;
    private Workers workers;
    /** Written under the lock; read without it by {@link #jobFinished} and {@link #state()}. */
    private volatile State state = State.RUNNING;
    private Throwable brokenBy;
    /** Jobs accepted and not finished: changed without the lock (a job finishes often), read under it. */
    private final AtomicInteger activeJobs = new AtomicInteger();
    private int launching;

    Scheduler(String pool, int slots, int maxTasksPerChild, int retries, TaskWriter writer) {
        this.pool = pool;
        this.slots = new Worker[slots];
        this.failedStarts = new int[slots];
        this.retries = retries;
        this.dispatcher = new Dispatcher(writer, maxTasksPerChild);
    }

    void workers(Workers launcher) {
        this.workers = launcher;
    }

    // ---- submitting and dispatching ----

    /**
     * Accepts {@code job} and sends what it can at once.
     *
     * @throws RejectedExecutionException once the pool is shut down
     */
    void submit(Job job) {
        List<Runnable> completions = new ArrayList<>();
        lock.lock();
        try {
            if (state != State.RUNNING) {
                throw new RejectedExecutionException("pool " + pool + " is " + (brokenBy != null ? "broken: "
                    + brokenBy.getMessage() : "shut down"), brokenBy);
            }
            if (job.isDone()) {
                return; // nothing to do (an empty map)
            }
            activeJobs.incrementAndGet();
            job.listener(this);
            dispatcher.add(job);
            pumpLocked(completions);
        } finally {
            lock.unlock();
        }
        completions.forEach(Runnable::run);
    }

    /** Sends waiting tasks to workers that may take more. */
    void pump() {
        List<Runnable> completions = new ArrayList<>();
        lock.lock();
        try {
            pumpLocked(completions);
        } finally {
            lock.unlock();
        }
        completions.forEach(Runnable::run);
    }

    private void pumpLocked(List<Runnable> completions) {
        if (state == State.STOPPING) {
            dispatcher.stop(slots);
        } else if (state == State.RUNNING || state == State.SHUTDOWN) {
            dispatcher.dispatch(slots, completions);
        }
    }

    @Override
    public void jobFinished(Job job) {
        // The lock only when it may matter: a shut-down pool whose last job just finished.
        if (activeJobs.decrementAndGet() == 0 && state == State.SHUTDOWN) {
            lock.lock();
            try {
                stopIfIdle();
            } finally {
                lock.unlock();
            }
        }
    }

    /** Under the lock: a shut-down pool with no job left stops its workers. */
    private void stopIfIdle() {
        if (state == State.SHUTDOWN && activeJobs.get() == 0) {
            state = State.STOPPING;
            dispatcher.stop(slots);
            changed.signalAll();
        }
    }

    // ---- workers ----

    /**
     * A worker about to be launched takes its slot (before its process starts, so that its
     * READY cannot arrive first). Returns false if the pool no longer needs it.
     */
    boolean register(Worker worker) {
        lock.lock();
        try {
            if (state != State.RUNNING && state != State.SHUTDOWN) {
                launching--;
                return false;
            }
            slots[worker.slot] = worker;
            return true;
        } finally {
            lock.unlock();
        }
    }

    /** The registered worker's process started: in a pool that no longer needs it, it is stopped or killed. */
    void started(Worker worker, JvmProcess<Void> process) {
        lock.lock();
        try {
            launching--;
            worker.process = process;
            worker.pid = process.pid().orElse(-1);
            if (state == State.STOPPING) {
                dispatcher.stop(slots);
            } else if (state == State.KILLING || state == State.TERMINATED) {
                worker.kill();
            }
        } finally {
            lock.unlock();
        }
    }

    /** A launch was asked for ({@link Workers#replace}) or begun at start. */
    void launching() {
        lock.lock();
        try {
            launching++;
        } finally {
            lock.unlock();
        }
    }

    /** A launch failed (the worker, if registered, never ran): the pool cannot keep its workers. */
    void launchFailed(int slot, Worker worker, RuntimeException failure) {
        List<Job> abandoned;
        lock.lock();
        try {
            launching--;
            if (worker != null) {
                worker.state = Worker.State.EXITED;
            }
            abandoned = breakLocked(new WorkerStartException("pool " + pool + ": a worker for slot " + slot
                + " could not be launched: " + failure, failure));
        } finally {
            lock.unlock();
        }
        abandon(abandoned);
    }

    void ready(int slot, int generation) {
        lock.lock();
        try {
            Worker worker = worker(slot, generation);
            if (worker != null) {
                if (worker.state == Worker.State.STARTING) {
                    worker.state = Worker.State.READY;
                }
                worker.wasReady = true;
                failedStarts[slot] = 0;
                changed.signalAll();
            }
        } finally {
            lock.unlock();
        }
        pump();
    }

    /**
     * Results of tasks {@code [from, from + count)} of message {@code sequence} of a worker
     * arrived; with the last part, the message is answered. Returns the message, or null if
     * the pool no longer waits for it (a worker it gave up on, or a damaged header).
     */
    Sent answered(int slot, int generation, int sequence, int from, int count, boolean last, long busyNanos) {
        lock.lock();
        try {
            Worker worker = worker(slot, generation);
            Sent sent = worker == null ? null : worker.find(sequence);
            if (sent == null || from + count > sent.batch.count()) {
                return null;
            }
            sent.received = Math.max(sent.received, from + count);
            if (last) {
                worker.outstanding.remove(sent);
                worker.answered(busyNanos);
            }
            return sent;
        } finally {
            lock.unlock();
        }
    }

    /**
     * A worker's process ended and every result it sent has been read: its lost tasks are
     * failed or sent again ({@link LostTasks}), a replacement is asked for if work remains;
     * a worker whose initializer threw, or the {@link #MAX_FAILED_STARTS}+1st of a slot in a
     * row to exit before it was ready (not counting those killed), breaks the pool. Returns the worker, or null if
     * it is not the current one of its slot.
     */
    Worker ended(int slot, int generation, int exitCode, Throwable startFailure, long progress) {
        List<Runnable> completions = new ArrayList<>();
        List<Job> abandoned = List.of();
        Worker worker;
        lock.lock();
        try {
            worker = worker(slot, generation);
            if (worker == null) {
                return null;
            }
            worker.state = Worker.State.EXITED;
            boolean needed = state == State.RUNNING || state == State.SHUTDOWN;
            if (!worker.wasReady && needed && (startFailure != null || failedToStart(slot, exitCode))) {
                abandoned = breakLocked(new WorkerStartException("pool " + pool + ": worker " + worker
                    + (startFailure != null ? " failed in its initializer: " + startFailure
                    : " exited with " + WorkerDiedException.describe(exitCode) + " before it was ready"), startFailure));
            } else {
                LostTasks lost = LostTasks.of(pool, worker, progress, exitCode, retries);
                completions.addAll(lost.failures);
                dispatcher.resendFirst(lost.resend);
                worker.outstanding.clear();
                if (needed) {
                    launching++;
                    workers.replace(slot);
                }
            }
            changed.signalAll();
        } finally {
            lock.unlock();
        }
        completions.forEach(Runnable::run);
        abandon(abandoned);
        pump();
        return worker;
    }

    /**
     * Counts a worker of {@code slot} that ended before it was ready; true once too many did in
     * a row. A worker killed from outside (SIGKILL, SIGTERM) says nothing about whether a JVM
     * can start, so it does not count.
     */
    private boolean failedToStart(int slot, int exitCode) {
        boolean killed = exitCode == -9 || exitCode == -15;
        return !killed && ++failedStarts[slot] > MAX_FAILED_STARTS;
    }

    private Worker worker(int slot, int generation) {
        Worker worker = slot >= 0 && slot < slots.length ? slots[slot] : null;
        return worker != null && worker.generation == generation ? worker : null;
    }

    // ---- lifecycle ----

    /** No new jobs; workers stop once the accepted ones are done. */
    void shutdown() {
        lock.lock();
        try {
            if (state == State.RUNNING) {
                state = State.SHUTDOWN;
                stopIfIdle();
                changed.signalAll();
            }
        } finally {
            lock.unlock();
        }
    }

    /**
     * Kills the workers and fails every job not finished with {@code cause}. Returns the
     * single tasks that were never sent.
     */
    List<Job> shutdownNow(Throwable cause) {
        List<Job> abandoned;
        List<Job> unsent;
        lock.lock();
        try {
            unsent = dispatcher.unsentSingleTasks();
            abandoned = killLocked();
        } finally {
            lock.unlock();
        }
        abandon(abandoned, cause);
        return unsent;
    }

    private List<Job> breakLocked(Throwable cause) {
        if (brokenBy == null && state != State.TERMINATED && state != State.KILLING) {
            brokenBy = cause;
        }
        return killLocked();
    }

    /** Under the lock: KILLING, every worker killed; returns the jobs to abandon. */
    private List<Job> killLocked() {
        if (state == State.KILLING || state == State.TERMINATED) {
            return List.of();
        }
        state = State.KILLING;
        List<Job> abandoned = dispatcher.clear();
        for (Worker worker : slots) {
            if (worker != null) {
                worker.outstanding.forEach(sent -> abandoned.add(sent.batch.job()));
                if (worker.alive()) {
                    worker.kill();
                }
            }
        }
        changed.signalAll();
        return abandoned;
    }

    private void abandon(List<Job> abandoned) {
        abandon(abandoned, brokenCause());
    }

    private static void abandon(List<Job> abandoned, Throwable cause) {
        for (Job job : abandoned) {
            job.abandon(cause);
        }
    }

    private Throwable brokenCause() {
        lock.lock();
        try {
            return brokenBy;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Whether the pool has just become terminated: stopping or killing, with no worker left
     * and none being launched. True once.
     */
    boolean terminateIfDone() {
        lock.lock();
        try {
            if ((state == State.STOPPING || state == State.KILLING) && launching == 0) {
                for (Worker worker : slots) {
                    if (worker != null && worker.alive()) {
                        return false;
                    }
                }
                state = State.TERMINATED;
                changed.signalAll();
                return true;
            }
            return false;
        } finally {
            lock.unlock();
        }
    }

    State state() {
        return state;
    }

    /** The workers whose process has not ended (or been dealt with) yet. */
    List<Worker> aliveWorkers() {
        lock.lock();
        try {
            List<Worker> alive = new ArrayList<>();
            for (Worker worker : slots) {
                if (worker != null && worker.alive()) {
                    alive.add(worker);
                }
            }
            return alive;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Waits until the first {@code count} workers are ready, or the pool broke or stopped;
     * returns the exception that broke it, or null.
     */
    Throwable awaitReady(int count) throws InterruptedException {
        lock.lock();
        try {
            while (readyCount() < count && (state == State.RUNNING || state == State.SHUTDOWN)) {
                changed.await(100, TimeUnit.MILLISECONDS);
            }
            return brokenBy;
        } finally {
            lock.unlock();
        }
    }

    private int readyCount() {
        int ready = 0;
        for (Worker worker : slots) {
            if (worker != null && worker.wasReady) {
                ready++;
            }
        }
        return ready;
    }
}

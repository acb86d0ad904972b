package io.mproc.pool;

import io.mproc.process.JvmProcess;
import io.mproc.ring.SpscRing;
import java.util.ArrayDeque;
import java.util.BitSet;

/**
 * The pool's view of one worker process (one generation of a slot): its task ring, the task
 * messages it has not answered yet, in the order it received them, and how much more it may be
 * sent. Everything mutable is guarded by the pool's lock.
 *
 * <p><b>Credit.</b> A worker is sent at most {@link #credit()} messages ahead, enough to cover
 * {@link #QUEUED_NANOS} of its work as measured so far (at least two, so that it never waits
 * for the next message, and at most {@link #MAX_CREDIT}). Tasks the workers have not been sent
 * wait in the pool, where any worker that frees up can take them: a long task does not hold
 * up a queue of short ones behind it.
 */
final class Worker {
    enum State {
        /** Launched; its initializer has not finished. */
        STARTING,
        /** Serving. */
        READY,
        /** Sent its last task (maxTasksPerChild): will exit once done. */
        RETIRING,
        /** Sent STOP: will exit once done. */
        STOPPING,
        /** Its process ended and its results are all in. */
        EXITED
    }

    static final long QUEUED_NANOS = 200_000;
    static final int MIN_CREDIT = 2;
    static final int MAX_CREDIT = 4096;
    /** Functions defined on a worker before it is told to forget them all. */
    static final int MAX_DEFINED = 4096;

    final int slot;
    final int generation;
    final String name;
    final SpscRing tasks;
    /** Null until launched. */
    JvmProcess<Void> process;
    long pid = -1;
    final ArrayDeque<Sent> outstanding = new ArrayDeque<>();
    private final BitSet defined = new BitSet();
    private int definedCount;

    State state = State.STARTING;
    /** Whether it ever said READY (else its death is a failed start). */
    boolean wasReady;
    /** The ring had no room for the last message tried; cleared when the worker answers. */
    boolean full;
    int nextSequence = 1;
    int chunksSent;
    private double averageMessageNanos = -1;

    Worker(int slot, int generation, String name, SpscRing tasks) {
        this.slot = slot;
        this.generation = generation;
        this.name = name;
        this.tasks = tasks;
    }

    /** Kills its process, if it has one by now. */
    void kill() {
        if (process != null) {
            process.kill();
        }
    }

    boolean defines(PoolFunction function) {
        return defined.get(function.id());
    }

    /** Records a DEFINE sent. */
    void defined(PoolFunction function) {
        defined.set(function.id());
        definedCount++;
    }

    boolean mustForget() {
        return definedCount >= MAX_DEFINED;
    }

    void forgot() {
        defined.clear();
        definedCount = 0;
    }

    /** Whether a task message may be sent now. */
    boolean acceptsTasks() {
        return state == State.READY && !full && outstanding.size() < credit();
    }

    int credit() {
        if (averageMessageNanos <= 0) {
            return MIN_CREDIT;
        }
        double messages = QUEUED_NANOS / averageMessageNanos;
        return messages >= MAX_CREDIT ? MAX_CREDIT : Math.max(MIN_CREDIT, (int) messages + 1);
    }

    /** The worker answered a message it spent {@code busyNanos} on. */
    void answered(long busyNanos) {
        full = false;
        double sample = Math.max(busyNanos, 1);
        averageMessageNanos = averageMessageNanos < 0 ? sample : averageMessageNanos + (sample - averageMessageNanos) / 8;
    }

    /** The message with {@code sequence} among those not yet answered, or null. */
    Sent find(int sequence) {
        for (Sent sent : outstanding) {
            if (sent.sequence == sequence) {
                return sent;
            }
        }
        return null;
    }

    boolean alive() {
        return state != State.EXITED;
    }

    @Override
    public String toString() {
        return name + " (pid " + pid + ")";
    }
}

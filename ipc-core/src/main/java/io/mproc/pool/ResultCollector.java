package io.mproc.pool;

import static io.mproc.pool.ResultMessageLayout.BUSY_NANOS_OFFSET;
import static io.mproc.pool.ResultMessageLayout.COUNT_OFFSET;
import static io.mproc.pool.ResultMessageLayout.ENCODING_OFFSET;
import static io.mproc.pool.ResultMessageLayout.FLAGS_OFFSET;
import static io.mproc.pool.ResultMessageLayout.FROM_OFFSET;
import static io.mproc.pool.ResultMessageLayout.GENERATION_OFFSET;
import static io.mproc.pool.ResultMessageLayout.HEADER_LENGTH;
import static io.mproc.pool.ResultMessageLayout.SEQUENCE_OFFSET;
import static io.mproc.pool.ResultMessageLayout.SLOT_OFFSET;

import io.mproc.codec.CodecException;
import io.mproc.process.FailureReport;
import io.mproc.ring.MessageHandler;
import io.mproc.ring.MpscRing;
import io.mproc.wait.WaitCondition;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * The pool's result thread: the one consumer of the result ring. It hands results to their
 * jobs (so job completions and the callbacks chained on them run here), marks workers ready,
 * and deals with workers whose process ended, then dispatches what that made possible.
 *
 * <p><b>A worker's end.</b> A watcher thread per worker reports the end of its process
 * ({@link #workerExited}). The collector then writes an EXITED message for it into the result
 * ring itself: every result the worker committed was claimed before that message, so by the
 * time the collector reads it, it has read all of them (and the ring has skipped a claim the
 * worker left uncommitted). Only then are its unanswered tasks sorted out
 * ({@link Scheduler#ended}), so that no task is taken for lost whose result was on its way.
 *
 * <p><b>Helpers.</b> A thread about to wait for a result reads the ring itself for as long as
 * an idle worker polls ({@link #help}), while the result thread steps aside (it parks instead of
 * spinning or sleeping on the ring's wait point): so a quick {@code apply} costs two busy
 * threads, the caller and the worker, not three. One lock keeps the ring single-consumer and
 * guards the collector's state.
 *
 * <p>It stops once the pool has terminated, and then removes the pool's regions.
 */
final class ResultCollector implements MessageHandler, Runnable {
    /** How long the collector sleeps before it looks again, whatever the signals say. */
    private static final long RECHECK_NANOS = TimeUnit.MILLISECONDS.toNanos(20);
    /** The same while an EXITED message waits behind a dead worker's claim, which the ring skips after 1 ms. */
    private static final long MARKER_RECHECK_NANOS = TimeUnit.MILLISECONDS.toNanos(1);
    /** How long the result thread steps aside at a time while callers read the ring. */
    private static final long STEP_ASIDE_NANOS = TimeUnit.MICROSECONDS.toNanos(200);

    /** A worker's process ended: its exit code, and the exception its initializer threw, if any. */
    private record Exit(Worker worker, int exitCode, Throwable startFailure) {
    }

    private final String pool;
    private final MpscRing results;
    private final WorkerStatus status;
    private final Scheduler scheduler;
    private final IdleSpin waiting;
    private final Runnable onTerminated;
    private final Queue<Exit> exits = new ConcurrentLinkedQueue<>();
    /** The one consumer of the result ring at a time: the result thread, or a helping waiter. */
    private final ReentrantLock consumer = new ReentrantLock();
    /** Threads waiting for a result that read the ring themselves meanwhile ({@link #help}). */
    private final AtomicInteger helpers = new AtomicInteger();
    /** Set (under the consumer lock) once the pool terminated: the ring is about to go. */
    private boolean closed;
    private volatile Thread thread;
    /** Only the result thread's. */
    private final List<Exit> markersToWrite = new ArrayList<>();
    private final Map<Long, Exit> awaitingMarker = new HashMap<>();
    private final Consumer<Worker> workerGone;
    private Object[] outcomes = new Object[64];
    private boolean answered;

    /**
     * @param workerGone   what to do with a worker whose end was dealt with (release its ring)
     * @param onTerminated run on this thread once the pool has terminated
     */
    ResultCollector(String pool, PoolRegions regions, Scheduler scheduler, IdleSpin waiting,
                    Consumer<Worker> workerGone, Runnable onTerminated) {
        this.pool = pool;
        this.results = regions.results();
        this.status = regions.status();
        this.scheduler = scheduler;
        this.waiting = waiting;
        this.workerGone = workerGone;
        this.onTerminated = onTerminated;
    }

    /** Called by a worker's watcher thread once its process ended. */
    void workerExited(Worker worker, int exitCode, Throwable startFailure) {
        exits.add(new Exit(worker, exitCode, startFailure));
        // Publish (the queue's CAS), then signal: the collector's wait condition reads the queue.
        results.notEmpty().signalAll();
    }

    @Override
    public void run() {
        thread = Thread.currentThread();
        WaitCondition work = () -> !results.isEmpty() || !exits.isEmpty() || helpers.get() > 0;
        try {
            while (true) {
                if (helpers.get() > 0) {
                    // Threads waiting for a result read the ring themselves: step aside, and stay
                    // off the ring's wait point (each sleeper there costs every worker a wake-up),
                    // but write the EXITED messages, which only this thread does.
                    LockSupport.parkNanos(STEP_ASIDE_NANOS);
                    if (exits.isEmpty() && markersToWrite.isEmpty()) {
                        continue;
                    }
                }
                int handled;
                consumer.lock();
                try {
                    handled = serviceOnce();
                    if (scheduler.terminateIfDone()) {
                        closed = true;
                        return;
                    }
                } finally {
                    consumer.unlock();
                }
                if (handled == 0) {
                    long recheck = awaitingMarker.isEmpty() && markersToWrite.isEmpty() ? RECHECK_NANOS
                        : MARKER_RECHECK_NANOS;
                    awaitQuietly(work, recheck);
                }
            }
        } finally {
            onTerminated.run();
        }
    }

    /**
     * Called by a thread about to wait until {@code done}: reads the result ring itself for the
     * pool's spin time (while the result thread steps aside), so that a quick task's result
     * reaches its caller without a hand-over between threads. Any result read on the way is
     * delivered, so callbacks of other futures may run in this thread too. Returns when
     * {@code done} holds or the time is up; the caller then blocks as usual.
     *
     * @throws IllegalStateException if this thread is reading results already (a callback that
     *                               waits for a pool result would wait forever: nobody else
     *                               can read it meanwhile)
     */
    void help(BooleanSupplier done) {
        if (consumer.isHeldByCurrentThread()) {
            throw new IllegalStateException("pool " + pool + ": waiting for a result in a callback that runs on the "
                + "thread reading the pool's results would wait forever (chain it with the ...Async methods of "
                + "CompletableFuture instead)");
        }
        helpers.incrementAndGet();
        try {
            long started = System.nanoTime();
            for (int round = 1; !done.getAsBoolean(); round++) {
                if (consumer.tryLock()) {
                    try {
                        if (!closed) {
                            serviceOnce();
                        }
                    } finally {
                        consumer.unlock();
                    }
                }
                if (done.getAsBoolean() || (round & 63) == 0 && System.nanoTime() - started > waiting.spinNanos()) {
                    return;
                }
                Thread.onSpinWait();
            }
        } finally {
            if (helpers.decrementAndGet() == 0 && !results.isEmpty()) {
                LockSupport.unpark(thread); // results for no helper: the result thread takes them now
            }
        }
    }

    /** One round of the collector's work; under the consumer lock. Returns how many messages it read. */
    private int serviceOnce() {
        int handled = drainSafely();
        if (Thread.currentThread() == thread) {
            // Only this thread produces into the ring: a producer holds a slot of the ring's
            // table for good, and helping threads come and go.
            for (Exit exit; (exit = exits.poll()) != null; ) {
                markersToWrite.add(exit);
            }
            writeMarkers();
        }
        if (answered) {
            answered = false;
            scheduler.pump();
        }
        return handled;
    }

    private int drainSafely() {
        try {
            return results.drain(this, 256);
        } catch (RuntimeException | Error bug) {
            Thread current = Thread.currentThread();
            current.getUncaughtExceptionHandler().uncaughtException(current, bug);
            return 1;
        }
    }

    private void awaitQuietly(WaitCondition work, long nanos) {
        try {
            waiting.await(results.notEmpty(), work, System.nanoTime() + nanos);
        } catch (InterruptedException ignored) {
            // the result thread ends only with the pool
        }
    }

    private void writeMarkers() {
        for (var pending = markersToWrite.iterator(); pending.hasNext(); ) {
            Exit exit = pending.next();
            long index = results.tryClaim(ResultMessageLayout.EXITED, ResultMessageLayout.EXITED_LENGTH);
            if (index < 0) {
                return; // the ring is full of results: read them first
            }
            MemorySegment buffer = results.buffer();
            buffer.set(ValueLayout.JAVA_INT_UNALIGNED, index + SLOT_OFFSET, exit.worker().slot);
            buffer.set(ValueLayout.JAVA_INT_UNALIGNED, index + GENERATION_OFFSET, exit.worker().generation);
            results.commit(index);
            awaitingMarker.put(key(exit.worker().slot, exit.worker().generation), exit);
            pending.remove();
        }
    }

    private static long key(int slot, int generation) {
        return ((long) slot << 32) | (generation & 0xFFFF_FFFFL);
    }

    @Override
    public void onMessage(int type, MemorySegment buffer, long offset, int length) {
        int slot = buffer.get(ValueLayout.JAVA_INT_UNALIGNED, offset + SLOT_OFFSET);
        int generation = buffer.get(ValueLayout.JAVA_INT_UNALIGNED, offset + GENERATION_OFFSET);
        switch (type) {
            case ResultMessageLayout.RESULT -> onResult(slot, generation, buffer, offset, length);
            case ResultMessageLayout.READY -> scheduler.ready(slot, generation);
            case ResultMessageLayout.EXITED -> onExited(slot, generation);
            default -> throw new IllegalStateException("pool " + pool + ": result message type=" + type
                + " (expected: 1 to 3)");
        }
    }

    private void onExited(int slot, int generation) {
        Exit exit = awaitingMarker.remove(key(slot, generation));
        if (exit == null) {
            return;
        }
        Worker worker = scheduler.ended(slot, generation, exit.exitCode(), exit.startFailure(), status.read(slot));
        if (worker != null) {
            workerGone.accept(worker);
        }
    }

    private void onResult(int slot, int generation, MemorySegment buffer, long offset, int length) {
        int sequence = buffer.get(ValueLayout.JAVA_INT_UNALIGNED, offset + SEQUENCE_OFFSET);
        int from = buffer.get(ValueLayout.JAVA_INT_UNALIGNED, offset + FROM_OFFSET);
        int count = buffer.get(ValueLayout.JAVA_INT_UNALIGNED, offset + COUNT_OFFSET);
        boolean last = (buffer.get(ValueLayout.JAVA_BYTE, offset + FLAGS_OFFSET) & ResultMessageLayout.LAST_PART) != 0;
        if (from < 0 || count < 0) {
            return; // a damaged header
        }
        Sent sent = scheduler.answered(slot, generation, sequence, from, count, last,
            buffer.get(ValueLayout.JAVA_LONG_UNALIGNED, offset + BUSY_NANOS_OFFSET));
        answered = true;
        if (sent == null) {
            return;
        }
        byte encoding = buffer.get(ValueLayout.JAVA_BYTE, offset + ENCODING_OFFSET);
        if (ValueCodec.isFixedWidth(encoding) && sent.batch.job() instanceof MapJob<?> map && !sent.anyUnsent()) {
            try {
                map.completeFixed(sent.batch.first() + from, encoding, buffer, offset + HEADER_LENGTH,
                    length - HEADER_LENGTH, count);
                return;
            } catch (CodecException damaged) {
                // delivered as failures below
            }
        }
        decode(encoding, buffer, offset + HEADER_LENGTH, length - HEADER_LENGTH, count);
        deliver(sent, from, count);
        Arrays.fill(outcomes, 0, count, null);
    }

    /** Fills {@code outcomes[0, count)} with values and {@link TaskFailure}s. */
    private void decode(byte encoding, MemorySegment buffer, long payload, int length, int count) {
        if (outcomes.length < count) {
            outcomes = new Object[Math.max(count, outcomes.length * 2)];
        }
        int i = 0;
        try {
            ValueCodec.Reader values = new ValueCodec.Reader(encoding, buffer, payload, length);
            for (; i < count; i++) {
                Object value = values.next();
                if (value instanceof FailureReport report) {
                    value = new TaskFailure(report.recreate());
                } else if (value instanceof ValueCodec.Unreadable unreadable) {
                    value = new TaskFailure(unreadable.failure());
                }
                outcomes[i] = value;
            }
        } catch (RuntimeException damaged) {
            TaskFailure failure = new TaskFailure(damaged instanceof CodecException ? damaged
                : new CodecException("pool " + pool + ": a result message cannot be read: " + damaged, damaged));
            Arrays.fill(outcomes, i, count, failure);
        }
    }

    /** Hands the decoded outcomes to the job, around tasks that were failed before sending. */
    private void deliver(Sent sent, int from, int count) {
        Job job = sent.batch.job();
        int start = 0;
        for (int i = 0; i <= count; i++) {
            if (i == count || sent.unsent(from + i)) {
                if (i > start) {
                    job.complete(sent.batch.first() + from + start, outcomes, start, i - start);
                }
                start = i + 1;
            }
        }
    }
}

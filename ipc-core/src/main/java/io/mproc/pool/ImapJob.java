package io.mproc.pool;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.ReentrantLock;

/**
 * {@code imap} and {@code imapUnordered}: the input is read in chunks by the thread that takes
 * results (and by the call that starts it), never more than {@code maxAhead} tasks ahead of the
 * results taken, so a large or endless input is never read at once and a slow consumer holds
 * the workers back (backpressure) instead of piling up results.
 *
 * <p>Locks: the input is read under {@code reading} (so that two readers never interleave); the
 * rest of the state is guarded by this object's monitor, which is never held while the pool's
 * lock is taken (the pool takes it inside its own, in {@link #nextBatch()}).
 *
 * @param <R> the result type
 */
final class ImapJob<R> extends Job implements ResultIterator<R> {
    private static final Object PENDING = new Object();
    private static final Object NULL = new Object();

    private final Iterator<?> input;
    private final int chunksize;
    private final int maxAhead;
    private final boolean ordered;
    private final Runnable pump;
    private final ResultCollector results;
    private final ReentrantLock reading = new ReentrantLock();
    private final ArrayDeque<Batch> ready = new ArrayDeque<>();
    /** Ordered: outcomes of tasks [taken, read), at index % maxAhead. */
    private final Object[] window;
    /** Unordered: outcomes as they arrived. */
    private final ArrayDeque<Object> arrived = new ArrayDeque<>();
    private int read;
    private int taken;
    private int outcomes;
    private boolean inputDone;
    private boolean closed;

    /**
     * @param pump    asks the pool to send what is ready (called without any lock held)
     * @param results the pool's results, which a waiting consumer helps read
     */
    ImapJob(PoolFunction function, String kind, Iterator<?> input, int chunksize, int maxAhead, boolean ordered,
            Runnable pump, ResultCollector results) {
        super(function, kind);
        this.input = input;
        this.chunksize = chunksize;
        this.maxAhead = maxAhead;
        this.ordered = ordered;
        this.pump = pump;
        this.results = results;
        this.window = ordered ? new Object[maxAhead] : null;
        if (ordered) {
            Arrays.fill(window, PENDING);
        }
    }

    /** Reads input while fewer than {@code maxAhead} tasks are read ahead of the results taken. */
    void readAhead() {
        boolean added = false;
        reading.lock();
        try {
            while (true) {
                int room;
                synchronized (this) {
                    room = inputDone || closed ? 0 : maxAhead - (read - taken);
                }
                if (room <= 0) {
                    break;
                }
                Object[] chunk = new Object[Math.min(chunksize, room)];
                int count = 0;
                Throwable failure = null;
                boolean end;
                try {
                    while (count < chunk.length && input.hasNext()) {
                        chunk[count++] = input.next();
                    }
                    end = count < chunk.length;
                } catch (RuntimeException | Error broken) {
                    failure = broken;
                    end = true;
                }
                synchronized (this) {
                    if (count > 0) {
                        ready.add(new Batch(this, read, count, chunk, 0, true, 0, null));
                        read += count;
                        added = true;
                    }
                    if (failure != null) {
                        place(read++, new TaskFailure(failure));
                        outcomes++;
                        notifyAll();
                    }
                    inputDone |= end;
                }
                if (end) {
                    break;
                }
            }
        } finally {
            reading.unlock();
        }
        if (added) {
            pump.run();
        }
        finishIfDone();
    }

    @Override
    synchronized Batch nextBatch() {
        return ready.pollFirst();
    }

    @Override
    synchronized boolean exhausted() {
        return closed || inputDone && ready.isEmpty();
    }

    @Override
    void complete(int first, Object[] results, int from, int count) {
        synchronized (this) {
            if (closed) {
                return;
            }
            for (int i = 0; i < count; i++) {
                place(first + i, results[from + i]);
            }
            outcomes += count;
            notifyAll();
        }
        finishIfDone();
    }

    private void place(int task, Object outcome) {
        Object stored = outcome == null ? NULL : outcome;
        if (ordered) {
            window[task % maxAhead] = stored;
        } else {
            arrived.addLast(stored);
        }
    }

    private void finishIfDone() {
        boolean done;
        synchronized (this) {
            done = closed || inputDone && outcomes == read;
        }
        if (done) {
            finish();
        }
    }

    @Override
    void abandon(Throwable cause) {
        synchronized (this) {
            TaskFailure failure = new TaskFailure(cause);
            if (ordered) {
                for (int task = taken; task < read; task++) {
                    if (window[task % maxAhead] == PENDING) {
                        window[task % maxAhead] = failure;
                    }
                }
            } else {
                for (int missing = read - outcomes; missing > 0; missing--) {
                    arrived.addLast(failure);
                }
            }
            outcomes = read;
            inputDone = true;
            ready.clear();
            notifyAll();
        }
        finish();
    }

    // ---- the iterator ----

    @Override
    public boolean hasNext() {
        synchronized (this) {
            if (closed) {
                return false;
            }
            if (taken < read) {
                return true;
            }
            if (inputDone) {
                return false;
            }
        }
        readAhead();
        synchronized (this) {
            return !closed && taken < read;
        }
    }

    @Override
    public R next() {
        try {
            return next(null);
        } catch (ExecutionException failed) {
            throw new CompletionException(failed.getCause());
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new CompletionException(interrupted);
        } catch (TimeoutException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    @Override
    public R next(Duration timeout) throws InterruptedException, ExecutionException, TimeoutException {
        if (!hasNext()) {
            throw new NoSuchElementException("no more results in " + this);
        }
        if (!availableNow()) {
            results.help(this::availableNow);
        }
        Object outcome = take(timeout == null ? Long.MAX_VALUE : System.nanoTime() + timeout.toNanos());
        readAhead();
        if (outcome instanceof TaskFailure failed) {
            throw new ExecutionException(failed.failure());
        }
        @SuppressWarnings("unchecked")
        R result = outcome == NULL ? null : (R) outcome;
        return result;
    }

    private synchronized Object take(long deadline) throws InterruptedException, TimeoutException {
        while (!available()) {
            if (closed) {
                throw new NoSuchElementException(this + " is closed");
            }
            if (deadline == Long.MAX_VALUE) {
                wait();
            } else {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new TimeoutException("no result from " + this + " in time");
                }
                wait(Math.max(1, left / 1_000_000), 0);
            }
        }
        Object outcome;
        if (ordered) {
            outcome = window[taken % maxAhead];
            window[taken % maxAhead] = PENDING;
        } else {
            outcome = arrived.pollFirst();
        }
        taken++;
        return outcome;
    }

    private synchronized boolean availableNow() {
        return closed || available();
    }

    private boolean available() {
        return ordered ? window[taken % maxAhead] != PENDING : !arrived.isEmpty();
    }

    @Override
    public void close() {
        synchronized (this) {
            closed = true;
            ready.clear();
            notifyAll();
        }
        finish();
    }
}

package io.mproc.wait;

/**
 * How a thread waits for a condition that another process will make true.
 *
 * <p>Deadlines are {@link System#nanoTime()} values; {@link #FOREVER} waits without limit.
 * Every strategy is correct with every signaller: the side that makes the condition true
 * always calls {@link WaitPoint#signalAll()} (or {@code signalOne()}), which costs a fence and
 * a read when nobody sleeps.
 */
public interface WaitStrategy {
    /** Deadline meaning "no time limit". */
    long FOREVER = Long.MAX_VALUE;

    /**
     * Waits until {@code condition} holds or the deadline passes.
     *
     * @return true if the condition holds, false if the deadline passed first
     * @throws InterruptedException if the thread is interrupted while waiting
     */
    boolean await(WaitPoint point, WaitCondition condition, long deadlineNanos) throws InterruptedException;

    /** Spins on the CPU ({@link Thread#onSpinWait()}): the lowest latency, one core busy all the time. */
    static WaitStrategy busySpin() {
        throw new UnsupportedOperationException("not implemented yet");
    }

    /**
     * Spins briefly, then yields, then sleeps on the futex: near busy-spin latency when the
     * other side answers quickly, no CPU when idle. The default.
     */
    static WaitStrategy spinThenBlock() {
        throw new UnsupportedOperationException("not implemented yet");
    }

    /** Spins, yields, then parks for growing intervals: portable, for where futex is unavailable. */
    static WaitStrategy backoff() {
        throw new UnsupportedOperationException("not implemented yet");
    }

    /** {@link #spinThenBlock()} where the futex is available, else {@link #backoff()}. */
    static WaitStrategy defaultStrategy() {
        throw new UnsupportedOperationException("not implemented yet");
    }
}

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
     * Waits until {@code condition} holds or the deadline passes. A condition that already holds
     * returns true at once, whatever the deadline or the interrupt flag. The condition must read
     * shared memory with acquire loads (it pairs with the signaller's release store).
     *
     * @return true if the condition holds, false if the deadline passed first
     * @throws InterruptedException if the thread is interrupted while waiting
     */
    boolean await(WaitPoint point, WaitCondition condition, long deadlineNanos) throws InterruptedException;

    /**
     * Spins on the CPU ({@link Thread#onSpinWait()}): the lowest latency, one core busy all the
     * time. Looks at the deadline and the interrupt flag every few dozen spins. Never sleeps, so
     * it never registers at the wait point.
     */
    static WaitStrategy busySpin() {
        return new BusySpinStrategy();
    }

    /**
     * Spins briefly (a few microseconds), yields a few times, then sleeps on the futex: near
     * busy-spin latency when the other side answers quickly, no CPU when idle. The default.
     *
     * <p>While asleep the thread wakes now and then to notice {@link Thread#interrupt()} (the
     * JDK cannot interrupt a thread inside the futex system call): after 20 ms, then after
     * slices doubling up to 100 ms. So an interrupt is seen within 20 ms early in a wait and
     * within 100 ms in a long one; a thread blocked for long wakes about ten times a second,
     * which costs next to no CPU.
     *
     * @throws UnsupportedOperationException if the futex is not {@link Futex#isAvailable() available}
     */
    static WaitStrategy spinThenBlock() {
        return new SpinThenBlockStrategy(SpinThenBlockStrategy.DEFAULT_SPINS,
            SpinThenBlockStrategy.DEFAULT_YIELDS, SpinThenBlockStrategy.DEFAULT_SLICE_NANOS);
    }

    /**
     * As {@link #spinThenBlock()}, with {@code spins} iterations of {@link Thread#onSpinWait()}
     * and then {@code yields} calls of {@link Thread#yield()} before sleeping.
     * {@code spinThenBlock(0, 0)} goes to sleep at once when the condition does not hold.
     *
     * @throws IllegalArgumentException if a count is negative
     * @throws UnsupportedOperationException if the futex is not {@link Futex#isAvailable() available}
     */
    static WaitStrategy spinThenBlock(int spins, int yields) {
        return new SpinThenBlockStrategy(spins, yields, SpinThenBlockStrategy.DEFAULT_SLICE_NANOS);
    }

    /**
     * Spins, yields, then parks ({@link java.util.concurrent.locks.LockSupport#parkNanos}) for
     * intervals doubling from 1 µs to 1 ms: portable, for where the futex is unavailable.
     * Up to about a millisecond of latency once idle; a little CPU (about a thousand
     * wake-ups a second) while idle.
     */
    static WaitStrategy backoff() {
        return new BackoffStrategy();
    }

    /** {@link #spinThenBlock()} where the futex is available, else {@link #backoff()}. */
    static WaitStrategy defaultStrategy() {
        return Futex.isAvailable() ? spinThenBlock() : backoff();
    }

    /**
     * The deadline {@code timeout} from now, for {@link #await}: {@link #FOREVER} if that is
     * beyond what {@link System#nanoTime()} can express, now if {@code timeout} is negative.
     */
    static long deadlineAfter(java.time.Duration timeout) {
        return Deadlines.after(timeout);
    }

    /** As {@link #deadlineAfter(java.time.Duration)}, for {@code timeout} in {@code unit} (no allocation). */
    static long deadlineAfter(long timeout, java.util.concurrent.TimeUnit unit) {
        return Deadlines.afterNanos(unit.toNanos(timeout));
    }
}

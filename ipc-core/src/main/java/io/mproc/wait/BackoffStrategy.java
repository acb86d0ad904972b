package io.mproc.wait;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * {@link WaitStrategy#backoff()}: spins, yields, then parks for intervals doubling from about
 * 1 µs to 1 ms. Needs no futex and never registers at the wait point, so signallers skip the
 * wake system call; the price is up to a millisecond of latency once idle. Stateless.
 */
final class BackoffStrategy implements WaitStrategy {
    static final int SPINS = 128;
    static final int YIELDS = 8;
    static final long MIN_PARK_NANOS = TimeUnit.MICROSECONDS.toNanos(1);
    static final long MAX_PARK_NANOS = TimeUnit.MILLISECONDS.toNanos(1);

    @Override
    public boolean await(WaitPoint point, WaitCondition condition, long deadlineNanos) throws InterruptedException {
        for (int i = 0; i < SPINS; i++) {
            if (condition.isSatisfied()) {
                return true;
            }
            Thread.onSpinWait();
        }
        long park = MIN_PARK_NANOS;
        for (int round = 0; ; round++) {
            if (condition.isSatisfied()) {
                return true;
            }
            if (Thread.interrupted()) {
                throw new InterruptedException("interrupted while waiting on " + point);
            }
            long remaining = Deadlines.remaining(deadlineNanos);
            if (remaining <= 0) {
                return false;
            }
            if (round < YIELDS) {
                Thread.yield();
            } else {
                // Returns early on unpark or interrupt; either way the loop looks again.
                LockSupport.parkNanos(this, Math.min(park, remaining));
                park = Math.min(park * 2, MAX_PARK_NANOS);
            }
        }
    }

    @Override
    public String toString() {
        return "backoff";
    }
}

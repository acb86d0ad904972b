package io.mproc.wait;

import java.time.Duration;

/** Arithmetic on {@link System#nanoTime()} deadlines that is safe against overflow and {@link WaitStrategy#FOREVER}. */
final class Deadlines {
    private Deadlines() {
    }

    /**
     * Nanoseconds left until {@code deadlineNanos}: {@link Long#MAX_VALUE} for
     * {@link WaitStrategy#FOREVER}, zero or negative once it has passed.
     */
    static long remaining(long deadlineNanos) {
        if (deadlineNanos == WaitStrategy.FOREVER) {
            // nanoTime() may be negative: FOREVER - nanoTime() would overflow.
            return Long.MAX_VALUE;
        }
        return deadlineNanos - System.nanoTime();
    }

    /** The deadline {@code timeout} from now, saturating to {@link WaitStrategy#FOREVER}. */
    static long after(Duration timeout) {
        if (timeout.isNegative()) {
            return System.nanoTime();
        }
        long nanos;
        try {
            nanos = timeout.toNanos();
        } catch (ArithmeticException tooLong) {
            return WaitStrategy.FOREVER;
        }
        return afterNanos(nanos);
    }

    /** As {@link #after(Duration)} for {@code nanos} (saturated at {@link Long#MAX_VALUE}, as {@code TimeUnit.toNanos} does). */
    static long afterNanos(long nanos) {
        if (nanos <= 0) {
            return System.nanoTime();
        }
        long now = System.nanoTime();
        long deadline = now + nanos;
        // Overflow past Long.MAX_VALUE (or landing on it) means "longer than we can measure".
        return deadline < now || deadline == WaitStrategy.FOREVER ? WaitStrategy.FOREVER : deadline;
    }
}

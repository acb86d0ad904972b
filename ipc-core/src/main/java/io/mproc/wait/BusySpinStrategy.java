package io.mproc.wait;

/** {@link WaitStrategy#busySpin()}: polls the condition on the CPU until it holds. Stateless. */
final class BusySpinStrategy implements WaitStrategy {
    /** Spins between looks at the clock and the interrupt flag (a few microseconds). */
    static final int CHECK_EVERY = 64;

    @Override
    public boolean await(WaitPoint point, WaitCondition condition, long deadlineNanos) throws InterruptedException {
        for (int spins = 0; ; spins++) {
            if (condition.isSatisfied()) {
                return true;
            }
            if (spins % CHECK_EVERY == 0) {
                if (Thread.interrupted()) {
                    throw new InterruptedException("interrupted while spinning on " + point);
                }
                if (Deadlines.remaining(deadlineNanos) <= 0) {
                    return false;
                }
            }
            Thread.onSpinWait();
        }
    }

    @Override
    public String toString() {
        return "busySpin";
    }
}

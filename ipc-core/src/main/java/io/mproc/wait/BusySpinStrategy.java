package io.mproc.wait;

/** {@link WaitStrategy#busySpin()}: polls the condition on the CPU until it holds. Stateless. */
final class BusySpinStrategy implements WaitStrategy {
    /** Spins between looks at the clock and the interrupt flag (a few microseconds). */
    static final int CHECK_EVERY = 64;

    @Override
    public boolean await(WaitPoint point, WaitCondition condition, long deadlineNanos) throws InterruptedException {
        // A long: an int would wrap after a minute or so of spinning, and a negative count
        // would skip the clock and interrupt checks below for as long again.
        for (long turn = 0; ; turn++) {
            if (condition.isSatisfied()) {
                return true;
            }
            // Not on the first turn: a condition that comes true within a few spins (the common
            // case) costs no clock read, which is tens of ns on a loaded VM.
            if (turn % CHECK_EVERY == CHECK_EVERY - 1) {
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

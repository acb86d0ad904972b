package io.mproc.bench.channel.sync;

import io.mproc.bench.channel.PeerGoneException;
import io.mproc.bench.channel.PeerWatch;

/**
 * Keeps a hand-off side from waiting for ever on a peer that is gone, without touching its hot
 * path: the side waits in mproc's untimed, interruptible calls ({@code await()},
 * {@code acquire()}, {@code lockInterruptibly()}) exactly as an application would, and this
 * watchdog, a thread of its own, consults the {@link PeerWatch} every {@link #PERIOD_MILLIS} ms
 * and interrupts the waiting thread when it says stop. The waiting side then turns the
 * {@link InterruptedException} into the watch's {@link PeerGoneException} ({@link #gone}).
 *
 * <p>Timed calls would do without a thread, but each would read the clock and build a deadline
 * on every hand-off: a cost a user of the untimed calls does not pay. Used by one side's one
 * waiting thread, which it learns on its first {@link #enter()}; closed by any thread after
 * that one is done.
 */
final class PeerWatchdog implements AutoCloseable {

    /** How often the watch is consulted: a peer's death is noticed this late, at most. */
    static final long PERIOD_MILLIS = 200;

    private final PeerWatch watch;
    /** The side's waiting thread; written and read by that thread only (before the dog starts). */
    private Thread waiter;
    private volatile Thread dog;
    private volatile PeerGoneException gone;

    PeerWatchdog(PeerWatch watch) {
        this.watch = watch;
    }

    /** Called by the waiting thread before each hand-off: starts watching over it the first time. */
    void enter() {
        if (waiter == null) {
            waiter = Thread.currentThread();
            Thread target = waiter;
            dog = Thread.ofPlatform().daemon().name("handoff-watchdog").start(() -> watch(target));
        }
    }

    /** The reason to stop waiting, for a side whose wait was interrupted. */
    PeerGoneException gone(InterruptedException interrupted) {
        PeerGoneException reason = gone;
        return reason != null ? reason
            : new PeerGoneException("interrupted while waiting for the peer: " + interrupted);
    }

    /** One turn of a spin wait outside the measured hand-offs (setting up): stops when the watchdog says so. */
    void spin() {
        Thread.onSpinWait();
        if (Thread.interrupted()) {
            throw gone(new InterruptedException("interrupted while setting up"));
        }
    }

    private void watch(Thread target) {
        try {
            while (true) {
                Thread.sleep(PERIOD_MILLIS);
                watch.check();
            }
        } catch (PeerGoneException stop) {
            gone = stop;
            target.interrupt();
        } catch (InterruptedException closed) {
            // close(): the side is done
        }
    }

    /** Stops the watchdog thread, if it was started, and waits for it to end. */
    @Override
    public void close() {
        Thread running = dog;
        if (running == null) {
            return;
        }
        running.interrupt();
        try {
            running.join();
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}

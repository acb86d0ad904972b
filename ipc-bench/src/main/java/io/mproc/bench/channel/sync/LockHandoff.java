package io.mproc.bench.channel.sync;

import io.mproc.bench.channel.Pinger;
import io.mproc.bench.channel.Ponger;
import io.mproc.bench.channel.mproc.Waiting;
import io.mproc.memory.RegionNamespace;
import io.mproc.sync.SharedLock;

/**
 * A round trip of two lock hand-offs: a thread of one process unlocks a {@link SharedLock} that
 * a thread of the other process is waiting in {@code lockInterruptibly()} for. That is the
 * hand-off a lock is judged by (unlock to the waiter's return from {@code lock}, what a
 * contended lock costs its next owner), measured with nothing else in the way: no condition
 * and no shared variable.
 *
 * <p>A lock may only be unlocked by its owner, and a side that unlocks one lock and at once
 * waits for another would race its peer for it with two locks, so there are three, passed
 * round as batons. Before round {@code r} (r = 1, 2, 3...; indexes mod 3) the pinger holds
 * batons {@code r} and {@code r + 1}, the ponger baton {@code r - 1}:
 * <pre>
 *   pinger: unlock(r);              lock(r - 1)   // waits for the ponger's unlock
 *   ponger: lock(r);  unlock(r - 1)               // waits for the pinger's unlock
 * </pre>
 * After it the pinger holds {@code r + 1, r - 1} and the ponger {@code r}: round {@code r + 1}
 * finds the same arrangement one baton on. Each lock is wanted by one side at a time, so
 * nobody barges, and each round trip is exactly two hand-offs. Both sides take their first
 * batons on their first call, on the thread that will unlock them (a lock's owner is a
 * thread): the pinger takes 1 and 2 and waits until baton 0 is taken; the ponger waits until
 * 1 and 2 are taken and then takes 0 (the other way round, the pinger could hand 1 over
 * before the ponger saw it taken).
 */
public final class LockHandoff extends HandoffChannel {

    static final int BATONS = 3;

    public LockHandoff(Waiting waiting) {
        super("lock", waiting);
    }

    static String batonName(int index) {
        return "baton" + index;
    }

    @Override
    Pinger pinger(RegionNamespace namespace, PeerWatchdog watchdog) {
        SharedLock[] batons = new SharedLock[BATONS];
        for (int i = 0; i < BATONS; i++) {
            batons[i] = waitingOn(SharedLock.create(namespace, batonName(i)));
        }
        return new PingSide(namespace, watchdog, batons);
    }

    @Override
    Ponger ponger(RegionNamespace namespace, PeerWatchdog watchdog) {
        SharedLock[] batons = new SharedLock[BATONS];
        for (int i = 0; i < BATONS; i++) {
            batons[i] = waitingOn(SharedLock.attach(namespace, batonName(i)));
        }
        return new PongSide(namespace, watchdog, batons);
    }

    private SharedLock waitingOn(SharedLock lock) {
        lock.setWaitStrategy(strategy());
        return lock;
    }

    /** The baton before {@code index}, mod 3. */
    static int previous(int index) {
        return index == 0 ? BATONS - 1 : index - 1;
    }

    /** The baton after {@code index}, mod 3. */
    static int next(int index) {
        return index == BATONS - 1 ? 0 : index + 1;
    }

    /** What both sides share: the batons, whose turn it is, and the set-up on the first call. */
    private abstract static class BatonSide extends HandoffSide {
        final SharedLock[] batons;
        /** Baton {@code r} of the coming round r (mod 3): the one the pinger hands over. */
        int current = 1;
        private boolean dealt;

        BatonSide(RegionNamespace namespace, PeerWatchdog watchdog, SharedLock[] batons) {
            super(namespace, watchdog);
            this.batons = batons;
        }

        /** Before each hand-off: on the first, take this side's batons and wait for the peer's. */
        final void enter() {
            watchdog.enter();
            if (!dealt) {
                deal();
                dealt = true;
            }
        }

        abstract void deal();

        /** Takes batons that the peer never takes first. */
        final void take(int... indexes) {
            for (int index : indexes) {
                if (!batons[index].tryLock()) {
                    throw new IllegalStateException(batons[index] + " was taken before the hand-off began");
                }
            }
        }

        /** Waits until the peer has taken these batons. */
        final void awaitTaken(int... indexes) {
            for (int index : indexes) {
                while (!batons[index].isLocked()) {
                    watchdog.spin();
                }
            }
        }

        final void lock(int index) {
            try {
                batons[index].lockInterruptibly();
            } catch (InterruptedException interrupted) {
                throw watchdog.gone(interrupted);
            }
        }
    }

    private static final class PingSide extends BatonSide implements Pinger {
        PingSide(RegionNamespace namespace, PeerWatchdog watchdog, SharedLock[] batons) {
            super(namespace, watchdog, batons);
        }

        @Override
        void deal() {
            take(1, 2);
            awaitTaken(0);
        }

        @Override
        public void roundTrip(long sequence) {
            enter();
            batons[current].unlock();
            lock(previous(current));
            current = next(current);
        }
    }

    private static final class PongSide extends BatonSide implements Ponger {
        PongSide(RegionNamespace namespace, PeerWatchdog watchdog, SharedLock[] batons) {
            super(namespace, watchdog, batons);
        }

        @Override
        void deal() {
            // Only once the pinger holds 1 and 2: it lets 1 go as soon as it sees 0 taken.
            awaitTaken(1, 2);
            take(0);
        }

        @Override
        public void echo(long sequence) {
            enter();
            lock(current);
            batons[previous(current)].unlock();
            current = next(current);
        }
    }
}

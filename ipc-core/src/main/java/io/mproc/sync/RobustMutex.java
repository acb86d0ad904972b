package io.mproc.sync;

import static io.mproc.sync.LockLayout.DEAD_OWNER_PID_OFFSET;
import static io.mproc.sync.LockLayout.HOLDS_OFFSET;
import static io.mproc.sync.LockLayout.OWNER_DEATHS_OFFSET;
import static io.mproc.sync.LockLayout.OWNER_OFFSET;
import static io.mproc.sync.LockLayout.OWNER_TOKEN_OFFSET;

import io.mproc.memory.OrderedAccess;
import io.mproc.wait.WaitPoint;
import io.mproc.wait.WaitStrategy;
import java.lang.foreign.MemorySegment;

/**
 * The algorithm behind {@link SharedLock} and {@link SharedRLock}, over a {@link LockLayout}.
 *
 * <p><b>Acquire.</b> One compare-and-set of the owner word from 0 to this thread's
 * {@link OwnerIdentity#threadOwner() owner word}; if that fails, wait (spin, then sleep on the
 * wait point, per the {@link WaitStrategy}) until the word reads 0 and try again. No queue and
 * no fairness: a thread that arrives as the lock is freed may take it before a woken sleeper
 * (barging), as with a non-fair {@link java.util.concurrent.locks.ReentrantLock}.
 *
 * <p><b>Release.</b> Zero the token, release-store 0 into the owner word, then wake one sleeper.
 * A waiter that leaves without the lock (timeout, interrupt) while the lock is free passes the
 * wake-up it may have taken on to the next sleeper, so none sleeps on a free lock.
 *
 * <p><b>Owner death.</b> Waits are cut into {@link Waiting#LIVENESS_SLICE_NANOS slices}; after
 * each that ends with the lock still held, before a timed wait gives up, and on every failed
 * {@code tryAcquire}, the waiter checks (at most once a millisecond per owner value and handle:
 * it reads {@code /proc}) whether the owner's process still runs. Never before the first slice:
 * a contended lock that changes hands within microseconds must not pay a system call each time.
 * If not, the waiter takes the lock over with a compare-and-set of the very owner word it
 * judged (so two rescuers cannot both win, and a lock that changed hands meanwhile is left
 * alone), and records the dead pid for {@link #previousOwnerDied()}. A thread that ends while
 * holding the lock in a process that keeps running is not detected (as with any Java lock).
 */
final class RobustMutex {
    /** How long a failed attempt trusts an earlier liveness check of the same owner. */
    private static final long RECHECK_NANOS = 1_000_000;

    private final MemorySegment body;
    private final String description;
    private final boolean reentrant;
    private final WaitPoint point;
    private volatile WaitStrategy strategy = WaitStrategy.defaultStrategy();
    // Per handle, shared by its threads without synchronisation: a race only makes a liveness
    // check come early or late; every check is itself exact.
    private long checkedOwner;
    private long checkedAt;

    RobustMutex(MemorySegment body, String description) {
        this.body = body;
        this.description = description;
        this.reentrant = LockLayout.isReentrant(body);
        this.point = new WaitPoint(body, LockLayout.WAIT_POINT_OFFSET);
    }

    boolean reentrant() {
        return reentrant;
    }

    String description() {
        return description;
    }

    void strategy(WaitStrategy strategy) {
        this.strategy = strategy;
    }

    WaitStrategy strategy() {
        return strategy;
    }

    /** The owner word (acquire: a snapshot that may change at once unless it is ours). */
    long owner() {
        return OrderedAccess.getLongAcquire(body, OWNER_OFFSET);
    }

    boolean isHeldByCurrentThread() {
        return owner() == OwnerIdentity.threadOwner();
    }

    /** The hold count if the calling thread holds the lock, else 0. */
    int holdCount() {
        // Plain: the owner wrote it, and it is the calling thread (checked first, acquire).
        return isHeldByCurrentThread() ? OrderedAccess.getIntPlain(body, HOLDS_OFFSET) : 0;
    }

    /** Pid of the process that died holding the lock the caller now holds, or 0. */
    int deadPreviousOwner() {
        requireHeld("ask about its previous owner");
        // Plain: written by the thread that took the lock over, i.e. by us or before our acquire.
        return OrderedAccess.getIntPlain(body, DEAD_OWNER_PID_OFFSET);
    }

    boolean previousOwnerDied() {
        return deadPreviousOwner() != 0;
    }

    long ownerDeaths() {
        return OrderedAccess.getLongAcquire(body, OWNER_DEATHS_OFFSET);
    }

    /** One attempt, no waiting: true if the calling thread now holds the lock (again, for an RLock). */
    boolean tryAcquire() {
        long me = OwnerIdentity.threadOwner();
        return claimOrReenter(me) || recoverIfOwnerDead(me);
    }

    /**
     * Acquires before {@code deadline}; returns false if the deadline passed first.
     *
     * @throws IllegalStateException if this non-reentrant lock is already held by the caller
     *                               and the wait is unbounded (it could never end)
     */
    boolean acquire(long deadline, boolean interruptible) throws InterruptedException {
        long me = OwnerIdentity.threadOwner();
        if (claimOrReenter(me)) {
            return true;
        }
        if (!reentrant && owner() == me && deadline == WaitStrategy.FOREVER) {
            throw new IllegalStateException(description + " is already held by this thread and is not reentrant"
                + " (waiting for it would never end; use SharedRLock to lock it again)");
        }
        boolean interrupted = false;
        boolean acquired = false;
        try {
            while (true) {
                if (Waiting.remaining(deadline) <= 0) {
                    // Before giving up: the owner may be dead (a timed wait shorter than a slice).
                    acquired = recoverIfOwnerDead(me);
                    return acquired;
                }
                boolean freed = false;
                try {
                    // Acquire (in owner()): pairs with the release store that freed the lock.
                    freed = Waiting.awaitSlice(strategy, point, () -> owner() == 0, deadline);
                } catch (InterruptedException e) {
                    if (interruptible) {
                        throw e;
                    }
                    interrupted = true;
                }
                if (claim(me)) {
                    acquired = true;
                    return true;
                }
                // Only a lock that stayed held for a whole slice is worth the look in /proc (tens
                // of microseconds): one that is changing hands has a live owner, and a hand-off
                // must not pay a system call.
                if (!freed && recoverIfOwnerDead(me)) {
                    acquired = true;
                    return true;
                }
            }
        } finally {
            if (!acquired && owner() == 0) {
                // We may have been the sleeper the last release woke: pass it on.
                point.signalOne();
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Releases one hold; the last frees the lock and wakes a sleeper. */
    void release() {
        requireHeld("unlock it");
        // Plain: only the owner touches the hold count.
        int holds = OrderedAccess.getIntPlain(body, HOLDS_OFFSET);
        if (holds > 1) {
            OrderedAccess.setIntPlain(body, HOLDS_OFFSET, holds - 1);
            return;
        }
        free();
    }

    /** Releases every hold (for a condition wait) and returns how many there were. */
    int releaseAll() {
        requireHeld("wait on its condition");
        int holds = OrderedAccess.getIntPlain(body, HOLDS_OFFSET);
        free();
        return holds;
    }

    /** Takes the lock back after a condition wait, uninterruptibly, with {@code holds} holds. */
    void reacquire(int holds) {
        try {
            acquire(WaitStrategy.FOREVER, false);
        } catch (InterruptedException impossible) {
            throw new AssertionError("an uninterruptible acquire threw", impossible);
        }
        // Plain: we own the lock.
        OrderedAccess.setIntPlain(body, HOLDS_OFFSET, holds);
    }

    void requireHeld(String toDo) {
        long owner = owner();
        if (owner != OwnerIdentity.threadOwner()) {
            throw new IllegalMonitorStateException("cannot " + toDo + ": " + description + " is "
                + (owner == 0 ? "not locked" : "held by another thread (pid " + OwnerIdentity.pid(owner) + ")"));
        }
    }

    private void free() {
        // Plain stores, published by the release store of the owner word below.
        OrderedAccess.setIntPlain(body, HOLDS_OFFSET, 0);
        OrderedAccess.setIntPlain(body, DEAD_OWNER_PID_OFFSET, 0);
        OrderedAccess.setIntPlain(body, OWNER_TOKEN_OFFSET, 0);
        // Release: everything done under the lock is visible to whoever claims it next.
        OrderedAccess.setLongRelease(body, OWNER_OFFSET, 0);
        point.signalOne();
    }

    private boolean claimOrReenter(long me) {
        if (claim(me)) {
            return true;
        }
        if (reentrant && owner() == me) {
            // Plain: only the owner touches the hold count, and we are it.
            int holds = OrderedAccess.getIntPlain(body, HOLDS_OFFSET);
            if (holds == Integer.MAX_VALUE) {
                throw new IllegalStateException(description + ": maximum hold count exceeded");
            }
            OrderedAccess.setIntPlain(body, HOLDS_OFFSET, holds + 1);
            return true;
        }
        return false;
    }

    private boolean claim(long me) {
        // CAS (volatile): acquires everything the previous owner released.
        if (!OrderedAccess.compareAndSetLong(body, OWNER_OFFSET, 0, me)) {
            return false;
        }
        becomeOwner();
        return true;
    }

    private void becomeOwner() {
        // Release: ordered after the claim, for liveness checkers in other processes.
        OrderedAccess.setIntRelease(body, OWNER_TOKEN_OFFSET, OwnerIdentity.TOKEN);
        OrderedAccess.setIntPlain(body, HOLDS_OFFSET, 1);
    }

    private boolean recoverIfOwnerDead(long me) {
        long owner = owner();
        int pid = OwnerIdentity.pid(owner);
        if (owner == 0 || pid == OwnerIdentity.PID) {
            return false;
        }
        long now = System.nanoTime();
        if (owner == checkedOwner && now - checkedAt < RECHECK_NANOS) {
            return false;
        }
        // Acquire after the owner word: 0 (not yet written) or the token of this owner or a later one.
        int token = OrderedAccess.getIntAcquire(body, OWNER_TOKEN_OFFSET);
        if (!OwnerIdentity.isDead(pid, token)) {
            checkedOwner = owner;
            checkedAt = now;
            return false;
        }
        // CAS on exactly the word we judged: fails if the lock changed hands meanwhile.
        if (!OrderedAccess.compareAndSetLong(body, OWNER_OFFSET, owner, me)) {
            return false;
        }
        becomeOwner();
        OrderedAccess.setIntPlain(body, DEAD_OWNER_PID_OFFSET, pid);
        // Read-modify-write: a monitoring counter other processes may read at any time.
        OrderedAccess.getAndAddLong(body, OWNER_DEATHS_OFFSET, 1);
        return true;
    }

    /** A description of the current owner for toString. */
    String ownerDescription() {
        long owner = owner();
        return owner == 0 ? "unlocked" : "locked by pid " + OwnerIdentity.pid(owner)
            + " thread #" + OwnerIdentity.low(owner);
    }
}

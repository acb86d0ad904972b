package io.mproc.ring;

import io.mproc.memory.OrderedAccess;
import io.mproc.memory.ProcessIdentity;
import java.lang.foreign.MemorySegment;
import java.util.Optional;

/**
 * Finds and frees MPMC slots whose owner (a writer between claim and commit, or a reader
 * between claim and release) was killed. Used only on the slow path: after the same slot, in
 * the same claimed state, has blocked this ring handle for {@link #SUSPICION_NANOS}, because a
 * liveness check reads {@code /proc}.
 *
 * <p>The owner is the pid in the control word plus the start token in the slot. The token is
 * written by the owner just after its claim and zeroed before the slot is handed on (commit,
 * release, abort, recovery), so a token read after the control word is either 0 ("not yet
 * written": the pid alone is checked) or the current owner's: never a previous owner's, which
 * would make a live owner look dead.
 *
 * <p>The bookkeeping fields are per ring handle, shared by its threads without synchronisation:
 * a race can only make a check come early or late, and every check is itself exact.
 */
final class MpmcDeadOwners {
    /** How long one claimed slot must block a handle before its owner's liveness is checked. */
    static final long SUSPICION_NANOS = 1_000_000;

    private final MemorySegment body;
    private final int myPid;
    private long suspectControl = -1;
    private long suspectSlot = -1;
    private long suspectSince;

    MpmcDeadOwners(MemorySegment body, int myPid) {
        this.body = body;
        this.myPid = myPid;
    }

    /**
     * Called when a claimed slot ({@code WRITING} or {@code READING} in {@code control}) blocks
     * progress. Returns true if this call freed the slot to {@code EMPTY(lap + 1)}; the message
     * it held is then dropped (never committed, or already taken by a reader that died).
     */
    boolean recoverIfDead(long slot, long control) {
        if (control != suspectControl || slot != suspectSlot) {
            suspectControl = control;
            suspectSlot = slot;
            suspectSince = System.nanoTime();
            return false;
        }
        long now = System.nanoTime();
        if (now - suspectSince < SUSPICION_NANOS) {
            return false;
        }
        suspectSince = now;
        return freeIfOwnerDead(slot, control);
    }

    /** The check itself, without the waiting (tests call it directly). */
    boolean freeIfOwnerDead(long slot, long control) {
        int pid = MpmcControl.pid(control);
        if (pid == myPid || !ownerDead(pid, ownerToken(slot))) {
            return false;
        }
        // Zero the token before the slot can be claimed again (the CAS orders this plain store
        // before it): the next owner must never be judged by the dead one's token. A late
        // zeroing by a recoverer that lost the CAS only weakens a check to "pid only".
        OrderedAccess.setIntPlain(body, slot + MpmcRingLayout.OWNER_TOKEN_OFFSET, 0);
        // CAS: frees exactly the claim we judged; fails harmlessly if anyone moved it meanwhile.
        return OrderedAccess.compareAndSetLong(body, slot + MpmcRingLayout.CONTROL_OFFSET, control,
            MpmcControl.empty(MpmcControl.lap(control) + 1));
    }

    private int ownerToken(long slot) {
        // Opaque: races with the owner's own token store by design; the caller's acquire load
        // of the control word already orders this after the previous owner's zeroing.
        return OrderedAccess.getIntOpaque(body, slot + MpmcRingLayout.OWNER_TOKEN_OFFSET);
    }

    /** Dead means provably gone: no such pid, or a pid whose start token differs from the claim's. */
    static boolean ownerDead(int pid, int token) {
        Optional<ProcessIdentity> found = ProcessIdentity.of(pid);
        if (found.isEmpty()) {
            return true;
        }
        long start = found.get().startTime();
        if (start == ProcessIdentity.UNKNOWN_START || token == 0) {
            return false; // cannot tell: treat as alive (a stuck slot is better than a torn one)
        }
        return found.get().startToken() != token;
    }
}

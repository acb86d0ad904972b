package io.mproc.ring;

/**
 * The 64-bit control word of an MPMC slot: everything a claim needs, changed in one CAS.
 *
 * <pre>
 *   63                              32 31 30 29                              0
 *  +----------------------------------+-----+---------------------------------+
 *  |  lap (low 32 bits of pos/slots)  |state|  owner pid (WRITING / READING)  |
 *  +----------------------------------+-----+---------------------------------+
 * </pre>
 *
 * <p>For one slot the word only moves forward, one lap at a time:
 * {@code EMPTY(L) -> WRITING(L, pid) -> FULL(L) -> READING(L, pid) -> EMPTY(L + 1)}, with two
 * shortcuts to {@code EMPTY(L + 1)}: an abort (from the writer's own {@code WRITING}) and the
 * recovery of a dead owner (from {@code WRITING} or {@code READING}, by anyone). Because the
 * whole word, lap included, is compared, a CAS can only succeed on the exact claim it read.
 * {@code EMPTY} and {@code FULL} words carry pid 0, always: a producer claims by exchanging the
 * canonical {@code EMPTY(L)} without reading the word first.
 *
 * <p>Laps are compared wrap-safely ({@link #lapDistance}): only the distances -1, 0 and +1
 * carry meaning; a thread that reads a position and then stalls for 2<sup>32</sup> laps would
 * see its stale lap match again, and then acts on the slot's current lap, which is still
 * correct for the slot (the position it read only chose the slot and the hint it stores).
 */
final class MpmcControl {
    private MpmcControl() {
    }

    static final int EMPTY = 0;
    static final int WRITING = 1;
    static final int FULL = 2;
    static final int READING = 3;

    private static final int STATE_SHIFT = 30;
    private static final int PID_MASK = (1 << STATE_SHIFT) - 1;
    /** Largest pid that fits (Linux's pid_max is at most 2^22). */
    static final int MAX_PID = PID_MASK;

    static long empty(int lap) {
        return word(lap, EMPTY, 0);
    }

    static long writing(int lap, int pid) {
        return word(lap, WRITING, pid);
    }

    static long full(int lap) {
        return word(lap, FULL, 0);
    }

    static long reading(int lap, int pid) {
        return word(lap, READING, pid);
    }

    static int lap(long control) {
        return (int) (control >>> 32);
    }

    static int state(long control) {
        return (int) control >>> STATE_SHIFT;
    }

    static int pid(long control) {
        return (int) control & PID_MASK;
    }

    /** {@code controlLap - positionLap}, correct across the 32-bit wrap. */
    static int lapDistance(long control, int positionLap) {
        return lap(control) - positionLap;
    }

    static String describe(long control) {
        String state = switch (state(control)) {
            case EMPTY -> "EMPTY";
            case WRITING -> "WRITING";
            case FULL -> "FULL";
            default -> "READING";
        };
        int pid = pid(control);
        return state + "(lap " + Integer.toUnsignedString(lap(control)) + (pid == 0 ? ")" : ", pid " + pid + ")");
    }

    /** What a side of {@code ring} throws when the slot at a frontier is in a state the protocol never leaves it in. */
    static IllegalStateException corrupted(String ring, String frontier, long position, long control) {
        return new IllegalStateException(ring + ": " + frontier + " at position " + position
            + " but its slot is " + describe(control) + ": the ring is corrupted");
    }

    private static long word(int lap, int state, int pid) {
        return ((long) lap << 32) | ((long) state << STATE_SHIFT) | pid;
    }
}

package io.mproc.pool;

import io.mproc.memory.RegionHeaderLayout;
import io.mproc.memory.RegionKind;

/**
 * The body of a pool's status region: one slot per worker, in which the worker records which
 * task it is running, so that the pool knows exactly which task a killed worker was running.
 *
 * <pre>
 *  +---------------------------------------------------------------+
 *  | slots (int)                                                   |    0  lines 0-1
 *  +---------------------------------------------------------------+
 *  | slot 0: progress (long) = sequence &lt;&lt; 32 | task index         |  128  lines 2-3
 *  +---------------------------------------------------------------+
 *  | slot 1: progress (long)                                       |  256  lines 4-5
 *  +---------------------------------------------------------------+
 *  | ...                                                           |
 * </pre>
 *
 * A worker release-stores its slot's progress before it starts each task (task index
 * {@code i} of the task message with sequence {@code s}), and {@code (s, count)} once the
 * message's tasks are done, before it sends their results. Only that worker writes the slot
 * while it lives; the pool reads it (acquire) after the worker's process has ended, and zeroes
 * it (release) before it starts the slot's next worker. Progress 0 means "no task started".
 * Each slot has two cache lines of its own, so that workers recording progress never share a
 * line (nor an adjacent-line prefetch pair).
 */
final class WorkerStatusLayout {
    private WorkerStatusLayout() {
    }

    static final RegionKind KIND = new RegionKind("pool.status", 1);

    static final long SLOTS_OFFSET = 0;
    static final long SLOT_LENGTH = 2L * RegionHeaderLayout.CACHE_LINE;
    static final long FIRST_SLOT_OFFSET = SLOT_LENGTH;

    static long progressOffset(int slot) {
        return FIRST_SLOT_OFFSET + slot * SLOT_LENGTH;
    }

    static long bodySize(int slots) {
        return FIRST_SLOT_OFFSET + slots * SLOT_LENGTH;
    }

    static long progress(int sequence, int index) {
        return ((long) sequence << 32) | (index & 0xFFFF_FFFFL);
    }

    static int sequence(long progress) {
        return (int) (progress >>> 32);
    }

    static int index(long progress) {
        return (int) progress;
    }
}

package io.mproc.process.internal;

import io.mproc.memory.RegionHeaderLayout;
import io.mproc.memory.RegionKind;
import io.mproc.wait.WaitPointLayout;

/**
 * The body of a process's control region ({@code <id>.ctl} in the parent's process namespace):
 * the words through which a parent and the child JVM it started tell each other what happened.
 *
 * <pre>
 *   0                   1                   2                   3
 *   0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 *  +---------------------------------------------------------------+
 *  |  State (int)   child: LAUNCHED, STANDBY, RUNNING, FINISHED    |  0
 *  +---------------------------------------------------------------+
 *  |  Spec Word (int)   parent to a standby: NONE, PUBLISHED, ...   |  4
 *  +---------------------------------------------------------------+
 *  |  Parent Pid (int)                                             |  8
 *  +---------------------------------------------------------------+
 *  |  Child Pid (int)                                              | 12
 *  +---------------------------------------------------------------+
 *  |  Parent Start Time (long)                                     | 16
 *  +---------------------------------------------------------------+
 *  |  Child Start Time (long)                                      | 24
 *  +---------------------------------------------------------------+
 *  |  Exit Recorded (int)  1: Exit Code is the child's own choice  | 32
 *  +---------------------------------------------------------------+
 *  |  Exit Code (int)                                              | 36
 *  +---------------------------------------------------------------+
 *  |  Signal Seen (int)  signal whose JVM handler began shutdown   | 40
 *  +---------------------------------------------------------------+
 *  |  Hooks Ran (int)  1 once the JVM ran its shutdown hooks       | 44
 *  +---------------------------------------------------------------+
 *  |  Outcome Length (long)  bytes in &lt;id&gt;.out, -1: none          | 48
 *  +---------------------------------------------------------------+
 *  |  Padding to the next cache line                               | 56
 *  +---------------------------------------------------------------+
 *  |  Spec Wait Point (8 bytes): a standby sleeps here             | 64
 *  +---------------------------------------------------------------+
 *  |  Padding to 128                                               | 72
 *  +---------------------------------------------------------------+
 * </pre>
 *
 * <p>The parent writes the parent fields before it publishes the region; every other word has
 * one writer. The child writes its fields with release stores, and the parent reads them with
 * acquire loads once the child's exit has been reaped (the kernel orders that too, but the
 * modes say what is meant). The wait point gets its own cache line: a standby polls it and the
 * spec word while the child-side words are quiet.
 */
public final class ControlLayout {
    private ControlLayout() {
    }

    /** What a control region holds. */
    public static final RegionKind KIND = new RegionKind("process.control", 1);

    public static final long STATE_OFFSET = 0;
    public static final long SPEC_WORD_OFFSET = STATE_OFFSET + Integer.BYTES;
    public static final long PARENT_PID_OFFSET = SPEC_WORD_OFFSET + Integer.BYTES;
    public static final long CHILD_PID_OFFSET = PARENT_PID_OFFSET + Integer.BYTES;
    public static final long PARENT_START_OFFSET = CHILD_PID_OFFSET + Integer.BYTES;
    public static final long CHILD_START_OFFSET = PARENT_START_OFFSET + Long.BYTES;
    public static final long EXIT_RECORDED_OFFSET = CHILD_START_OFFSET + Long.BYTES;
    public static final long EXIT_CODE_OFFSET = EXIT_RECORDED_OFFSET + Integer.BYTES;
    public static final long SIGNAL_SEEN_OFFSET = EXIT_CODE_OFFSET + Integer.BYTES;
    public static final long HOOKS_RAN_OFFSET = SIGNAL_SEEN_OFFSET + Integer.BYTES;
    public static final long OUTCOME_LENGTH_OFFSET = HOOKS_RAN_OFFSET + Integer.BYTES;
    public static final long SPEC_WAIT_OFFSET = RegionHeaderLayout.CACHE_LINE;
    /** Bytes of the control region's body. */
    public static final long LENGTH = 2L * RegionHeaderLayout.CACHE_LINE;

    /** State: the JVM was launched and has not said more yet. */
    public static final int STATE_LAUNCHED = 0;
    /** State: a standby JVM is up and waits for a spec. */
    public static final int STATE_STANDBY = 1;
    /**
     * State: the child has its spec and its target runs or is about to (a cold child sets it
     * once its control block is mapped, which may be after the target began).
     */
    public static final int STATE_RUNNING = 2;
    /** State: the target ended and its outcome is written. */
    public static final int STATE_FINISHED = 3;

    /** Spec word: no spec yet. */
    public static final int SPEC_NONE = 0;
    /** Spec word: {@code <id>.spec} is ready to read. */
    public static final int SPEC_PUBLISHED = 1;
    /** Spec word: a standby is no longer needed and exits with 0. */
    public static final int SPEC_RETIRE = 2;
    /** Spec word: the spec did not fit into {@code <id>.spec} and is in {@code <id>.spec-large}. */
    public static final int SPEC_PUBLISHED_LARGE = 3;

    static {
        if (OUTCOME_LENGTH_OFFSET % Long.BYTES != 0 || OUTCOME_LENGTH_OFFSET + Long.BYTES > SPEC_WAIT_OFFSET
            || SPEC_WAIT_OFFSET + WaitPointLayout.LENGTH > LENGTH) {
            throw new AssertionError("control layout fields overlap or are misaligned");
        }
    }
}

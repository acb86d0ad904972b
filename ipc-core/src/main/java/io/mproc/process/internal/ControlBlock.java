package io.mproc.process.internal;

import static io.mproc.process.internal.ControlLayout.*;

import io.mproc.memory.OrderedAccess;
import io.mproc.memory.ProcessIdentity;
import io.mproc.memory.Region;
import io.mproc.memory.RegionNamespace;
import io.mproc.wait.WaitPoint;
import io.mproc.wait.WaitStrategy;
import java.lang.foreign.MemorySegment;

/**
 * A view of one process's control region ({@link ControlLayout}), used by the parent that
 * created it and by the child JVM that attached it. Each method names the memory mode of its
 * access and why.
 */
public final class ControlBlock {
    private final Region region;
    private final MemorySegment body;
    private final WaitPoint specWait;

    private ControlBlock(Region region) {
        this.region = region;
        this.body = region.body();
        this.specWait = new WaitPoint(body, SPEC_WAIT_OFFSET);
    }

    /** Creates {@code <id>.ctl} in {@code namespace}, naming this process as the parent. */
    public static ControlBlock create(RegionNamespace namespace, String id) {
        ProcessIdentity parent = ProcessIdentity.current();
        return new ControlBlock(namespace.create(regionName(id), KIND, LENGTH, body -> {
            // Plain: published by the region's ready flag (release) before anyone attaches.
            OrderedAccess.setIntPlain(body, PARENT_PID_OFFSET, parent.pid());
            OrderedAccess.setLongPlain(body, PARENT_START_OFFSET, parent.startTime());
            OrderedAccess.setLongPlain(body, OUTCOME_LENGTH_OFFSET, -1);
        }));
    }

    /** Attaches the control region {@code <id>.ctl} of {@code namespace}. */
    public static ControlBlock attach(RegionNamespace namespace, String id) {
        return new ControlBlock(namespace.attach(regionName(id), KIND));
    }

    /** The control region's name for process {@code id}. */
    public static String regionName(String id) {
        return id + ".ctl";
    }

    public Region region() {
        return region;
    }

    /** The parent's identity, as the parent wrote it before publishing the region. */
    public ProcessIdentity parent() {
        // Plain: written before the region was published; attach acquired the ready flag.
        return new ProcessIdentity(OrderedAccess.getIntPlain(body, PARENT_PID_OFFSET),
            OrderedAccess.getLongPlain(body, PARENT_START_OFFSET));
    }

    // ---- child side ----

    /** Child: records who it is; published with the next {@link #setState} (release). */
    public void recordChild(ProcessIdentity child) {
        // Plain: the following release store of the state publishes these.
        OrderedAccess.setIntPlain(body, CHILD_PID_OFFSET, child.pid());
        OrderedAccess.setLongPlain(body, CHILD_START_OFFSET, child.startTime());
    }

    /** Child: moves to {@code state}, publishing everything written before (release). */
    public void setState(int state) {
        OrderedAccess.setIntRelease(body, STATE_OFFSET, state);
    }

    /** Child: the exit code it is about to exit with by its own decision (release). */
    public void recordExit(int code) {
        OrderedAccess.setIntPlain(body, EXIT_CODE_OFFSET, code);
        // Release: a parent that acquires the flag sees the code.
        OrderedAccess.setIntRelease(body, EXIT_RECORDED_OFFSET, 1);
    }

    /** Child: the signal whose JVM handler started the shutdown (release: read after the exit). */
    public void recordSignal(int signal) {
        OrderedAccess.setIntRelease(body, SIGNAL_SEEN_OFFSET, signal);
    }

    /** Child: mproc's shutdown hook ran, so the JVM exits through {@code Runtime.exit} (release). */
    public void recordHooksRan() {
        OrderedAccess.setIntRelease(body, HOOKS_RAN_OFFSET, 1);
    }

    /** Child: {@code <id>.out} holds {@code length} bytes of outcome (release: the bytes first). */
    public void publishOutcome(long length) {
        OrderedAccess.setLongRelease(body, OUTCOME_LENGTH_OFFSET, length);
    }

    /**
     * Standby: sleeps until the parent publishes a spec or retires it; returns the spec word.
     * The lifeline ends the JVM if the parent dies meanwhile.
     */
    public int awaitSpec() throws InterruptedException {
        // Acquire: pairs with the parent's release store of the spec word, so the spec region
        // the parent created before it is visible once the word is seen.
        WaitStrategy.defaultStrategy().await(specWait,
            () -> OrderedAccess.getIntAcquire(body, SPEC_WORD_OFFSET) != SPEC_NONE, WaitStrategy.FOREVER);
        return OrderedAccess.getIntAcquire(body, SPEC_WORD_OFFSET);
    }

    // ---- parent side ----

    /** Parent: hands {@code <id>.spec} to a standby, or retires it ({@link ControlLayout#SPEC_RETIRE}). */
    public void publishSpecWord(int word) {
        // Release: the spec region, created before, is published by this store; then wake.
        OrderedAccess.setIntRelease(body, SPEC_WORD_OFFSET, word);
        specWait.signalAll();
    }

    /** The child's state (acquire: pairs with the child's release). */
    public int state() {
        return OrderedAccess.getIntAcquire(body, STATE_OFFSET);
    }

    /** What the child recorded about its exit (acquire loads; read once it has exited). */
    public ExitRecord exitRecord() {
        boolean recorded = OrderedAccess.getIntAcquire(body, EXIT_RECORDED_OFFSET) == 1;
        return new ExitRecord(recorded, recorded ? OrderedAccess.getIntPlain(body, EXIT_CODE_OFFSET) : 0,
            OrderedAccess.getIntAcquire(body, SIGNAL_SEEN_OFFSET),
            OrderedAccess.getIntAcquire(body, HOOKS_RAN_OFFSET) == 1);
    }

    /** Bytes of outcome in {@code <id>.out}, or -1 (acquire: pairs with {@link #publishOutcome}). */
    public long outcomeLength() {
        return OrderedAccess.getLongAcquire(body, OUTCOME_LENGTH_OFFSET);
    }

    /**
     * What a child wrote about how it ends.
     *
     * @param exitRecorded whether the child chose its exit code itself ({@code exitCode})
     * @param exitCode     that code
     * @param signalSeen   the signal whose handler began the JVM's shutdown, or 0
     * @param hooksRan     whether the JVM ran its shutdown hooks (not after SIGKILL or halt)
     */
    public record ExitRecord(boolean exitRecorded, int exitCode, int signalSeen, boolean hooksRan) {
    }
}

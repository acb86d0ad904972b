package io.mproc.process.internal;

import io.mproc.memory.RegionKind;
import java.io.Serial;
import java.io.Serializable;

/**
 * How a process's target ended, written by the child into the region {@code <id>.out} and read
 * by the parent after the child exited: the serialised return value, or the failure. (A plain
 * class, not a record, for the reason {@link ProcessTarget} gives.)
 */
public final class Outcome implements Serializable {
    @Serial
    private static final long serialVersionUID = 1L;

    private final byte[] value;
    private final FailureReport failure;

    /**
     * @param value   the return value serialised on its own (so that the parent can tell a value
     *                it cannot read from a failure), or null when the target failed
     * @param failure the failure, or null when the target returned
     */
    public Outcome(byte[] value, FailureReport failure) {
        this.value = value;
        this.failure = failure;
    }

    public byte[] value() {
        return value;
    }

    public FailureReport failure() {
        return failure;
    }

    /** What an outcome region holds. */
    public static final RegionKind KIND = new RegionKind("process.outcome", 1);

    /** The outcome region's name for process {@code id}. */
    public static String regionName(String id) {
        return id + ".out";
    }

    /** Whether the target returned (rather than threw). */
    public boolean returned() {
        return failure == null;
    }
}

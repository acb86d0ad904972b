package io.mproc.process.internal;

import io.mproc.memory.RegionKind;
import io.mproc.process.FailureReport;
import io.mproc.process.ProcessSerialization;
import java.io.IOException;
import java.io.Serial;
import java.io.Serializable;

/**
 * How a process's target ended, written by the child into the region {@code <id>.out} and read
 * by the parent after the child exited: the serialised return value, or the failure. (A plain
 * class, not a record, for the reason {@link ProcessTarget} gives.)
 *
 * <p>The region holds either a return value in its {@link CompactValues compact form} (most
 * targets return nothing, a string or a number: the child then never loads Java
 * serialisation) or this object Java-serialised.
 */
public final class Outcome implements Serializable {
    @Serial
    private static final long serialVersionUID = 1L;

    private final byte[] value;
    private final FailureReport failure;

    /**
     * @param value   the return value serialised on its own (so that the parent can tell a value
     *                it cannot read from a failure), Java-serialised or compact; null when the
     *                target failed
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

    /** The outcome in the bytes of an outcome region. */
    public static Outcome read(byte[] bytes) throws IOException, ClassNotFoundException {
        return CompactValues.isCompact(bytes) ? new Outcome(bytes, null) : (Outcome) ProcessSerialization.read(bytes);
    }

    /** The bytes of an outcome region for a target that returned {@code returned}. */
    public static byte[] ofValue(Object returned) throws IOException {
        byte[] compact = CompactValues.encode(returned);
        return compact != null ? compact : ProcessSerialization.write(new Outcome(ProcessSerialization.write(returned), null));
    }

    /** The value the target returned ({@link #returned()} only), read from {@link #value()}. */
    public Object readValue() throws IOException, ClassNotFoundException {
        return CompactValues.isCompact(value) ? CompactValues.decode(value) : ProcessSerialization.read(value);
    }

    /** Whether the target returned (rather than threw). */
    public boolean returned() {
        return failure == null;
    }
}

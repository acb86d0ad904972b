package io.mproc.shared;

import io.mproc.memory.RegionNamespace;
import io.mproc.sync.RegionBinding;
import io.mproc.sync.RegionBinding.Mode;
import io.mproc.sync.SharedRLock;
import java.io.InvalidObjectException;
import java.io.ObjectInputStream;
import java.io.Serial;
import java.io.Serializable;
import java.lang.foreign.MemorySegment;
import java.util.Objects;

/**
 * What the shared arrays share: a fixed number of elements in a region
 * ({@link SharedArrayLayout}), each read and written atomically, and optionally a
 * {@link SharedRLock} for updates that span elements (Python's {@code Array(t, n, lock=True)};
 * {@code lock=False} / {@code RawArray} is an array without one).
 */
public abstract sealed class SharedArray implements Serializable, AutoCloseable
    permits SharedLongArray, SharedIntArray, SharedDoubleArray, SharedByteArray {
    @Serial
    private static final long serialVersionUID = 1L;

    private final transient RegionBinding binding;
    private final transient long length;
    private final transient SharedRLock lock;

    SharedArray(Parts parts) {
        this.binding = parts.binding();
        this.length = parts.length();
        this.lock = parts.lock();
    }

    /** A bound array region, its checked length, and its lock (or null). */
    record Parts(RegionBinding binding, long length, SharedRLock lock) {
    }

    /**
     * Creates and/or attaches the array {@code name} of {@code type} and its lock. A new lock
     * is made before the array is published, so that whoever attaches the array finds it.
     */
    static Parts open(RegionNamespace namespace, String name, int type, long length, boolean withLock, Mode mode) {
        Objects.requireNonNull(namespace, "namespace");
        long size = mode == Mode.ATTACH ? 0 : SharedArrayLayout.bodySize(type, length);
        SharedRLock lock = null;
        if (withLock && mode != Mode.ATTACH) {
            lock = mode == Mode.CREATE ? SharedRLock.create(namespace, lockName(name))
                : SharedRLock.createOrAttach(namespace, lockName(name));
        }
        RegionBinding binding = null;
        try {
            binding = RegionBinding.bind(namespace, name, SharedArrayLayout.KIND, size,
                body -> SharedArrayLayout.initialize(body, type, length, withLock), mode);
            long checkedLength = SharedArrayLayout.check(binding.body(), name, type);
            boolean hasLock = SharedArrayLayout.hasLock(binding.body());
            if (lock != null && !hasLock) {
                lock.close();
                lock = null;
            } else if (lock == null && hasLock) {
                lock = SharedRLock.attach(namespace, lockName(name));
            }
            return new Parts(binding, checkedLength, lock);
        } catch (RuntimeException failed) {
            if (binding != null) {
                binding.close();
            }
            if (lock != null) {
                lock.close();
            }
            throw failed;
        }
    }

    private static String lockName(String arrayName) {
        return arrayName + ".lock";
    }

    /** The number of elements. */
    public final long length() {
        return length;
    }

    /** The array's name in its namespace. */
    public final String name() {
        return binding.name();
    }

    /** Whether the array was created with a lock. */
    public final boolean hasLock() {
        return lock != null;
    }

    /**
     * The array's lock (Python's {@code get_lock()}), for updates that must see several
     * elements at once; single elements need none.
     *
     * @throws IllegalStateException if the array was created without a lock
     */
    public final SharedRLock lock() {
        if (lock == null) {
            throw new IllegalStateException("shared array " + name() + " was created without a lock");
        }
        return lock;
    }

    /** The elements' memory (after the layout's first line); fails once closed. */
    final MemorySegment body() {
        binding.requireOpen("shared array");
        return binding.body();
    }

    /** The byte offset of element {@code index}, checked against the length. */
    final long offset(long index, int elementSize) {
        if (index < 0 || index >= length) {
            throw new IndexOutOfBoundsException("shared array " + name() + ": index=" + index
                + " (expected: 0 to " + (length - 1) + ")");
        }
        return SharedArrayLayout.DATA_OFFSET + index * elementSize;
    }

    final RegionBinding binding() {
        return binding;
    }

    /** Unmaps the array (and its lock) in this process. Idempotent. */
    @Override
    public final void close() {
        binding.close();
        if (lock != null) {
            lock.close();
        }
    }

    @Serial
    final Object writeReplace() {
        binding.requireOpen("shared array");
        return handle();
    }

    abstract Serializable handle();

    @Serial
    private void readObject(ObjectInputStream in) throws InvalidObjectException {
        throw new InvalidObjectException("a shared array travels only as its handle");
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "[" + name() + ", " + length + " elements"
            + (hasLock() ? ", with lock" : "") + (binding.isOpen() ? "" : ", closed") + "]";
    }
}

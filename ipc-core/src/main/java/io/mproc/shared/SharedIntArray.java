package io.mproc.shared;

import io.mproc.memory.OrderedAccess;
import io.mproc.memory.RegionNamespace;
import io.mproc.sync.RegionBinding;
import io.mproc.sync.RegionBinding.Mode;
import java.io.Serial;
import java.io.Serializable;

/**
 * Python's {@code Array('i', n)}: int elements shared by any number of processes, each with the
 * atomic operations of {@link java.util.concurrent.atomic.AtomicIntegerArray} (every access volatile or a
 * read-modify-write). Elements start at 0. With a lock (the default, as in Python),
 * {@link #lock()} guards updates that span elements. Serialisable as a {@link Handle}.
 */
public final class SharedIntArray extends SharedArray {
    @Serial
    private static final long serialVersionUID = 1L;

    private SharedIntArray(Parts parts) {
        super(parts);
    }

    /** Creates the array {@code name} of {@code length} zeros, with a lock. */
    public static SharedIntArray create(RegionNamespace namespace, String name, long length) {
        return create(namespace, name, length, true);
    }

    /** Creates the array {@code name} of {@code length} zeros, with or without a lock. */
    public static SharedIntArray create(RegionNamespace namespace, String name, long length, boolean withLock) {
        return new SharedIntArray(open(namespace, name, SharedArrayLayout.INT, length, withLock, Mode.CREATE));
    }

    /** Attaches to the existing int array {@code name} (and its lock, if it has one). */
    public static SharedIntArray attach(RegionNamespace namespace, String name) {
        return new SharedIntArray(open(namespace, name, SharedArrayLayout.INT, 0, false, Mode.ATTACH));
    }

    private long at(long index) {
        return offset(index, Integer.BYTES);
    }

    /** Element {@code index} (volatile read). */
    public int get(long index) {
        return OrderedAccess.getIntVolatile(body(), at(index));
    }

    /** Sets element {@code index} (volatile write). */
    public void set(long index, int value) {
        OrderedAccess.setIntVolatile(body(), at(index), value);
    }

    /** Sets element {@code index} to {@code value} if it is {@code expected}, atomically across processes. */
    public boolean compareAndSet(long index, int expected, int value) {
        return OrderedAccess.compareAndSetInt(body(), at(index), expected, value);
    }

    /** Adds {@code delta} to element {@code index} atomically; returns its previous value. */
    public int getAndAdd(long index, int delta) {
        return OrderedAccess.getAndAddInt(body(), at(index), delta);
    }

    /** Adds {@code delta} to element {@code index} atomically; returns its new value. */
    public int addAndGet(long index, int delta) {
        return getAndAdd(index, delta) + delta;
    }

    /** Adds one to element {@code index} atomically; returns its new value. */
    public int incrementAndGet(long index) {
        return addAndGet(index, 1);
    }

    /** A copy of all elements; each is read atomically, the whole is not a snapshot. */
    public int[] toArray() {
        int[] copy = new int[Math.toIntExact(length())];
        for (int i = 0; i < copy.length; i++) {
            copy[i] = get(i);
        }
        return copy;
    }

    @Override
    Serializable handle() {
        return new Handle(binding().root(), binding().namespaceName(), name());
    }

    /** An int array in transit: {@code readResolve} attaches to it in the receiving JVM. */
    public record Handle(String root, String namespace, String name) implements Serializable {
        @Serial
        private Object readResolve() {
            return attach(RegionBinding.resolve(root, namespace), name);
        }
    }
}

package io.mproc.shared;

import io.mproc.memory.OrderedAccess;
import io.mproc.memory.RegionNamespace;
import io.mproc.sync.RegionBinding;
import io.mproc.sync.RegionBinding.Mode;
import java.io.Serial;
import java.io.Serializable;

/**
 * Python's {@code Array('q', n)}: long elements shared by any number of processes, each with the
 * atomic operations of {@link java.util.concurrent.atomic.AtomicLongArray} (every access volatile or a
 * read-modify-write). Elements start at 0. With a lock (the default, as in Python),
 * {@link #lock()} guards updates that span elements. Serialisable as a {@link Handle}.
 */
public final class SharedLongArray extends SharedArray {
    @Serial
    private static final long serialVersionUID = 1L;

    private SharedLongArray(Parts parts) {
        super(parts);
    }

    /** Creates the array {@code name} of {@code length} zeros, with a lock. */
    public static SharedLongArray create(RegionNamespace namespace, String name, long length) {
        return create(namespace, name, length, true);
    }

    /** Creates the array {@code name} of {@code length} zeros, with or without a lock. */
    public static SharedLongArray create(RegionNamespace namespace, String name, long length, boolean withLock) {
        return new SharedLongArray(open(namespace, name, SharedArrayLayout.LONG, length, withLock, Mode.CREATE));
    }

    /** Attaches to the existing long array {@code name} (and its lock, if it has one). */
    public static SharedLongArray attach(RegionNamespace namespace, String name) {
        return new SharedLongArray(open(namespace, name, SharedArrayLayout.LONG, 0, false, Mode.ATTACH));
    }

    private long at(long index) {
        return offset(index, Long.BYTES);
    }

    /** Element {@code index} (volatile read). */
    public long get(long index) {
        return OrderedAccess.getLongVolatile(body(), at(index));
    }

    /** Sets element {@code index} (volatile write). */
    public void set(long index, long value) {
        OrderedAccess.setLongVolatile(body(), at(index), value);
    }

    /** Sets element {@code index} to {@code value} if it is {@code expected}, atomically across processes. */
    public boolean compareAndSet(long index, long expected, long value) {
        return OrderedAccess.compareAndSetLong(body(), at(index), expected, value);
    }

    /** Adds {@code delta} to element {@code index} atomically; returns its previous value. */
    public long getAndAdd(long index, long delta) {
        return OrderedAccess.getAndAddLong(body(), at(index), delta);
    }

    /** Adds {@code delta} to element {@code index} atomically; returns its new value. */
    public long addAndGet(long index, long delta) {
        return getAndAdd(index, delta) + delta;
    }

    /** Adds one to element {@code index} atomically; returns its new value. */
    public long incrementAndGet(long index) {
        return addAndGet(index, 1);
    }

    /** A copy of all elements; each is read atomically, the whole is not a snapshot. */
    public long[] toArray() {
        long[] copy = new long[Math.toIntExact(length())];
        for (int i = 0; i < copy.length; i++) {
            copy[i] = get(i);
        }
        return copy;
    }

    @Override
    Serializable handle() {
        return new Handle(binding().root(), binding().namespaceName(), name());
    }

    /** A long array in transit: {@code readResolve} attaches to it in the receiving JVM. */
    public record Handle(String root, String namespace, String name) implements Serializable {
        @Serial
        private Object readResolve() {
            return attach(RegionBinding.resolve(root, namespace), name);
        }
    }
}

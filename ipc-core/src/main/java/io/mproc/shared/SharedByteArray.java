package io.mproc.shared;

import io.mproc.memory.OrderedAccess;
import io.mproc.memory.RegionNamespace;
import io.mproc.sync.RegionBinding;
import io.mproc.sync.RegionBinding.Mode;
import java.io.Serial;
import java.io.Serializable;

/**
 * Python's {@code Array('b', n)}: byte elements shared by any number of processes, each with the
 * atomic operations of {@link java.util.concurrent.atomic.AtomicIntegerArray} (every access volatile or a
 * read-modify-write). Elements start at 0. With a lock (the default, as in Python),
 * {@link #lock()} guards updates that span elements. Serialisable as a {@link Handle}.
 */
public final class SharedByteArray extends SharedArray {
    @Serial
    private static final long serialVersionUID = 1L;

    private SharedByteArray(Parts parts) {
        super(parts);
    }

    /** Creates the array {@code name} of {@code length} zeros, with a lock. */
    public static SharedByteArray create(RegionNamespace namespace, String name, long length) {
        return create(namespace, name, length, true);
    }

    /** Creates the array {@code name} of {@code length} zeros, with or without a lock. */
    public static SharedByteArray create(RegionNamespace namespace, String name, long length, boolean withLock) {
        return new SharedByteArray(open(namespace, name, SharedArrayLayout.BYTE, length, withLock, Mode.CREATE));
    }

    /** Attaches to the existing byte array {@code name} (and its lock, if it has one). */
    public static SharedByteArray attach(RegionNamespace namespace, String name) {
        return new SharedByteArray(open(namespace, name, SharedArrayLayout.BYTE, 0, false, Mode.ATTACH));
    }

    private long at(long index) {
        return offset(index, Byte.BYTES);
    }

    // The JDK has no byte compare-and-set on memory segments: every byte is read and updated
    // through the 4-byte-aligned int that contains it (inside the region: the layout rounds up).

    private static final boolean LITTLE_ENDIAN = java.nio.ByteOrder.nativeOrder() == java.nio.ByteOrder.LITTLE_ENDIAN;

    private static int shift(long offset) {
        int position = (int) (offset & 3);
        return 8 * (LITTLE_ENDIAN ? position : 3 - position);
    }

    /** Element {@code index} (volatile read). */
    public byte get(long index) {
        long offset = at(index);
        return (byte) (OrderedAccess.getIntVolatile(body(), offset & ~3L) >>> shift(offset));
    }

    /** Sets element {@code index} atomically, leaving its neighbours alone. */
    public void set(long index, byte value) {
        update(index, value, false, (byte) 0);
    }

    /** Sets element {@code index} to {@code value} if it is {@code expected}, atomically across processes. */
    public boolean compareAndSet(long index, byte expected, byte value) {
        return update(index, value, true, expected);
    }

    /** Adds {@code delta} atomically (wrapping, as byte arithmetic does); returns the previous value. */
    public byte getAndAdd(long index, byte delta) {
        while (true) {
            byte previous = get(index);
            if (compareAndSet(index, previous, (byte) (previous + delta))) {
                return previous;
            }
        }
    }

    private boolean update(long index, byte value, boolean compare, byte expected) {
        long offset = at(index);
        long word = offset & ~3L;
        int shift = shift(offset);
        int mask = 0xFF << shift;
        while (true) {
            int current = OrderedAccess.getIntVolatile(body(), word);
            if (compare && (byte) (current >>> shift) != expected) {
                return false;
            }
            int next = (current & ~mask) | ((value & 0xFF) << shift);
            // CAS on the whole int: fails if any of its four bytes changed; then retry.
            if (OrderedAccess.compareAndSetInt(body(), word, current, next)) {
                return true;
            }
        }
    }

    /** A copy of all elements; each is read atomically, the whole is not a snapshot. */
    public byte[] toArray() {
        byte[] copy = new byte[Math.toIntExact(length())];
        for (int i = 0; i < copy.length; i++) {
            copy[i] = get(i);
        }
        return copy;
    }

    @Override
    Serializable handle() {
        return new Handle(binding().root(), binding().namespaceName(), name());
    }

    /** A byte array in transit: {@code readResolve} attaches to it in the receiving JVM. */
    public record Handle(String root, String namespace, String name) implements Serializable {
        @Serial
        private Object readResolve() {
            return attach(RegionBinding.resolve(root, namespace), name);
        }
    }
}

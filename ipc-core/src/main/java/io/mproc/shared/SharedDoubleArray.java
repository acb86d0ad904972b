package io.mproc.shared;

import io.mproc.memory.OrderedAccess;
import io.mproc.memory.RegionNamespace;
import io.mproc.sync.RegionBinding;
import io.mproc.sync.RegionBinding.Mode;
import java.io.Serial;
import java.io.Serializable;

/**
 * Python's {@code Array('d', n)}: double elements shared by any number of processes, each with the
 * atomic operations of {@link java.util.concurrent.atomic.AtomicLongArray} (every access volatile or a
 * read-modify-write). Elements start at 0. With a lock (the default, as in Python),
 * {@link #lock()} guards updates that span elements. Serialisable as a {@link Handle}.
 */
public final class SharedDoubleArray extends SharedArray {
    @Serial
    private static final long serialVersionUID = 1L;

    private SharedDoubleArray(Parts parts) {
        super(parts);
    }

    /** Creates the array {@code name} of {@code length} zeros, with a lock. */
    public static SharedDoubleArray create(RegionNamespace namespace, String name, long length) {
        return create(namespace, name, length, true);
    }

    /** Creates the array {@code name} of {@code length} zeros, with or without a lock. */
    public static SharedDoubleArray create(RegionNamespace namespace, String name, long length, boolean withLock) {
        return new SharedDoubleArray(open(namespace, name, SharedArrayLayout.DOUBLE, length, withLock, Mode.CREATE));
    }

    /** Attaches to the existing double array {@code name} (and its lock, if it has one). */
    public static SharedDoubleArray attach(RegionNamespace namespace, String name) {
        return new SharedDoubleArray(open(namespace, name, SharedArrayLayout.DOUBLE, 0, false, Mode.ATTACH));
    }

    private long at(long index) {
        return offset(index, Long.BYTES);
    }

    /** Element {@code index} (volatile read). */
    public double get(long index) {
        return Double.longBitsToDouble(OrderedAccess.getLongVolatile(body(), at(index)));
    }

    /** Sets element {@code index} (volatile write). */
    public void set(long index, double value) {
        OrderedAccess.setLongVolatile(body(), at(index), Double.doubleToRawLongBits(value));
    }

    /** Compares bits, as {@link SharedDouble#compareAndSet} does. */
    public boolean compareAndSet(long index, double expected, double value) {
        return OrderedAccess.compareAndSetLong(body(), at(index), Double.doubleToRawLongBits(expected),
            Double.doubleToRawLongBits(value));
    }

    /** Adds {@code delta} atomically (a compare-and-set loop on the bits); returns the previous value. */
    public double getAndAdd(long index, double delta) {
        long offset = at(index);
        while (true) {
            long bits = OrderedAccess.getLongVolatile(body(), offset);
            double previous = Double.longBitsToDouble(bits);
            if (OrderedAccess.compareAndSetLong(body(), offset, bits, Double.doubleToRawLongBits(previous + delta))) {
                return previous;
            }
        }
    }

    /** A copy of all elements; each is read atomically, the whole is not a snapshot. */
    public double[] toArray() {
        double[] copy = new double[Math.toIntExact(length())];
        for (int i = 0; i < copy.length; i++) {
            copy[i] = get(i);
        }
        return copy;
    }

    @Override
    Serializable handle() {
        return new Handle(binding().root(), binding().namespaceName(), name());
    }

    /** A double array in transit: {@code readResolve} attaches to it in the receiving JVM. */
    public record Handle(String root, String namespace, String name) implements Serializable {
        @Serial
        private Object readResolve() {
            return attach(RegionBinding.resolve(root, namespace), name);
        }
    }
}

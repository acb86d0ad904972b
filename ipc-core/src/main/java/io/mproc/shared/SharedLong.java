package io.mproc.shared;

import static io.mproc.shared.SharedValueLayout.VALUE_OFFSET;

import io.mproc.memory.OrderedAccess;
import io.mproc.memory.RegionNamespace;
import io.mproc.sync.RegionBinding;
import io.mproc.sync.RegionBinding.Mode;
import java.io.Serial;
import java.io.Serializable;
import java.util.function.LongUnaryOperator;

/**
 * Python's {@code Value('q', v)}: a {@code long} shared by any number of processes, with the
 * operations of {@link java.util.concurrent.atomic.AtomicLong}. Unlike Python's
 * {@code v.value += 1}, {@link #incrementAndGet()} and {@link #getAndAdd} are atomic across
 * processes, with no lock. Every read and write is volatile. A process killed at any point
 * leaves the value as its last completed write set it. Serialisable as a {@link Handle}.
 */
public final class SharedLong extends SharedValue {
    @Serial
    private static final long serialVersionUID = 1L;

    private SharedLong(RegionBinding binding) {
        super(binding);
    }

    /** Creates the value {@code name} holding {@code initial}. */
    public static SharedLong create(RegionNamespace namespace, String name, long initial) {
        return new SharedLong(bind(namespace, name, SharedValueLayout.LONG, initial, Mode.CREATE));
    }

    /** Attaches to the existing {@code long} value {@code name}. */
    public static SharedLong attach(RegionNamespace namespace, String name) {
        return new SharedLong(bind(namespace, name, SharedValueLayout.LONG, 0, Mode.ATTACH));
    }

    /** Attaches to the value {@code name}, creating it with {@code initial} if it is missing. */
    public static SharedLong createOrAttach(RegionNamespace namespace, String name, long initial) {
        return new SharedLong(bind(namespace, name, SharedValueLayout.LONG, initial, Mode.CREATE_OR_ATTACH));
    }

    /** The value (volatile read). */
    public long get() {
        return OrderedAccess.getLongVolatile(body(), VALUE_OFFSET);
    }

    /** Sets the value (volatile write). */
    public void set(long value) {
        OrderedAccess.setLongVolatile(body(), VALUE_OFFSET, value);
    }

    /** Sets the value to {@code value} if it is {@code expected}, atomically across processes. */
    public boolean compareAndSet(long expected, long value) {
        return OrderedAccess.compareAndSetLong(body(), VALUE_OFFSET, expected, value);
    }

    /** Sets the value atomically; returns the previous one. */
    public long getAndSet(long value) {
        return getAndUpdate(previous -> value);
    }

    /** Adds {@code delta} atomically; returns the previous value. */
    public long getAndAdd(long delta) {
        return OrderedAccess.getAndAddLong(body(), VALUE_OFFSET, delta);
    }

    /** Adds {@code delta} atomically; returns the new value. */
    public long addAndGet(long delta) {
        return getAndAdd(delta) + delta;
    }

    /** Adds one atomically; returns the new value. */
    public long incrementAndGet() {
        return addAndGet(1);
    }

    /** Subtracts one atomically; returns the new value. */
    public long decrementAndGet() {
        return addAndGet(-1);
    }

    /** Applies {@code update} atomically (a compare-and-set loop: it may run more than once). */
    public long getAndUpdate(LongUnaryOperator update) {
        while (true) {
            long previous = get();
            if (compareAndSet(previous, update.applyAsLong(previous))) {
                return previous;
            }
        }
    }

    /** As {@link #getAndUpdate}, returning the new value. */
    public long updateAndGet(LongUnaryOperator update) {
        while (true) {
            long previous = get();
            long next = update.applyAsLong(previous);
            if (compareAndSet(previous, next)) {
                return next;
            }
        }
    }

    @Override
    Serializable handle() {
        return new Handle(binding().root(), binding().namespaceName(), name());
    }

    @Override
    String valueString() {
        return Long.toString(get());
    }

    /** A shared long in transit: {@code readResolve} attaches to it in the receiving JVM. */
    public record Handle(String root, String namespace, String name) implements Serializable {
        @Serial
        private Object readResolve() {
            return attach(RegionBinding.resolve(root, namespace), name);
        }
    }
}

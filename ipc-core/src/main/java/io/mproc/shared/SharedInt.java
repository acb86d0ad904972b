package io.mproc.shared;

import static io.mproc.shared.SharedValueLayout.VALUE_OFFSET;

import io.mproc.memory.OrderedAccess;
import io.mproc.memory.RegionNamespace;
import io.mproc.sync.RegionBinding;
import io.mproc.sync.RegionBinding.Mode;
import java.io.Serial;
import java.io.Serializable;
import java.util.function.IntUnaryOperator;

/**
 * Python's {@code Value('i', v)}: an {@code int} shared by any number of processes, with the
 * operations of {@link java.util.concurrent.atomic.AtomicInteger}, atomic across processes
 * (Python's {@code v.value += 1} is not). Every read and write is volatile. Serialisable as a
 * {@link Handle}.
 */
public final class SharedInt extends SharedValue {
    @Serial
    private static final long serialVersionUID = 1L;

    private SharedInt(RegionBinding binding) {
        super(binding);
    }

    /** Creates the value {@code name} holding {@code initial}. */
    public static SharedInt create(RegionNamespace namespace, String name, int initial) {
        return new SharedInt(bind(namespace, name, SharedValueLayout.INT, initial, Mode.CREATE));
    }

    /** Attaches to the existing {@code int} value {@code name}. */
    public static SharedInt attach(RegionNamespace namespace, String name) {
        return new SharedInt(bind(namespace, name, SharedValueLayout.INT, 0, Mode.ATTACH));
    }

    /** Attaches to the value {@code name}, creating it with {@code initial} if it is missing. */
    public static SharedInt createOrAttach(RegionNamespace namespace, String name, int initial) {
        return new SharedInt(bind(namespace, name, SharedValueLayout.INT, initial, Mode.CREATE_OR_ATTACH));
    }

    // The int is the first 4 of the value's 8 bytes, see the layout.

    /** The value (volatile read). */
    public int get() {
        return OrderedAccess.getIntVolatile(body(), VALUE_OFFSET);
    }

    /** Sets the value (volatile write). */
    public void set(int value) {
        OrderedAccess.setIntVolatile(body(), VALUE_OFFSET, value);
    }

    /** Sets the value to {@code value} if it is {@code expected}, atomically across processes. */
    public boolean compareAndSet(int expected, int value) {
        return OrderedAccess.compareAndSetInt(body(), VALUE_OFFSET, expected, value);
    }

    /** Sets the value atomically; returns the previous one. */
    public int getAndSet(int value) {
        return getAndUpdate(previous -> value);
    }

    /** Adds {@code delta} atomically; returns the previous value. */
    public int getAndAdd(int delta) {
        return OrderedAccess.getAndAddInt(body(), VALUE_OFFSET, delta);
    }

    /** Adds {@code delta} atomically; returns the new value. */
    public int addAndGet(int delta) {
        return getAndAdd(delta) + delta;
    }

    /** Adds one atomically; returns the new value. */
    public int incrementAndGet() {
        return addAndGet(1);
    }

    /** Subtracts one atomically; returns the new value. */
    public int decrementAndGet() {
        return addAndGet(-1);
    }

    /** Applies {@code update} atomically (a compare-and-set loop: it may run more than once). */
    public int getAndUpdate(IntUnaryOperator update) {
        while (true) {
            int previous = get();
            if (compareAndSet(previous, update.applyAsInt(previous))) {
                return previous;
            }
        }
    }

    @Override
    Serializable handle() {
        return new Handle(binding().root(), binding().namespaceName(), name());
    }

    @Override
    String valueString() {
        return Integer.toString(get());
    }

    /** A shared int in transit: {@code readResolve} attaches to it in the receiving JVM. */
    public record Handle(String root, String namespace, String name) implements Serializable {
        @Serial
        private Object readResolve() {
            return attach(RegionBinding.resolve(root, namespace), name);
        }
    }
}

package io.mproc.shared;

import static io.mproc.shared.SharedValueLayout.VALUE_OFFSET;

import io.mproc.memory.OrderedAccess;
import io.mproc.memory.RegionNamespace;
import io.mproc.sync.RegionBinding;
import io.mproc.sync.RegionBinding.Mode;
import java.io.Serial;
import java.io.Serializable;
import java.util.function.DoubleUnaryOperator;

/**
 * Python's {@code Value('d', v)}: a {@code double} shared by any number of processes, stored
 * as its IEEE bits in a long, with atomic read-modify-writes across processes.
 * {@link #compareAndSet} compares bits ({@link Double#doubleToRawLongBits}), so {@code NaN}
 * matches the same NaN and {@code 0.0} does not match {@code -0.0}. Serialisable as a
 * {@link Handle}.
 */
public final class SharedDouble extends SharedValue {
    @Serial
    private static final long serialVersionUID = 1L;

    private SharedDouble(RegionBinding binding) {
        super(binding);
    }

    /** Creates the value {@code name} holding {@code initial}. */
    public static SharedDouble create(RegionNamespace namespace, String name, double initial) {
        return new SharedDouble(bind(namespace, name, SharedValueLayout.DOUBLE, Double.doubleToRawLongBits(initial),
            Mode.CREATE));
    }

    /** Attaches to the existing {@code double} value {@code name}. */
    public static SharedDouble attach(RegionNamespace namespace, String name) {
        return new SharedDouble(bind(namespace, name, SharedValueLayout.DOUBLE, 0, Mode.ATTACH));
    }

    /** The value (volatile read). */
    public double get() {
        return Double.longBitsToDouble(OrderedAccess.getLongVolatile(body(), VALUE_OFFSET));
    }

    /** Sets the value (volatile write). */
    public void set(double value) {
        OrderedAccess.setLongVolatile(body(), VALUE_OFFSET, Double.doubleToRawLongBits(value));
    }

    /** Sets the value to {@code value} if its bits are those of {@code expected}, atomically across processes. */
    public boolean compareAndSet(double expected, double value) {
        return OrderedAccess.compareAndSetLong(body(), VALUE_OFFSET, Double.doubleToRawLongBits(expected),
            Double.doubleToRawLongBits(value));
    }

    /** Adds {@code delta} atomically; returns the previous value. */
    public double getAndAdd(double delta) {
        return getAndUpdate(previous -> previous + delta);
    }

    /** Adds {@code delta} atomically; returns the new value. */
    public double addAndGet(double delta) {
        return getAndAdd(delta) + delta;
    }

    /** Applies {@code update} atomically (a compare-and-set loop on the bits: it may run more than once). */
    public double getAndUpdate(DoubleUnaryOperator update) {
        while (true) {
            long bits = OrderedAccess.getLongVolatile(body(), VALUE_OFFSET);
            double previous = Double.longBitsToDouble(bits);
            long next = Double.doubleToRawLongBits(update.applyAsDouble(previous));
            if (OrderedAccess.compareAndSetLong(body(), VALUE_OFFSET, bits, next)) {
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
        return Double.toString(get());
    }

    /** A shared double in transit: {@code readResolve} attaches to it in the receiving JVM. */
    public record Handle(String root, String namespace, String name) implements Serializable {
        @Serial
        private Object readResolve() {
            return attach(RegionBinding.resolve(root, namespace), name);
        }
    }
}

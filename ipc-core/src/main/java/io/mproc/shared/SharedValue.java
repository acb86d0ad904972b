package io.mproc.shared;

import io.mproc.memory.OrderedAccess;
import io.mproc.memory.RegionNamespace;
import io.mproc.sync.RegionBinding;
import io.mproc.sync.RegionBinding.Mode;
import java.io.InvalidObjectException;
import java.io.ObjectInputStream;
import java.io.Serial;
import java.io.Serializable;
import java.lang.foreign.MemorySegment;

/**
 * What {@link SharedLong}, {@link SharedInt} and {@link SharedDouble} share: one number in a
 * region of its own ({@link SharedValueLayout}), passed to other processes as a handle.
 */
public abstract sealed class SharedValue implements Serializable, AutoCloseable
    permits SharedLong, SharedInt, SharedDouble {
    @Serial
    private static final long serialVersionUID = 1L;

    private final transient RegionBinding binding;

    SharedValue(RegionBinding binding) {
        this.binding = binding;
    }

    /** Creates / attaches the region of a value of {@code type}, checking the type on attach. */
    static RegionBinding bind(RegionNamespace namespace, String name, int type, long initialBits, Mode mode) {
        return RegionBinding.bind(namespace, name, SharedValueLayout.KIND, SharedValueLayout.BODY_SIZE,
            body -> SharedValueLayout.initialize(body, type, initialBits), mode).checked(body -> {
                // Plain: written before publication, made visible by the attach's acquire.
                int found = OrderedAccess.getIntPlain(body, SharedValueLayout.TYPE_OFFSET);
                if (found != type) {
                    throw new IllegalArgumentException("shared value " + name + " is a "
                        + SharedValueLayout.typeName(found) + " (expected: " + SharedValueLayout.typeName(type) + ")");
                }
            });
    }

    /** The value's memory; fails once this handle is closed. */
    final MemorySegment body() {
        binding.requireOpen(getClass().getSimpleName());
        return binding.body();
    }

    final RegionBinding binding() {
        return binding;
    }

    /** The value's name in its namespace. */
    public final String name() {
        return binding.name();
    }

    /** Unmaps the value in this process. Idempotent. */
    @Override
    public final void close() {
        binding.close();
    }

    @Serial
    final Object writeReplace() {
        binding.requireOpen(getClass().getSimpleName());
        return handle();
    }

    abstract Serializable handle();

    @Serial
    private void readObject(ObjectInputStream in) throws InvalidObjectException {
        throw new InvalidObjectException("a shared value travels only as its handle");
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "[" + name() + (binding.isOpen() ? " = " + valueString() : ", closed") + "]";
    }

    abstract String valueString();
}

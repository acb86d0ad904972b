package io.mproc.pool;

import io.mproc.process.ProcessSerialization;
import java.io.IOException;
import java.io.Serializable;
import java.nio.ByteBuffer;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * The pool's side of function shipping: gives each distinct function a {@link PoolFunction}
 * with its serialized form and an id. The same object (a non-capturing lambda is one object)
 * is found by identity without serializing it again; an equal one (a capturing lambda made
 * anew with the same captures) is serialized and then found by its bytes, so workers do not
 * deserialize it again. Both caches are bounded; ids are never reused. Thread-safe.
 */
final class FunctionRegistry {
    /** Functions remembered by identity; each may hold on to what it captures, so few. */
    static final int IDENTITY_CACHE = 256;
    /** Functions remembered by their bytes. */
    static final int BYTES_CACHE = 4096;

    private final String pool;
    private final int maxBytes;
    private final Map<Object, PoolFunction> byIdentity = new IdentityHashMap<>();
    private final Map<List<Object>, PoolFunction> byBytes = new HashMap<>();
    private int nextId = 1;

    /**
     * @param pool     the pool's name, for messages
     * @param maxBytes the most bytes a serialized function may take (it must fit one message)
     */
    FunctionRegistry(String pool, int maxBytes) {
        this.pool = pool;
        this.maxBytes = maxBytes;
    }

    /**
     * The entry of {@code function}, serializing it if it is new.
     *
     * @throws IllegalArgumentException if it cannot be serialized, or is too large
     */
    synchronized PoolFunction register(Object function, PoolFunction.Kind kind) {
        PoolFunction known = byIdentity.get(function);
        if (known != null && known.kind() == kind) {
            return known;
        }
        byte[] bytes = serialize(function);
        List<Object> key = List.of(kind, ByteBuffer.wrap(bytes));
        PoolFunction entry = byBytes.get(key);
        if (entry == null) {
            if (byBytes.size() >= BYTES_CACHE) {
                byBytes.clear();
            }
            entry = new PoolFunction(kind, nextId++, bytes, function.getClass().getName());
            byBytes.put(key, entry);
        }
        if (byIdentity.size() >= IDENTITY_CACHE) {
            byIdentity.clear();
        }
        byIdentity.put(function, entry);
        return entry;
    }

    private byte[] serialize(Object function) {
        String what = "pool " + pool + ": function " + function.getClass().getName();
        if (!(function instanceof Serializable)) {
            throw new IllegalArgumentException(what + " is not Serializable (a lambda must be typed as one of "
                + "mproc's Serializable* interfaces, such as SerializableFunction or SerializableCallable)");
        }
        byte[] bytes;
        try {
            bytes = ProcessSerialization.write(function);
        } catch (IOException | RuntimeException notSerializable) {
            throw new IllegalArgumentException(what + " cannot be serialized (it, or what it captures, is not "
                + "serializable): " + notSerializable, notSerializable);
        }
        if (bytes.length > maxBytes) {
            throw new IllegalArgumentException(what + " serializes to " + bytes.length
                + " bytes (expected: at most maxMessageBytes=" + maxBytes + "; capture less)");
        }
        return bytes;
    }
}

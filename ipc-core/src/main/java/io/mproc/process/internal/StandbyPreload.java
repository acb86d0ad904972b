package io.mproc.process.internal;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.invoke.SerializedLambda;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * The classes a standby JVM loads before it waits: those of the targets its pool was handed
 * lately, which the next target most likely comes from (Python's forkserver preloads modules
 * for the same reason). A class found loaded and linked saves a hand-over loading, parsing and
 * verifying it: half a millisecond for a small class, more for a large one.
 *
 * <p>The parent writes the names into the standby's spec region before it launches it; the
 * standby reads them as it boots, loads each class without initialising it (no user code runs
 * before the hand-over) and, for a class with serialisable lambdas, resolves its
 * {@code $deserializeLambda$}, which links (verifies) it. A hint that cannot be read or loaded
 * is skipped: the region may already hold the real spec when a hand-over went to a JVM still
 * booting, and the spec itself is read only once its word is published.
 *
 * <pre>
 *   int magic 'MPH1', int count, then count strings (int byte length, UTF-8)
 * </pre>
 */
public final class StandbyPreload {
    private StandbyPreload() {
    }

    static final int MAGIC = 0x4D504831;
    private static final MethodType DESERIALIZER = MethodType.methodType(Object.class, SerializedLambda.class);

    /** The bytes for the spec region that name {@code classNames}. */
    public static byte[] encode(List<String> classNames) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream(64);
            DataOutputStream out = new DataOutputStream(bytes);
            out.writeInt(MAGIC);
            out.writeInt(classNames.size());
            for (String name : classNames) {
                CompactValues.writeString(out, name);
            }
            out.flush();
            return bytes.toByteArray();
        } catch (IOException impossible) {
            throw new UncheckedIOException(impossible); // a ByteArrayOutputStream does not fail
        }
    }

    /** The class names in {@code bytes}; empty when they are no such list (or a torn one). */
    static List<String> decode(byte[] bytes) {
        List<String> names = new ArrayList<>();
        try {
            ByteBuffer in = ByteBuffer.wrap(bytes);
            if (bytes.length < 2 * Integer.BYTES || in.getInt() != MAGIC) {
                return names;
            }
            int count = CompactValues.count(in);
            for (int i = 0; i < count; i++) {
                names.add(CompactValues.readString(in));
            }
            return names;
        } catch (RuntimeException torn) {
            return names;
        }
    }

    /** Loads and links the classes {@code bytes} name, as far as it can; initialises none. */
    static void load(byte[] bytes) {
        for (String name : decode(bytes)) {
            try {
                Class<?> type = LambdaCall.load(name, false);
                MethodHandles.privateLookupIn(type, MethodHandles.lookup()).findStatic(type, "$deserializeLambda$",
                    DESERIALIZER);
            } catch (ReflectiveOperationException | RuntimeException | LinkageError skipped) {
                // not there, not open to mproc, or without lambdas: loaded as far as it went
            }
        }
    }
}

package io.mproc.process.internal;

import io.mproc.process.ProcessSerialization;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.invoke.SerializedLambda;
import java.lang.reflect.Method;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The compact form of a {@link LaunchSpec}, written without Java serialisation, for the common
 * case: a lambda or method-reference target, or a static method, whose captured values and
 * arguments are all {@code null}, strings, boxed primitives or byte arrays. Everything else
 * (a shared queue, a list, a user's object) travels Java-serialised, as before.
 *
 * <p>Why: a child JVM's first {@link java.io.ObjectInputStream} costs tens of milliseconds
 * before it reads a byte (its filter configuration looks up a {@code System.Logger}, and that
 * lookup opens every jar on the class path for a {@code LoggerFinder}), and a deserialised
 * lambda spins a class of its own. A compact spec is read with a {@link ByteBuffer}, and a
 * lambda target keeps the {@link SerializedLambda} it came as: {@link LambdaCall} calls its
 * implementation method, so no class is spun either.
 *
 * <pre>
 *   int   magic 'MPS1'          (a Java-serialised spec begins with 0xACED instead)
 *   str   name                  str = int byte length (-1: null), then UTF-8
 *   int   identity length, then the ints
 *   byte  daemon (0/1)
 *   str   parent name
 *   int   system property count, then (str key, str value) pairs
 *   byte  target kind (ProcessTarget.Kind ordinal)
 *   STATIC_METHOD: str class name, str method name
 *   else:          str capturing class, str interface, str interface method, str its signature,
 *                  int implementation kind, str implementation class, str its method,
 *                  str its signature, str instantiated type, int captured count, values
 *   int   argument count, then values   value: see {@link CompactValues}
 * </pre>
 */
public final class SpecCodec {
    private SpecCodec() {
    }

    /** The first four bytes of a compact spec. */
    static final int MAGIC = 0x4D505331;

    /** Whether {@code spec} is a compact spec (else a Java-serialised one). */
    public static boolean isCompact(byte[] spec) {
        return spec.length >= Integer.BYTES && ByteBuffer.wrap(spec).getInt() == MAGIC;
    }

    /**
     * The compact form of {@code spec}, or null when something in it needs Java serialisation
     * (a value of another type, a function that is not a serialisable lambda, the same array
     * twice: Java serialisation would keep them one object).
     */
    public static byte[] encode(LaunchSpec spec) {
        ProcessTarget target = spec.target();
        SerializedLambda lambda = null;
        if (target.kind() != ProcessTarget.Kind.STATIC_METHOD) {
            lambda = target.function() instanceof SerializedLambda serialized ? serialized
                : serializedLambda(target.function());
            if (lambda == null) {
                return null;
            }
        }
        Object[] args = target.args();
        Object[] captured = lambda == null ? new Object[0] : capturedArgs(lambda);
        if (!allSimple(captured, args)) {
            return null;
        }
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
            DataOutputStream out = new DataOutputStream(bytes);
            out.writeInt(MAGIC);
            writeString(out, spec.name());
            int[] identity = spec.identity();
            out.writeInt(identity.length);
            for (int position : identity) {
                out.writeInt(position);
            }
            out.writeBoolean(spec.daemon());
            writeString(out, spec.parentName());
            out.writeInt(spec.systemProperties().size());
            for (Map.Entry<String, String> property : spec.systemProperties().entrySet()) {
                writeString(out, property.getKey());
                writeString(out, property.getValue());
            }
            out.writeByte(target.kind().ordinal());
            if (lambda == null) {
                writeString(out, target.className());
                writeString(out, target.methodName());
            } else {
                writeLambda(out, lambda, captured);
            }
            writeValues(out, args);
            out.flush();
            return bytes.toByteArray();
        } catch (IOException impossible) {
            throw new UncheckedIOException(impossible); // a ByteArrayOutputStream does not fail
        }
    }

    /**
     * Reads a compact spec, loading the class of a lambda target's capturing class through the
     * thread's context class loader (as {@link ProcessSerialization#read} would).
     *
     * @throws IllegalArgumentException when the bytes are not a whole compact spec
     * @throws ClassNotFoundException   when the capturing class is not there
     */
    public static LaunchSpec decode(byte[] spec) throws ClassNotFoundException {
        ByteBuffer in = ByteBuffer.wrap(spec);
        try {
            if (in.getInt() != MAGIC) {
                throw new IllegalArgumentException("not a compact spec");
            }
            String name = readString(in);
            int[] identity = new int[CompactValues.count(in)];
            for (int i = 0; i < identity.length; i++) {
                identity[i] = in.getInt();
            }
            boolean daemon = in.get() != 0;
            String parentName = readString(in);
            int properties = CompactValues.count(in);
            Map<String, String> systemProperties = new TreeMap<>();
            for (int i = 0; i < properties; i++) {
                systemProperties.put(readString(in), readString(in));
            }
            ProcessTarget.Kind kind = ProcessTarget.Kind.values()[in.get()];
            ProcessTarget target;
            if (kind == ProcessTarget.Kind.STATIC_METHOD) {
                String className = readString(in);
                String methodName = readString(in);
                target = ProcessTarget.staticMethodNamed(className, methodName, readValues(in));
            } else {
                SerializedLambda lambda = readLambda(in);
                target = ProcessTarget.function(kind, lambda, readValues(in));
            }
            if (in.hasRemaining()) {
                throw new IllegalArgumentException(in.remaining() + " bytes after the spec");
            }
            return LaunchSpec.of(name, identity, daemon, parentName, target, systemProperties);
        } catch (BufferUnderflowException | IndexOutOfBoundsException | IllegalStateException damaged) {
            throw new IllegalArgumentException("damaged compact spec of " + spec.length + " bytes: " + damaged, damaged);
        }
    }

    /** The lambda's serialised form, or null when {@code function} is not a serialisable lambda. */
    static SerializedLambda serializedLambda(Object function) {
        if (function == null || !function.getClass().isHidden()) {
            return null;
        }
        try {
            Method writeReplace = function.getClass().getDeclaredMethod("writeReplace");
            writeReplace.setAccessible(true);
            return writeReplace.invoke(function) instanceof SerializedLambda lambda ? lambda : null;
        } catch (ReflectiveOperationException | RuntimeException notALambda) {
            return null;
        }
    }

    private static Object[] capturedArgs(SerializedLambda lambda) {
        Object[] captured = new Object[lambda.getCapturedArgCount()];
        for (int i = 0; i < captured.length; i++) {
            captured[i] = lambda.getCapturedArg(i);
        }
        return captured;
    }

    private static boolean allSimple(Object[] captured, Object[] args) {
        Set<Object> arrays = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Object[] values : new Object[][] {captured, args}) {
            for (Object value : values) {
                if (value instanceof byte[] array ? !arrays.add(array) : !CompactValues.isSimple(value)) {
                    return false;
                }
            }
        }
        return true;
    }

    private static void writeLambda(DataOutputStream out, SerializedLambda lambda, Object[] captured)
        throws IOException {
        writeString(out, lambda.getCapturingClass());
        writeString(out, lambda.getFunctionalInterfaceClass());
        writeString(out, lambda.getFunctionalInterfaceMethodName());
        writeString(out, lambda.getFunctionalInterfaceMethodSignature());
        out.writeInt(lambda.getImplMethodKind());
        writeString(out, lambda.getImplClass());
        writeString(out, lambda.getImplMethodName());
        writeString(out, lambda.getImplMethodSignature());
        writeString(out, lambda.getInstantiatedMethodType());
        writeValues(out, captured);
    }

    private static SerializedLambda readLambda(ByteBuffer in) throws ClassNotFoundException {
        String capturingClass = readString(in);
        String functionalInterface = readString(in);
        String interfaceMethod = readString(in);
        String interfaceSignature = readString(in);
        int implKind = in.getInt();
        String implClass = readString(in);
        String implMethod = readString(in);
        String implSignature = readString(in);
        String instantiatedType = readString(in);
        Object[] captured = readValues(in);
        // Loaded, not initialised, as Java serialisation would: LambdaCall initialises it.
        return new SerializedLambda(LambdaCall.load(capturingClass.replace('/', '.'), false), functionalInterface,
            interfaceMethod, interfaceSignature, implKind, implClass, implMethod, implSignature, instantiatedType,
            captured);
    }

    private static void writeValues(DataOutputStream out, Object[] values) throws IOException {
        out.writeInt(values.length);
        for (Object value : values) {
            CompactValues.write(out, value);
        }
    }

    private static Object[] readValues(ByteBuffer in) {
        Object[] values = new Object[CompactValues.count(in)];
        for (int i = 0; i < values.length; i++) {
            values[i] = CompactValues.read(in);
        }
        return values;
    }

    private static void writeString(DataOutputStream out, String text) throws IOException {
        CompactValues.writeString(out, text);
    }

    private static String readString(ByteBuffer in) {
        return CompactValues.readString(in);
    }
}

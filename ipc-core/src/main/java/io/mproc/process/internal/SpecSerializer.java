package io.mproc.process.internal;

import java.io.IOException;
import java.io.Serializable;
import java.lang.invoke.SerializedLambda;
import java.lang.reflect.Method;

/**
 * Serialises a {@link LaunchSpec} in the parent, in {@code start()}, and when that fails names
 * what could not be written: an argument (by index and class), a value the target lambda
 * captured (by index and class), or else the target itself. Python fails the same way, in the
 * caller, when an argument cannot be pickled.
 */
public final class SpecSerializer {
    private SpecSerializer() {
    }

    /**
     * The spec's bytes.
     *
     * @throws IllegalArgumentException naming what cannot be serialised
     */
    public static byte[] serialize(LaunchSpec spec) {
        Object[] args = spec.target().args();
        for (int i = 0; i < args.length; i++) {
            if (args[i] != null && !(args[i] instanceof Serializable)) {
                throw new IllegalArgumentException("process " + spec.name() + ": argument " + i + " ("
                    + args[i].getClass().getName() + ") is not Serializable");
            }
        }
        try {
            return SerialCodec.write(spec);
        } catch (IOException | RuntimeException failed) {
            throw diagnose(spec, args, failed);
        }
    }

    private static IllegalArgumentException diagnose(LaunchSpec spec, Object[] args, Exception failed) {
        for (int i = 0; i < args.length; i++) {
            Exception cause = writeFailure(args[i]);
            if (cause != null) {
                return new IllegalArgumentException("process " + spec.name() + ": argument " + i + " ("
                    + args[i].getClass().getName() + ") cannot be serialised: " + cause, cause);
            }
        }
        SerializedLambda lambda = serializedLambda(spec.target().function());
        if (lambda != null) {
            for (int i = 0; i < lambda.getCapturedArgCount(); i++) {
                Object captured = lambda.getCapturedArg(i);
                Exception cause = writeFailure(captured);
                if (cause != null) {
                    return new IllegalArgumentException("process " + spec.name() + ": captured value " + i + " ("
                        + captured.getClass().getName() + ") of the target lambda in "
                        + lambda.getCapturingClass().replace('/', '.') + " cannot be serialised: " + cause, cause);
                }
            }
        }
        return new IllegalArgumentException("process " + spec.name() + ": the target " + spec.target().describe()
            + " cannot be serialised: " + failed, failed);
    }

    private static Exception writeFailure(Object value) {
        try {
            SerialCodec.write(value);
            return null;
        } catch (IOException | RuntimeException failed) {
            return failed;
        }
    }

    /** The lambda's serialised form (what it captured), or null when it is not a lambda. */
    private static SerializedLambda serializedLambda(Object function) {
        if (function == null) {
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
}

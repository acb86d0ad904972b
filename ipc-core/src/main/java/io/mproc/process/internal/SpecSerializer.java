package io.mproc.process.internal;

import io.mproc.process.ProcessSerialization;
import java.io.IOException;
import java.io.Serializable;
import java.lang.invoke.SerializedLambda;

/**
 * Encodes a {@link LaunchSpec} in the parent, in {@code start()}: in its {@link SpecCodec
 * compact form} when it has one, else Java-serialised; when that fails, names what could not
 * be written: an argument (by index and class), a value the target lambda captured (by index
 * and class), or else the target itself. Python fails the same way, in the caller, when an
 * argument cannot be pickled.
 */
public final class SpecSerializer {
    private SpecSerializer() {
    }

    /**
     * The spec's bytes, compact or Java-serialised (the child tells them apart).
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
        byte[] compact = SpecCodec.encode(spec);
        if (compact != null) {
            return compact;
        }
        try {
            return ProcessSerialization.write(spec);
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
        SerializedLambda lambda = SpecCodec.serializedLambda(spec.target().function());
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
            ProcessSerialization.write(value);
            return null;
        } catch (IOException | RuntimeException failed) {
            return failed;
        }
    }
}

package io.mproc.process.internal;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;

/**
 * The C library's {@code kill(2)} through the FFM linker, for signals other than the SIGTERM
 * and SIGKILL that {@link java.lang.Process} sends itself. Linking is a restricted operation:
 * without {@code --enable-native-access=ALL-UNNAMED} the JDK prints a warning on first use
 * (child JVMs mproc starts have the flag).
 */
public final class NativeKill {
    private NativeKill() {
    }

    /**
     * Sends {@code signal} to {@code pid}.
     *
     * @return true if it was sent, false if no such process exists
     * @throws UnsupportedOperationException if {@code kill} cannot be linked here
     * @throws IllegalArgumentException      if {@code signal} is not 1 to 64
     */
    public static boolean kill(long pid, int signal) {
        if (signal < 1 || signal > 64) {
            throw new IllegalArgumentException("signal=" + signal + " (expected: 1 to 64)");
        }
        int result;
        try {
            result = (int) Holder.KILL.invokeExact((int) pid, signal);
        } catch (RuntimeException | Error failed) {
            throw failed;
        } catch (Throwable impossible) {
            throw new IllegalStateException(impossible);
        }
        // -1 with a valid number and our own child: ESRCH, the process no longer exists.
        return result == 0;
    }

    /** Links on first use, so that a JVM that never sends another signal never links. */
    private static final class Holder {
        static final MethodHandle KILL = link();

        @SuppressWarnings("restricted")
        private static MethodHandle link() {
            Linker linker = Linker.nativeLinker();
            MemorySegment kill = linker.defaultLookup().find("kill")
                .orElseThrow(() -> new UnsupportedOperationException("the C library has no kill symbol"));
            return linker.downcallHandle(kill,
                FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.JAVA_INT, ValueLayout.JAVA_INT));
        }
    }
}

package io.mproc.bench.machine;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;

/**
 * Pins the calling thread to one CPU with Linux {@code sched_setaffinity(0, ...)}: with pid 0
 * it applies to the calling thread only, not the whole JVM. Needs
 * {@code --enable-native-access=ALL-UNNAMED}; without it (or off Linux) pinning is reported as
 * not done rather than failing the bench.
 */
public final class ThreadAffinity {

    /** glibc's cpu_set_t: 1024 bits. */
    private static final int CPU_SET_BYTES = 128;

    private ThreadAffinity() {
    }

    /** Pins the calling thread to {@code cpu}; returns false (and changes nothing) if it cannot. */
    public static boolean pinCurrentThread(int cpu) {
        if (cpu < 0 || cpu >= CPU_SET_BYTES * 8) {
            return false;
        }
        try {
            MethodHandle setAffinity = Holder.SET_AFFINITY;
            if (setAffinity == null) {
                return false;
            }
            try (Arena arena = Arena.ofConfined()) {
                MemorySegment mask = arena.allocate(CPU_SET_BYTES, 8);
                long word = mask.getAtIndex(ValueLayout.JAVA_LONG, cpu / 64);
                mask.setAtIndex(ValueLayout.JAVA_LONG, cpu / 64, word | 1L << (cpu % 64));
                return (int) setAffinity.invokeExact(0, (long) CPU_SET_BYTES, mask) == 0;
            }
        } catch (Throwable failed) {
            return false;
        }
    }

    /** Looked up on first use, so that a JVM without native access fails only here. */
    private static final class Holder {
        static final MethodHandle SET_AFFINITY = lookup();

        @SuppressWarnings("restricted")
        private static MethodHandle lookup() {
            try {
                Linker linker = Linker.nativeLinker();
                return linker.defaultLookup().find("sched_setaffinity")
                    .map(symbol -> linker.downcallHandle(symbol, FunctionDescriptor.of(
                        ValueLayout.JAVA_INT, ValueLayout.JAVA_INT, ValueLayout.JAVA_LONG, ValueLayout.ADDRESS)))
                    .orElse(null);
            } catch (RuntimeException unavailable) {
                return null;
            }
        }
    }
}

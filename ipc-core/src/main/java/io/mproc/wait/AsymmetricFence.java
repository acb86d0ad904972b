package io.mproc.wait;

import io.mproc.memory.OrderedAccess;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.VarHandle;
import java.util.Locale;

/**
 * The store-load fence of the sleep/wake handshake, split so that its cost falls on the side
 * that is about to sleep anyway, not on every commit.
 *
 * <p>The handshake needs, on each side, a store-load barrier between "I published / I
 * registered" and "I look at the other side". A full fence on the signalling side costs little
 * by itself but drains the store buffer, which then waits for the cache misses of the message
 * just written (lines the consumer holds): on a ring that made the producer an order of
 * magnitude slower. Linux's {@code membarrier(MEMBARRIER_CMD_GLOBAL_EXPEDITED)} lets the
 * <em>waiter</em> force a full barrier on every CPU currently running a thread of any process
 * that registered for it; the signaller then needs only compiler ordering ({@link #light()}).
 * Every process that loads this class registers once ({@code REGISTER_GLOBAL_EXPEDITED}).
 *
 * <p>Why it is enough: the waiter registers in the waiter count (an atomic read-modify-write,
 * at once globally visible), then calls {@link #heavy()}. At some point in each signaller's
 * instruction stream a full barrier runs. A signaller whose read of the waiter count comes
 * after that point sees the registration and wakes the waiter; one whose read comes before it
 * published its change before it too (program order, kept by the compiler barrier in
 * {@link #light()}), so the change is visible to the waiter's re-check after {@code heavy()}.
 *
 * <p>Where {@code membarrier} is unavailable (kernel older than 4.16, native access denied, not
 * Linux) {@link #light()} is a full fence and {@link #heavy()} does nothing more than the
 * waiter's read-modify-write already did: the textbook symmetric handshake. Processes can mix
 * the two: a process without the call cannot sleep on a futex either (same system-call path),
 * so it polls, and a signaller that fences fully is always correct.
 */
final class AsymmetricFence {
    private AsymmetricFence() {
    }

    private static final int MEMBARRIER_CMD_QUERY = 0;
    private static final int MEMBARRIER_CMD_GLOBAL_EXPEDITED = 1 << 1;
    private static final int MEMBARRIER_CMD_REGISTER_GLOBAL_EXPEDITED = 1 << 2;

    private static final MethodHandle SYSCALL;
    private static final long SYS_MEMBARRIER;
    /** Whether this process is registered and waiters can issue the global barrier. */
    static final boolean ASYMMETRIC;

    static {
        long number = switch (System.getProperty("os.arch", "")) {
            case "amd64", "x86_64" -> 324;
            case "aarch64" -> 283;
            default -> -1;
        };
        MethodHandle handle = null;
        boolean registered = false;
        if (number > 0 && System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("linux")) {
            try {
                handle = link();
                long supported = (long) handle.invokeExact(number, (long) MEMBARRIER_CMD_QUERY, 0L, 0L);
                long wanted = MEMBARRIER_CMD_GLOBAL_EXPEDITED | MEMBARRIER_CMD_REGISTER_GLOBAL_EXPEDITED;
                registered = supported > 0 && (supported & wanted) == wanted
                    && (long) handle.invokeExact(number, (long) MEMBARRIER_CMD_REGISTER_GLOBAL_EXPEDITED, 0L, 0L) == 0;
            } catch (Throwable unavailable) {
                // IllegalCallerException when native access is denied, linker errors elsewhere:
                // fall back to the symmetric handshake.
                registered = false;
            }
        }
        SYSCALL = handle;
        SYS_MEMBARRIER = number;
        ASYMMETRIC = registered;
        // Whatever this process published before it registered is ordered before any later
        // light() read: registration happened here, in between.
        OrderedAccess.fullFence();
    }

    /**
     * Signaller side, between publishing a change and reading the waiter count: compiler
     * ordering only when waiters issue {@link #heavy()}, else a full fence.
     */
    static void light() {
        if (ASYMMETRIC) {
            // A compiler barrier: keeps the caller's publishing store before our load of the
            // waiter count in the generated code (emits no instruction on x86).
            VarHandle.acquireFence();
            VarHandle.releaseFence();
        } else {
            OrderedAccess.fullFence();
        }
    }

    /**
     * Waiter side, after registering in the waiter count and before re-checking the condition:
     * a full barrier on every CPU that runs a registered process.
     */
    static void heavy() {
        if (!ASYMMETRIC) {
            return; // the waiter's registration (a read-modify-write) was the full fence
        }
        try {
            long result = (long) SYSCALL.invokeExact(SYS_MEMBARRIER, (long) MEMBARRIER_CMD_GLOBAL_EXPEDITED, 0L, 0L);
            if (result != 0) {
                throw new IllegalStateException("membarrier(GLOBAL_EXPEDITED) failed after registering: " + result);
            }
        } catch (RuntimeException | Error failed) {
            throw failed;
        } catch (Throwable impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    // Restricted: the linker is the point of this class; the JVM flag is documented in package-info.
    @SuppressWarnings("restricted")
    private static MethodHandle link() {
        Linker linker = Linker.nativeLinker();
        MemorySegment syscall = linker.defaultLookup().find("syscall")
            .orElseThrow(() -> new UnsupportedOperationException("libc has no syscall symbol"));
        // long syscall(long number, long cmd, long flags, long cpu_id)
        return linker.downcallHandle(syscall, FunctionDescriptor.of(ValueLayout.JAVA_LONG,
            ValueLayout.JAVA_LONG, ValueLayout.JAVA_LONG, ValueLayout.JAVA_LONG, ValueLayout.JAVA_LONG),
            Linker.Option.firstVariadicArg(1));
    }
}

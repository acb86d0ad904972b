package io.mproc.wait;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.VarHandle;
import java.util.Locale;
import java.util.Optional;

/**
 * The Linux futex system call, reached through the FFM API (no JNI): sleep while a 32-bit word
 * in shared memory holds an expected value, and wake the sleepers on a word.
 *
 * <p>Uses the <em>shared</em> operations ({@code FUTEX_WAIT}, {@code FUTEX_WAKE}, not the
 * {@code _PRIVATE} ones): the kernel keys sleepers by the mapped file and offset, so a process
 * sleeping on a word of a region is woken by another process that maps the same region, at
 * whatever address each has it mapped.
 *
 * <p>The call is made through libc's {@code syscall(2)} with errno captured by the linker.
 * Each thread reuses one small native buffer (the timeout and the captured errno), so
 * {@link #await} and {@link #wake} allocate nothing after a thread's first call.
 *
 * <p>A thread blocked in {@link #await} does not notice {@link Thread#interrupt()}: the JDK
 * sends it no signal. Callers that must stay interruptible wait in bounded slices (as
 * {@link WaitPoint} does).
 *
 * <p>Linking is a restricted operation: without {@code --enable-native-access=ALL-UNNAMED} the
 * JDK prints a warning the first time this class is used (or refuses, under
 * {@code --illegal-native-access=deny}, in which case {@link #isAvailable()} is false).
 */
public final class Futex {
    private Futex() {
    }

    /** How a {@link #await futex wait} ended. */
    public enum Outcome {
        /** Returned after a wake, or spuriously: the caller re-checks what it waits for. */
        WOKEN,
        /** The word did not hold the expected value when the call was made ({@code EAGAIN}). */
        VALUE_CHANGED,
        /** The timeout passed ({@code ETIMEDOUT}). */
        TIMED_OUT,
        /** A signal handler ran ({@code EINTR}). */
        INTERRUPTED
    }

    private static final int FUTEX_WAIT = 0;
    private static final int FUTEX_WAKE = 1;

    private static final int EINTR = 4;
    private static final int EAGAIN = 11;
    private static final int ETIMEDOUT = 110;

    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    /** Whether futex calls work in this JVM: Linux on x86_64 or aarch64, and native access allowed. */
    public static boolean isAvailable() {
        return Native.SYSCALL != null;
    }

    /** Why the futex is unavailable, or empty when {@link #isAvailable()}. */
    public static Optional<String> unavailableReason() {
        return Optional.ofNullable(Native.UNAVAILABLE_REASON);
    }

    /**
     * Sleeps while the int at {@code offset} in {@code segment} equals {@code expected}, for at
     * most {@code timeoutNanos} (relative, measured on the monotonic clock; negative = no
     * timeout). The comparison and the going to sleep are one atomic step in the kernel, so a
     * change plus {@link #wake} made after the caller read {@code expected} is never missed.
     *
     * @throws IllegalArgumentException if the word is not 4-byte aligned, not inside the
     *                                  segment, or the segment is not native memory
     * @throws IllegalStateException    if the segment is no longer mapped, or the kernel reports
     *                                  an unexpected error
     * @throws UnsupportedOperationException if the futex is not {@link #isAvailable() available}
     */
    public static Outcome await(MemorySegment segment, long offset, int expected, long timeoutNanos) {
        long address = wordAddress(segment, offset);
        Scratch scratch = Native.scratch();
        MemorySegment timeout = MemorySegment.NULL;
        if (timeoutNanos >= 0) {
            timeout = scratch.timespec();
            // Thread-confined scratch memory, read by the kernel during this call only: plain.
            timeout.set(ValueLayout.JAVA_LONG, 0, timeoutNanos / NANOS_PER_SECOND);
            timeout.set(ValueLayout.JAVA_LONG, 8, timeoutNanos % NANOS_PER_SECOND);
        }
        long result = Native.call(scratch.callState(), address, FUTEX_WAIT, expected, timeout);
        if (result == 0) {
            return Outcome.WOKEN;
        }
        int errno = Native.errno(scratch.callState());
        return switch (errno) {
            case EAGAIN -> Outcome.VALUE_CHANGED;
            case ETIMEDOUT -> Outcome.TIMED_OUT;
            case EINTR -> Outcome.INTERRUPTED;
            default -> throw failure("wait", segment, offset, address, errno);
        };
    }

    /**
     * Wakes at most {@code count} threads (of any process) sleeping on the int at {@code offset}
     * in {@code segment}, and returns how many it woke. {@link Integer#MAX_VALUE} wakes all.
     *
     * @throws IllegalArgumentException if the word is misplaced (as for {@link #await}) or
     *                                  {@code count} is negative
     * @throws IllegalStateException    if the segment is no longer mapped, or the kernel reports
     *                                  an unexpected error
     * @throws UnsupportedOperationException if the futex is not {@link #isAvailable() available}
     */
    public static int wake(MemorySegment segment, long offset, int count) {
        if (count < 0) {
            throw new IllegalArgumentException("futex wake count=" + count + " (expected: >= 0)");
        }
        long address = wordAddress(segment, offset);
        Scratch scratch = Native.scratch();
        long result = Native.call(scratch.callState(), address, FUTEX_WAKE, count, MemorySegment.NULL);
        if (result < 0) {
            throw failure("wake", segment, offset, address, Native.errno(scratch.callState()));
        }
        return (int) result;
    }

    private static long wordAddress(MemorySegment segment, long offset) {
        if (!segment.isNative()) {
            throw new IllegalArgumentException("futex word in " + segment
                + ": not native memory (expected: a mapped region or a native segment)");
        }
        if (offset < 0 || offset > segment.byteSize() - Integer.BYTES) {
            throw new IllegalArgumentException("futex word offset=" + offset
                + " (expected: 0 to " + (segment.byteSize() - Integer.BYTES) + " in a segment of "
                + segment.byteSize() + " bytes)");
        }
        long address = segment.address() + offset;
        if ((address & 3) != 0) {
            throw new IllegalArgumentException("futex word offset=" + offset + " at address 0x"
                + Long.toHexString(address) + " (expected: 4-byte aligned)");
        }
        if (!segment.scope().isAlive()) {
            // The kernel would fail with EFAULT, or worse sleep on whatever is mapped there now.
            throw new IllegalStateException("futex word in " + segment + ": segment is closed (unmapped)");
        }
        return address;
    }

    private static IllegalStateException failure(String operation, MemorySegment segment, long offset,
                                                 long address, int errno) {
        return new IllegalStateException("futex " + operation + " on offset " + offset + " (address 0x"
            + Long.toHexString(address) + ") of " + segment + " failed: errno " + errno);
    }

    /** A thread's reusable native memory for one call: a {@code struct timespec} and the errno capture. */
    private record Scratch(MemorySegment timespec, MemorySegment callState) {
    }

    /** The linked {@code syscall} function, or why there is none; initialised on first use. */
    private static final class Native {
        private static final StructLayout CALL_STATE = Linker.Option.captureStateLayout();
        private static final VarHandle ERRNO =
            CALL_STATE.varHandle(MemoryLayout.PathElement.groupElement("errno"));
        private static final long TIMESPEC_BYTES = 2 * Long.BYTES;

        private static final MethodHandle SYSCALL;
        private static final String UNAVAILABLE_REASON;
        private static final long SYS_FUTEX;

        private static final ThreadLocal<Scratch> SCRATCH = ThreadLocal.withInitial(() -> {
            // An automatic arena: the buffer lives as long as the thread's Scratch does.
            MemorySegment buffer = Arena.ofAuto().allocate(TIMESPEC_BYTES + CALL_STATE.byteSize(), Long.BYTES);
            return new Scratch(buffer.asSlice(0, TIMESPEC_BYTES),
                buffer.asSlice(TIMESPEC_BYTES, CALL_STATE.byteSize()));
        });

        static {
            MethodHandle handle = null;
            String reason = null;
            long number = syscallNumber();
            try {
                if (!System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("linux")) {
                    reason = "not Linux (os.name=" + System.getProperty("os.name") + ")";
                } else if (number < 0) {
                    reason = "no futex system call number known for os.arch=" + System.getProperty("os.arch");
                } else {
                    handle = link();
                    handle = probe(handle, number);
                }
            } catch (RuntimeException | LinkageError failed) {
                // IllegalCallerException when native access is denied, UnsupportedOperationException
                // on a platform the linker does not support, ...: fall back, do not crash.
                handle = null;
                reason = "cannot link syscall(2): " + failed;
            }
            SYSCALL = handle;
            UNAVAILABLE_REASON = handle == null && reason == null ? "unknown" : reason;
            SYS_FUTEX = number;
        }

        private static long syscallNumber() {
            return switch (System.getProperty("os.arch", "")) {
                case "amd64", "x86_64" -> 202;
                case "aarch64" -> 98;
                default -> -1;
            };
        }

        // Restricted: deliberate, the whole point of this class; the JVM flag is documented above.
        @SuppressWarnings("restricted")
        private static MethodHandle link() {
            Linker linker = Linker.nativeLinker();
            MemorySegment syscall = linker.defaultLookup().find("syscall")
                .orElseThrow(() -> new UnsupportedOperationException("libc has no syscall symbol"));
            // long syscall(long number, ...): every variadic argument is passed as a full
            // register (libc reads them as longs), the timeout as a pointer.
            FunctionDescriptor descriptor = FunctionDescriptor.of(ValueLayout.JAVA_LONG,
                ValueLayout.JAVA_LONG,      // number
                ValueLayout.JAVA_LONG,      // uaddr
                ValueLayout.JAVA_LONG,      // futex_op
                ValueLayout.JAVA_LONG,      // val
                ValueLayout.ADDRESS,        // timeout
                ValueLayout.JAVA_LONG,      // uaddr2
                ValueLayout.JAVA_LONG);     // val3
            return linker.downcallHandle(syscall, descriptor,
                Linker.Option.firstVariadicArg(1), Linker.Option.captureCallState("errno"));
        }

        /** Wakes no-one on a private word: proves the call works before anyone relies on it. */
        private static MethodHandle probe(MethodHandle handle, long number) {
            try (Arena arena = Arena.ofConfined()) {
                MemorySegment word = arena.allocate(ValueLayout.JAVA_INT);
                MemorySegment callState = arena.allocate(CALL_STATE);
                long woken = (long) handle.invokeExact(callState, number, word.address(),
                    (long) FUTEX_WAKE, 1L, MemorySegment.NULL, 0L, 0L);
                if (woken != 0) {
                    throw new UnsupportedOperationException("futex probe returned " + woken
                        + ", errno " + errno(callState));
                }
                return handle;
            } catch (RuntimeException | Error failed) {
                throw failed;
            } catch (Throwable impossible) {
                throw new IllegalStateException(impossible);
            }
        }

        static Scratch scratch() {
            if (SYSCALL == null) {
                throw new UnsupportedOperationException("futex unavailable: " + UNAVAILABLE_REASON);
            }
            return SCRATCH.get();
        }

        static long call(MemorySegment callState, long address, int op, int value, MemorySegment timeout) {
            try {
                // The value is compared as an unsigned 32-bit word by the kernel: pass its bits.
                return (long) SYSCALL.invokeExact(callState, SYS_FUTEX, address, (long) op,
                    Integer.toUnsignedLong(value), timeout, 0L, 0L);
            } catch (RuntimeException | Error failed) {
                throw failed;
            } catch (Throwable impossible) {
                throw new IllegalStateException(impossible);
            }
        }

        static int errno(MemorySegment callState) {
            // Written by the linker on this thread just after the call: plain.
            return (int) ERRNO.get(callState, 0L);
        }
    }
}

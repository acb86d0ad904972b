package io.mproc.memory;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.VarHandle;

/**
 * Every load and store mproc makes on shared memory, with its memory-ordering mode in its name.
 *
 * <p>The modes, weakest first, and when mproc uses each (the pairing rules for the whole
 * library; see also {@code package-info}):
 * <ul>
 *   <li><b>plain</b> ({@code get}/{@code set}): data that another process reads only after an
 *       acquire load that pairs with a release store made after this write (message bodies,
 *       header fields written before the ready flag).</li>
 *   <li><b>opaque</b>: a value that is polled and whose staleness is harmless (a cached copy of
 *       a counter that is re-read with acquire before it matters, statistics).</li>
 *   <li><b>acquire / release</b>: publication. A release store of a position, length or flag
 *       makes every earlier write visible to whoever acquire-loads that value. This is the mode
 *       of every "commit" and every "is there something for me" check.</li>
 *   <li><b>volatile / read-modify-write</b> (compare-and-set, get-and-add): claims between
 *       competing writers, and the store-load fence of the sleep/wake handshake, where a
 *       thread must see another's store before deciding to sleep.</li>
 * </ul>
 *
 * <p>All offsets are byte offsets into the segment; longs must be 8-byte aligned and ints
 * 4-byte aligned, which every {@code *Layout} class guarantees. The segments are mapped
 * files, so these accesses are coherent across processes exactly as across threads.
 */
public final class OrderedAccess {
    private OrderedAccess() {
    }

    private static final VarHandle INT = ValueLayout.JAVA_INT.varHandle().withInvokeExactBehavior();
    private static final VarHandle LONG = ValueLayout.JAVA_LONG.varHandle().withInvokeExactBehavior();

    // ---- int ----

    public static int getIntPlain(MemorySegment segment, long offset) {
        return (int) INT.get(segment, offset);
    }

    public static void setIntPlain(MemorySegment segment, long offset, int value) {
        INT.set(segment, offset, value);
    }

    public static int getIntOpaque(MemorySegment segment, long offset) {
        return (int) INT.getOpaque(segment, offset);
    }

    public static int getIntAcquire(MemorySegment segment, long offset) {
        return (int) INT.getAcquire(segment, offset);
    }

    public static void setIntRelease(MemorySegment segment, long offset, int value) {
        INT.setRelease(segment, offset, value);
    }

    public static int getIntVolatile(MemorySegment segment, long offset) {
        return (int) INT.getVolatile(segment, offset);
    }

    public static void setIntVolatile(MemorySegment segment, long offset, int value) {
        INT.setVolatile(segment, offset, value);
    }

    public static boolean compareAndSetInt(MemorySegment segment, long offset, int expected, int value) {
        return (boolean) INT.compareAndSet(segment, offset, expected, value);
    }

    public static int getAndAddInt(MemorySegment segment, long offset, int delta) {
        return (int) INT.getAndAdd(segment, offset, delta);
    }

    // ---- long ----

    public static long getLongPlain(MemorySegment segment, long offset) {
        return (long) LONG.get(segment, offset);
    }

    public static void setLongPlain(MemorySegment segment, long offset, long value) {
        LONG.set(segment, offset, value);
    }

    public static long getLongOpaque(MemorySegment segment, long offset) {
        return (long) LONG.getOpaque(segment, offset);
    }

    public static void setLongOpaque(MemorySegment segment, long offset, long value) {
        LONG.setOpaque(segment, offset, value);
    }

    public static long getLongAcquire(MemorySegment segment, long offset) {
        return (long) LONG.getAcquire(segment, offset);
    }

    public static void setLongRelease(MemorySegment segment, long offset, long value) {
        LONG.setRelease(segment, offset, value);
    }

    public static long getLongVolatile(MemorySegment segment, long offset) {
        return (long) LONG.getVolatile(segment, offset);
    }

    public static void setLongVolatile(MemorySegment segment, long offset, long value) {
        LONG.setVolatile(segment, offset, value);
    }

    public static boolean compareAndSetLong(MemorySegment segment, long offset, long expected, long value) {
        return (boolean) LONG.compareAndSet(segment, offset, expected, value);
    }

    public static long compareAndExchangeLong(MemorySegment segment, long offset, long expected, long value) {
        return (long) LONG.compareAndExchange(segment, offset, expected, value);
    }

    public static long getAndAddLong(MemorySegment segment, long offset, long delta) {
        return (long) LONG.getAndAdd(segment, offset, delta);
    }

    /** Orders earlier stores before later stores (a compiler barrier on x86). */
    public static void storeStoreFence() {
        VarHandle.storeStoreFence();
    }

    /** A full two-way fence: the store-load barrier of the sleep/wake handshake. */
    public static void fullFence() {
        VarHandle.fullFence();
    }
}

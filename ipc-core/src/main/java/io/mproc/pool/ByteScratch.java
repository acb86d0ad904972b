package io.mproc.pool;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.Arrays;

/**
 * A growable heap buffer in which a message whose length is not known in advance is built
 * before it is copied into a ring (a ring claim needs the exact length first). Values are
 * written in the platform's byte order, as the ring's mapped memory is read. One per thread
 * that encodes; not thread-safe.
 */
final class ByteScratch {
    private byte[] bytes;
    private MemorySegment segment;
    private int position;

    ByteScratch(int initialCapacity) {
        bytes = new byte[initialCapacity];
        segment = MemorySegment.ofArray(bytes);
    }

    void reset() {
        position = 0;
    }

    int position() {
        return position;
    }

    /** Forgets what was written after {@code length} bytes. */
    void truncate(int length) {
        position = length;
    }

    void putByte(int value) {
        ensure(1);
        bytes[position++] = (byte) value;
    }

    void putInt(int value) {
        ensure(4);
        segment.set(ValueLayout.JAVA_INT_UNALIGNED, position, value);
        position += 4;
    }

    void putLong(long value) {
        ensure(8);
        segment.set(ValueLayout.JAVA_LONG_UNALIGNED, position, value);
        position += 8;
    }

    void putDouble(double value) {
        ensure(8);
        segment.set(ValueLayout.JAVA_DOUBLE_UNALIGNED, position, value);
        position += 8;
    }

    /** The length as an int, then the bytes. */
    void putSized(byte[] value) {
        putInt(value.length);
        ensure(value.length);
        System.arraycopy(value, 0, bytes, position, value.length);
        position += value.length;
    }

    /** Copies what was written to {@code target} at {@code offset}. */
    void copyTo(MemorySegment target, long offset) {
        MemorySegment.copy(segment, 0, target, offset, position);
    }

    private void ensure(int more) {
        if (position + more > bytes.length) {
            long wanted = Math.max((long) bytes.length * 2, (long) position + more);
            if (wanted > Integer.MAX_VALUE - 16) {
                throw new IllegalArgumentException("message of " + wanted + " bytes (expected: < 2 GiB)");
            }
            bytes = Arrays.copyOf(bytes, (int) wanted);
            segment = MemorySegment.ofArray(bytes);
        }
    }
}

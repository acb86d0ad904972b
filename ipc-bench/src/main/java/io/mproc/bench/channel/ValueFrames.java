package io.mproc.bench.channel;

import java.nio.ByteBuffer;

/**
 * The receiving end of a stream of 8-byte values 1, 2, 3... carried by a byte stream (a socket,
 * a pipe) that delivers them in whatever chunks it likes: bytes go in through {@link #space()}
 * and {@link #filled()}, whole values come out through {@link #take(int)}, each checked, and a
 * partial value waits for the rest of its bytes. One instance per consumer thread.
 */
public final class ValueFrames {

    private final ByteBuffer buffer;
    private long expected = 1;

    /** Over {@code buffer} (heap or direct, at least 8 bytes), whose contents are dropped. */
    public ValueFrames(ByteBuffer buffer) {
        if (buffer.capacity() < Long.BYTES) {
            throw new IllegalArgumentException("buffer of " + buffer.capacity() + " bytes (expected: >= 8)");
        }
        this.buffer = buffer.clear().flip();
    }

    /** Whether at least one whole value is waiting to be taken. */
    public boolean hasValue() {
        return buffer.remaining() >= Long.BYTES;
    }

    /**
     * The buffer in write mode, with what is left of the last chunk moved to its start: read
     * the next chunk into it, then call {@link #filled()}.
     */
    public ByteBuffer space() {
        return buffer.compact();
    }

    /** Ends a {@link #space()}: the bytes read into it become takeable. */
    public void filled() {
        buffer.flip();
    }

    /**
     * Takes up to {@code limit} whole values that have arrived, checking that they continue the
     * sequence, and returns how many; throws {@link IllegalStateException} on a gap.
     */
    public int take(int limit) {
        int n = Math.min(limit, buffer.remaining() / Long.BYTES);
        for (int i = 0; i < n; i++) {
            long value = buffer.getLong();
            if (value != expected) {
                throw new IllegalStateException("expected " + expected + " but read " + value);
            }
            expected++;
        }
        return n;
    }
}

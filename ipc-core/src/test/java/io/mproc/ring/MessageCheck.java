package io.mproc.ring;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/** Checks the [seq, checksum] messages of the producer children: per-producer FIFO, exactly once, intact. */
final class MessageCheck implements MessageHandler {
    private final long[] next;
    private long total;

    MessageCheck(int producers) {
        next = new long[producers];
    }

    static long checksum(int producer, long seq) {
        return (seq * 0x9E3779B97F4A7C15L) ^ ((long) producer << 56) ^ 0x5555;
    }

    static int length(long seq) {
        return seq % 3 == 2 ? 8 : 16;
    }

    @Override
    public void onMessage(int type, MemorySegment buffer, long offset, int length) {
        if (type < 0 || type >= next.length) {
            throw new AssertionError("unknown producer " + type);
        }
        long seq = buffer.get(ValueLayout.JAVA_LONG_UNALIGNED, offset);
        if (seq != next[type]) {
            throw new AssertionError("producer " + type + ": got seq " + seq + ", expected " + next[type]);
        }
        if (length != length(seq) && length != 16
            || length == 16 && buffer.get(ValueLayout.JAVA_LONG_UNALIGNED, offset + 8) != checksum(type, seq)) {
            throw new AssertionError("producer " + type + " message " + seq + " corrupt (length " + length + ")");
        }
        next[type]++;
        total++;
    }

    long received(int producer) {
        return next[producer];
    }

    long total() {
        return total;
    }
}

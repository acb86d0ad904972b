package io.mproc.ring;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mproc.memory.ProcessIdentity;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** Scenarios every byte ring must pass, and helpers. */
final class RingTestSupport {
    private RingTestSupport() {
    }

    static final MessageHandler IGNORE = (type, buffer, offset, length) -> { };

    static byte[] bytes(int... values) {
        byte[] out = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = (byte) values[i];
        }
        return out;
    }

    static byte[] copy(MemorySegment buffer, long offset, int length) {
        return buffer.asSlice(offset, length).toArray(ValueLayout.JAVA_BYTE);
    }

    /** A process that certainly no longer runs: a short child, started, identified, killed and reaped. */
    static ProcessIdentity deadProcess() throws Exception {
        Process child = new ProcessBuilder("sleep", "30").start();
        ProcessIdentity identity = ProcessIdentity.of((int) child.pid()).orElseThrow();
        child.destroyForcibly().waitFor();
        assertFalse(ProcessIdentity.isAliveByToken(identity.pid(), identity.startToken()));
        return identity;
    }

    static void wrapAround(MessageRing ring, int messages) {
        SplittableRandom random = new SplittableRandom(42);
        ArrayDeque<byte[]> inFlight = new ArrayDeque<>();
        int sent = 0;
        int received = 0;
        List<byte[]> got = new ArrayList<>();
        MessageHandler collect = (type, buffer, offset, length) -> {
            assertEquals(length, type, "type carries the length");
            got.add(copy(buffer, offset, length));
        };
        while (received < messages) {
            while (sent < messages) {
                byte[] message = new byte[random.nextInt(ring.maxMessageLength() + 1)];
                random.nextBytes(message);
                if (!ring.offer(message.length, message, 0, message.length)) {
                    break;
                }
                inFlight.add(message);
                sent++;
            }
            got.clear();
            ring.drain(collect, 1 + random.nextInt(7));
            for (byte[] message : got) {
                assertArrayEquals(inFlight.poll(), message, "message " + received);
                received++;
            }
        }
        assertTrue(ring.isEmpty());
        assertTrue(ring.capacity() * 10 < (long) messages * ring.maxMessageLength() / 2, "many laps");
    }

    static void claimCommitAbort(MessageRing ring) {
        long first = ring.tryClaim(3, 4);
        assertTrue(first >= 0);
        ring.buffer().set(ValueLayout.JAVA_INT_UNALIGNED, first, 0x01020304);
        ring.commit(first);
        long second = ring.tryClaim(4, 16);
        ring.buffer().set(ValueLayout.JAVA_LONG_UNALIGNED, second, -1L);
        ring.abort(second);
        long third = ring.tryClaim(5, 0);
        ring.commit(third);
        List<String> got = new ArrayList<>();
        int n = ring.drain((type, buffer, offset, length) -> got.add(type + ":" + length + ":"
            + (length == 4 ? buffer.get(ValueLayout.JAVA_INT_UNALIGNED, offset) : 0)), 10);
        assertEquals(2, n);
        assertEquals(List.of("3:4:" + 0x01020304, "5:0:0"), got);
        assertThrows(IllegalArgumentException.class, () -> ring.commit(3));
    }

    static void emptyMessages(MessageRing ring) {
        for (int i = 0; i < 1000; i++) {
            assertTrue(ring.offer(i, new byte[0], 0, 0));
            int expected = i;
            assertTrue(ring.poll((type, buffer, offset, length) -> {
                assertEquals(expected, type);
                assertEquals(0, length);
            }));
        }
    }

    static void drainLimit(MessageRing ring) {
        for (int i = 0; i < 10; i++) {
            assertTrue(ring.offer(i, new byte[8], 0, 8));
        }
        List<Integer> types = new ArrayList<>();
        assertEquals(3, ring.drain((type, buffer, offset, length) -> types.add(type), 3));
        assertEquals(List.of(0, 1, 2), types);
        assertEquals(7, ring.drain((type, buffer, offset, length) -> types.add(type), 100));
        assertEquals(0, ring.drain(IGNORE, 100));
        assertEquals(10, types.size());
    }

    static void throwingHandler(MessageRing ring) {
        ring.offer(1, new byte[8], 0, 8);
        ring.offer(2, new byte[8], 0, 8);
        assertThrows(IllegalStateException.class, () -> ring.drain((type, buffer, offset, length) -> {
            throw new IllegalStateException("boom");
        }, 10));
        List<Integer> types = new ArrayList<>();
        assertEquals(1, ring.drain((type, buffer, offset, length) -> types.add(type), 10));
        assertEquals(List.of(2), types);
    }
}

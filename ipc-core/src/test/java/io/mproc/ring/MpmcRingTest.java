package io.mproc.ring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mproc.memory.OrderedAccess;
import io.mproc.memory.RegionException;
import io.mproc.testing.CrossProcessTest;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Single-threaded behaviour of {@link MpmcRing}: shapes, limits, FIFO, laps, claims. */
class MpmcRingTest extends CrossProcessTest {

    @Test
    void rejectsSlotCountsThatAreNotPowersOfTwo() {
        var thrown = assertThrows(IllegalArgumentException.class,
            () -> MpmcRing.create(namespace, "r", 1000, 64));
        assertTrue(thrown.getMessage().startsWith("slots=1000 (expected: power of two"), thrown.getMessage());
        assertThrows(IllegalArgumentException.class, () -> MpmcRing.create(namespace, "r", 0, 64));
        assertThrows(IllegalArgumentException.class, () -> MpmcRing.create(namespace, "r", -4, 64));
    }

    @Test
    void rejectsMaxMessageLengthOutOfBounds() {
        var thrown = assertThrows(IllegalArgumentException.class, () -> MpmcRing.create(namespace, "r", 8, -1));
        assertTrue(thrown.getMessage().startsWith("maxMessageLength=-1 (expected: 0 to "), thrown.getMessage());
        assertThrows(IllegalArgumentException.class,
            () -> MpmcRing.create(namespace, "r", 8, MpmcRingLayout.MAX_MESSAGE_LENGTH_LIMIT + 1));
    }

    @Test
    void attachSeesTheCreatorsShapeAndMessages() {
        try (MpmcRing created = MpmcRing.create(namespace, "r", 16, 100);
             MpmcRing attached = MpmcRing.attach(namespace, "r")) {
            assertEquals(16, attached.capacity());
            assertEquals(100, attached.maxMessageLength());
            assertTrue(created.offer(7, bytes(1, 2, 3), 0, 3));
            assertEquals(List.of("7:[1, 2, 3]"), pollAll(attached));
        }
    }

    @Test
    void attachRejectsInconsistentMetadataNamingTheRegion() {
        try (MpmcRing created = MpmcRing.create(namespace, "bad", 16, 100)) {
            OrderedAccess.setIntPlain(created.buffer(), MpmcRingLayout.SLOTS_OFFSET, 1000);
            var thrown = assertThrows(RegionException.class, () -> MpmcRing.attach(namespace, "bad"));
            assertTrue(thrown.getMessage().contains("bad") && thrown.getMessage().contains("slots=1000"),
                thrown.getMessage());
            OrderedAccess.setIntPlain(created.buffer(), MpmcRingLayout.SLOTS_OFFSET, 1 << 20);
            thrown = assertThrows(RegionException.class, () -> MpmcRing.attach(namespace, "bad"));
            assertTrue(thrown.getMessage().contains("body of"), thrown.getMessage());
            OrderedAccess.setIntPlain(created.buffer(), MpmcRingLayout.SLOTS_OFFSET, 16);
            OrderedAccess.setIntPlain(created.buffer(), MpmcRingLayout.SLOT_STRIDE_OFFSET, 12);
            thrown = assertThrows(RegionException.class, () -> MpmcRing.attach(namespace, "bad"));
            assertTrue(thrown.getMessage().contains("slotStride=12"), thrown.getMessage());
        }
    }

    @Test
    void offerAcceptsExactlyCapacityMessagesThenRefuses() {
        try (MpmcRing ring = MpmcRing.create(namespace, "r", 8, 16)) {
            for (int i = 0; i < 8; i++) {
                assertTrue(ring.offer(i, bytes(i), 0, 1), "message " + i);
            }
            assertFalse(ring.offer(8, bytes(8), 0, 1));
            assertEquals(MessageRing.INSUFFICIENT_CAPACITY, ring.tryClaim(8, 1));
            assertTrue(ring.poll((type, buffer, offset, length) -> { }));
            assertTrue(ring.offer(8, bytes(8), 0, 1), "one slot freed");
            assertFalse(ring.offer(9, bytes(9), 0, 1));
        }
    }

    @Test
    void oneProducerIsFifoAcrossManyLaps() {
        try (MpmcRing ring = MpmcRing.create(namespace, "r", 4, 8)) {
            long next = 0;
            long expected = 0;
            long[] seen = new long[1];
            for (int round = 0; round < 10_000; round++) {
                int burst = 1 + round % 4;
                for (int i = 0; i < burst; i++) {
                    assertTrue(ring.offer(1, longBytes(next++), 0, 8));
                }
                for (int i = 0; i < burst; i++) {
                    assertTrue(ring.poll((type, buffer, offset, length) ->
                        seen[0] = buffer.get(ValueLayout.JAVA_LONG_UNALIGNED, offset)));
                    assertEquals(expected++, seen[0]);
                }
                assertTrue(ring.isEmpty());
                assertFalse(ring.poll((type, buffer, offset, length) -> { }));
            }
        }
    }

    @Test
    void emptyMessagesCarryTheirType() {
        try (MpmcRing ring = MpmcRing.create(namespace, "r", 4, 0)) {
            assertTrue(ring.offer(42, new byte[0], 0, 0));
            assertTrue(ring.offer(0, MemorySegment.NULL, 0, 0));
            assertEquals(List.of("42:[]", "0:[]"), pollAll(ring));
        }
    }

    @Test
    void refusesTooLongMessagesAndReservedTypes() {
        try (MpmcRing ring = MpmcRing.create(namespace, "r", 4, 10)) {
            var thrown = assertThrows(IllegalArgumentException.class, () -> ring.offer(1, new byte[11], 0, 11));
            assertEquals("length=11 (expected: 0 to maxMessageLength=10)", thrown.getMessage());
            assertThrows(IllegalArgumentException.class, () -> ring.tryClaim(1, 11));
            assertThrows(IllegalArgumentException.class, () -> ring.offer(-1, new byte[1], 0, 1));
            assertTrue(ring.isEmpty(), "nothing was claimed by refused calls");
            assertTrue(ring.offer(1, new byte[10], 0, 10));
        }
    }

    @Test
    void claimedMessagesAppearOnCommitAndAbortedOnesNever() {
        try (MpmcRing ring = MpmcRing.create(namespace, "r", 4, 16)) {
            long first = ring.tryClaim(5, 3);
            ring.buffer().asSlice(first, 3).copyFrom(MemorySegment.ofArray(bytes(9, 8, 7)));
            assertTrue(ring.isEmpty(), "claimed, not committed");
            long aborted = ring.tryClaim(6, 2);
            ring.commit(first);
            ring.abort(aborted);
            assertThrows(IllegalStateException.class, () -> ring.commit(aborted), "no longer claimed");
            assertThrows(IllegalArgumentException.class, () -> ring.commit(first + 1));
            long third = ring.tryClaim(7, 1);
            ring.buffer().set(ValueLayout.JAVA_BYTE, third, (byte) 4);
            ring.commit(third);
            assertEquals(List.of("5:[9, 8, 7]", "7:[4]"), pollAll(ring));
            for (int i = 0; i < 4; i++) {
                assertTrue(ring.offer(i, bytes(i), 0, 1), "aborted slot reused on the next lap");
            }
        }
    }

    @Test
    void aHandlerThatThrowsStillConsumesItsMessage() {
        try (MpmcRing ring = MpmcRing.create(namespace, "r", 1, 8)) {
            assertTrue(ring.offer(1, bytes(1), 0, 1));
            assertThrows(IllegalStateException.class, () -> ring.poll((type, buffer, offset, length) -> {
                throw new IllegalStateException("handler failed");
            }));
            assertTrue(ring.isEmpty());
            assertTrue(ring.offer(2, bytes(2), 0, 1), "slot was released");
        }
    }

    @Test
    void drainStopsAtItsLimit() {
        try (MpmcRing ring = MpmcRing.create(namespace, "r", 8, 8)) {
            for (int i = 0; i < 5; i++) {
                ring.offer(i, bytes(i), 0, 1);
            }
            assertEquals(3, ring.drain((type, buffer, offset, length) -> { }, 3));
            assertEquals(2, ring.drain((type, buffer, offset, length) -> { }, 10));
        }
    }

    @Test
    void controlWordsRoundTripAcrossTheLapWrap() {
        long word = MpmcControl.reading(-1, MpmcControl.MAX_PID);
        assertEquals(-1, MpmcControl.lap(word));
        assertEquals(MpmcControl.READING, MpmcControl.state(word));
        assertEquals(MpmcControl.MAX_PID, MpmcControl.pid(word));
        assertEquals(1, MpmcControl.lapDistance(MpmcControl.empty(Integer.MIN_VALUE), Integer.MAX_VALUE));
        assertEquals(-1, MpmcControl.lapDistance(MpmcControl.full(-1), 0));
    }

    @Test
    void hintsThatMovedBackAreSteppedOverWithoutLosingOrRepeatingAMessage() {
        try (MpmcRing ring = MpmcRing.create(namespace, "r", 8, 8)) {
            for (int i = 0; i < 5; i++) {
                assertTrue(ring.offer(i, bytes(i), 0, 1));
            }
            assertEquals(List.of("0:[0]", "1:[1]"), List.of(pollOne(ring), pollOne(ring)));
            // A slow claimer's late store can leave a hint behind its frontier.
            OrderedAccess.setLongVolatile(ring.buffer(), MpmcRingLayout.TAIL_OFFSET, 1);
            OrderedAccess.setLongVolatile(ring.buffer(), MpmcRingLayout.HEAD_OFFSET, 0);
            assertEquals(3, ring.size(), "size scans from the hints to the frontiers");
            assertTrue(ring.offer(5, bytes(5), 0, 1), "the producer steps over claimed positions");
            assertEquals(6, OrderedAccess.getLongVolatile(ring.buffer(), MpmcRingLayout.TAIL_OFFSET));
            assertEquals(List.of("2:[2]", "3:[3]", "4:[4]", "5:[5]"), pollAll(ring));
            assertTrue(ring.isEmpty());
        }
    }

    @Test
    void hintsLeftALapBehindStillFindTheFrontiers() {
        try (MpmcRing ring = MpmcRing.create(namespace, "r", 4, 8)) {
            for (int i = 0; i < 6; i++) {
                assertTrue(ring.offer(i, bytes(i), 0, 1));
                assertEquals(i + ":[" + i + "]", pollOne(ring));
            }
            OrderedAccess.setLongVolatile(ring.buffer(), MpmcRingLayout.TAIL_OFFSET, 3);
            OrderedAccess.setLongVolatile(ring.buffer(), MpmcRingLayout.HEAD_OFFSET, 3);
            assertTrue(ring.isEmpty());
            assertEquals(0, ring.size());
            for (int i = 6; i < 10; i++) {
                assertTrue(ring.offer(i, bytes(i), 0, 1));
            }
            assertTrue(ring.isFull());
            assertFalse(ring.offer(10, bytes(10), 0, 1), "four slots hold four messages");
            assertEquals(List.of("6:[6]", "7:[7]", "8:[8]", "9:[9]"), pollAll(ring));
        }
    }

    @Test
    void aControlWordNoWriterMakesIsReportedAsCorruptionNotSkipped() {
        try (MpmcRing ring = MpmcRing.create(namespace, "r", 4, 8)) {
            // EMPTY of the current lap with a pid: the claim's compare-and-exchange fails on it,
            // and stepping over it would leave a hole that consumers wait at for ever.
            long firstSlot = MpmcRingLayout.FIRST_SLOT_OFFSET + MpmcRingLayout.CONTROL_OFFSET;
            OrderedAccess.setLongVolatile(ring.buffer(), firstSlot, 12345);
            IllegalStateException thrown = assertThrows(IllegalStateException.class,
                () -> ring.offer(0, bytes(0), 0, 1));
            assertTrue(thrown.getMessage().contains("corrupted"), thrown.getMessage());
            assertTrue(thrown.getMessage().contains("tail at position 0"), thrown.getMessage());
        }
    }

    private static String pollOne(MessageRing ring) {
        List<String> out = new ArrayList<>();
        assertTrue(ring.poll((type, buffer, offset, length) -> out.add(type + ":"
            + java.util.Arrays.toString(buffer.asSlice(offset, length).toArray(ValueLayout.JAVA_BYTE)))));
        return out.getFirst();
    }

    static byte[] bytes(int... values) {
        byte[] out = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = (byte) values[i];
        }
        return out;
    }

    static byte[] longBytes(long value) {
        byte[] out = new byte[8];
        MemorySegment.ofArray(out).set(ValueLayout.JAVA_LONG_UNALIGNED, 0, value);
        return out;
    }

    static List<String> pollAll(MessageRing ring) {
        List<String> out = new ArrayList<>();
        while (ring.poll((type, buffer, offset, length) -> out.add(type + ":"
            + java.util.Arrays.toString(buffer.asSlice(offset, length).toArray(ValueLayout.JAVA_BYTE))))) {
            // each poll appended one message
        }
        return out;
    }
}

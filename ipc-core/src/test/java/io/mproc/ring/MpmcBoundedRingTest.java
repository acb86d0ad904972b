package io.mproc.ring;

import static io.mproc.ring.MpmcRingTest.bytes;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mproc.memory.OrderedAccess;
import io.mproc.memory.ProcessIdentity;
import io.mproc.testing.CrossProcessTest;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** {@link MpmcRing#createBounded}: a message limit that is not a power of two, size and isFull. */
class MpmcBoundedRingTest extends CrossProcessTest {
    private static final MessageHandler IGNORE = (type, buffer, offset, length) -> { };

    @Test
    void holdsExactlyTheLimitOnEveryLap() {
        try (MpmcRing ring = MpmcRing.createBounded(namespace, "r", 6, 8)) {
            assertEquals(6, ring.capacity());
            for (int lap = 0; lap < 5; lap++) {
                assertEquals(0, ring.size());
                for (int i = 0; i < 6; i++) {
                    assertFalse(ring.isFull(), "lap " + lap + " message " + i);
                    assertTrue(ring.offer(i, bytes(i), 0, 1), "lap " + lap + " message " + i);
                    assertEquals(i + 1, ring.size());
                }
                assertTrue(ring.isFull());
                assertFalse(ring.offer(6, bytes(6), 0, 1), "a seventh message on lap " + lap);
                assertEquals(MessageRing.INSUFFICIENT_CAPACITY, ring.tryClaim(6, 1));
                assertTrue(ring.poll(IGNORE));
                assertFalse(ring.isFull());
                assertTrue(ring.offer(6, bytes(6), 0, 1), "room again after one poll");
                assertEquals(6, ring.drain(IGNORE, 100));
            }
        }
    }

    @Test
    void attachReadsTheLimit() {
        try (MpmcRing created = MpmcRing.createBounded(namespace, "r", 3, 8);
             MpmcRing attached = MpmcRing.attach(namespace, "r")) {
            assertEquals(3, attached.capacity());
            for (int i = 0; i < 3; i++) {
                assertTrue(created.offer(i, bytes(i), 0, 1));
            }
            assertFalse(attached.offer(3, bytes(3), 0, 1));
            assertTrue(attached.isFull());
        }
    }

    @Test
    void rejectsLimitsOutOfBounds() {
        var thrown = assertThrows(IllegalArgumentException.class, () -> MpmcRing.createBounded(namespace, "r", 0, 8));
        assertTrue(thrown.getMessage().startsWith("limit=0 (expected: 1 to "), thrown.getMessage());
        assertThrows(IllegalArgumentException.class,
            () -> MpmcRing.createBounded(namespace, "r", MpmcRingLayout.MAX_SLOTS + 1, 8));
    }

    @Test
    void aMessageClaimedByAReaderThatHasNotMovedTheHeadIsNotCountedAsFull() {
        try (MpmcRing ring = MpmcRing.createBounded(namespace, "r", 3, 8)) {
            for (int i = 0; i < 3; i++) {
                assertTrue(ring.offer(i, bytes(i), 0, 1));
            }
            // A reader claimed position 0 (READING) and stopped before moving the head.
            long slot0 = MpmcRingLayout.FIRST_SLOT_OFFSET;
            OrderedAccess.setLongVolatile(ring.buffer(), slot0 + MpmcRingLayout.CONTROL_OFFSET,
                MpmcControl.reading(0, ProcessIdentity.current().pid()));
            assertTrue(ring.offer(3, bytes(3), 0, 1), "the limit counts from past the claimed message");
            assertEquals(0, OrderedAccess.getLongVolatile(ring.buffer(), MpmcRingLayout.HEAD_OFFSET),
                "the head is a hint only its reader stores");
            assertEquals(3, ring.size(), "size counts from the true read frontier, not the hint");
            assertFalse(ring.offer(4, bytes(4), 0, 1), "now really at the limit");
        }
    }

    @Test
    void manyThreadsNeverExceedTheLimit() throws Exception {
        int limit = 5;
        int perProducer = 50_000;
        try (MpmcRing ring = MpmcRing.createBounded(namespace, "r", limit, 8)) {
            // Producers count a message before offering it (undone on failure), consumers after
            // polling it: the count of in-flight messages is then an upper bound of the ring's.
            AtomicInteger inFlight = new AtomicInteger();
            AtomicInteger worst = new AtomicInteger();
            AtomicLong consumed = new AtomicLong();
            Thread[] threads = new Thread[4];
            for (int p = 0; p < 2; p++) {
                threads[p] = Thread.ofPlatform().start(() -> {
                    for (int i = 0; i < perProducer; ) {
                        worst.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
                        if (ring.offer(1, bytes(1), 0, 1)) {
                            i++;
                        } else {
                            inFlight.decrementAndGet();
                            Thread.onSpinWait();
                        }
                    }
                });
            }
            for (int c = 2; c < 4; c++) {
                threads[c] = Thread.ofPlatform().start(() -> {
                    while (consumed.get() < 2L * perProducer) {
                        if (ring.poll(IGNORE)) {
                            inFlight.decrementAndGet();
                            consumed.incrementAndGet();
                        }
                    }
                });
            }
            for (Thread thread : threads) {
                thread.join(60_000);
            }
            assertEquals(0, inFlight.get());
            assertEquals(2L * perProducer, consumed.get());
            // At most the limit in the ring, plus one message per producer counted early and one
            // per consumer counted late. Without the limit the 8 slots would let it reach 12.
            assertTrue(worst.get() <= limit + 4, "in flight reached " + worst.get());
            assertTrue(ring.isEmpty());
        }
    }
}

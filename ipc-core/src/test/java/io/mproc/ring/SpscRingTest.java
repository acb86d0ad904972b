package io.mproc.ring;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mproc.memory.RegionException;
import io.mproc.testing.CrossProcessTest;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SpscRingTest extends CrossProcessTest {

    @Test
    void capacityThatIsNotAPowerOfTwoIsRejectedWithTheValue() {
        var e = assertThrows(IllegalArgumentException.class, () -> SpscRing.create(namespace, "r", 1000, 8));
        assertTrue(e.getMessage().contains("capacity=1000"), e.getMessage());
        assertTrue(e.getMessage().contains("ring r"), e.getMessage());
    }

    @Test
    void maxMessageLengthAboveAnEighthOfCapacityIsRejected() {
        var e = assertThrows(IllegalArgumentException.class, () -> SpscRing.create(namespace, "r", 1024, 129));
        assertTrue(e.getMessage().contains("maxMessageLength=129"), e.getMessage());
        assertTrue(e.getMessage().contains("128"), e.getMessage());
    }

    @Test
    void messageLongerThanMaxIsRejectedWithTheLength() {
        try (SpscRing ring = SpscRing.create(namespace, "r", 1024, 64)) {
            var e = assertThrows(IllegalArgumentException.class, () -> ring.offer(1, new byte[65], 0, 65));
            assertTrue(e.getMessage().contains("length=65") && e.getMessage().contains("64"), e.getMessage());
            assertThrows(IllegalArgumentException.class, () -> ring.tryClaim(1, 65));
        }
    }

    @Test
    void negativeTypesAreReserved() {
        try (SpscRing ring = SpscRing.create(namespace, "r", 1024, 64)) {
            var e = assertThrows(IllegalArgumentException.class, () -> ring.offer(-1, new byte[1], 0, 1));
            assertTrue(e.getMessage().contains("type=-1"), e.getMessage());
        }
    }

    @Test
    void aRingOfCapacityForNMessagesTakesNOfTheLongestWhereverItsProducerStands() {
        int messages = 10; // 48-byte records: 480 bytes would fit 512, but not with a wrap's padding
        int longest = 40;
        try (SpscRing ring = SpscRing.create(namespace, "r", SpscRing.capacityFor(messages, longest), longest)) {
            // Each lap starts 8 to 40 bytes further on (one short message), so the batch wraps at every offset.
            for (int lap = 0; lap < 2 * ring.capacity() / 8; lap++) {
                for (int i = 0; i < messages; i++) {
                    assertTrue(ring.offer(1, new byte[longest], 0, longest), "message " + i + " of lap " + lap);
                }
                assertEquals(messages, ring.drain((type, buffer, offset, length) -> { }, messages + 1));
                int shortOne = 8 * (lap % 5);
                assertTrue(ring.offer(1, new byte[shortOne], 0, shortOne));
                assertTrue(ring.poll((type, buffer, offset, length) -> { }));
            }
        }
        assertEquals(64, SpscRing.capacityFor(1, 0), "the smallest ring");
        assertEquals(1024, SpscRing.capacityFor(1, 128), "room for a message of an eighth of the ring");
        var e = assertThrows(IllegalArgumentException.class, () -> SpscRing.capacityFor(1 << 30, 1000));
        assertTrue(e.getMessage().startsWith("1073741824 messages of maxMessageLength=1000 need a ring of"),
            e.getMessage());
    }

    @Test
    void attachSeesTheCreatorsGeometryAndMessages() {
        try (SpscRing producer = SpscRing.create(namespace, "r", 4096, 256);
             SpscRing consumer = SpscRing.attach(namespace, "r")) {
            assertEquals(4096, consumer.capacity());
            assertEquals(256, consumer.maxMessageLength());
            assertTrue(producer.offer(7, RingTestSupport.bytes(1, 2, 3), 0, 3));
            List<byte[]> got = new ArrayList<>();
            assertTrue(consumer.poll((type, buffer, offset, length) -> got.add(RingTestSupport.copy(buffer, offset, length))));
            assertArrayEquals(RingTestSupport.bytes(1, 2, 3), got.getFirst());
        }
    }

    @Test
    void attachRejectsCorruptCapacityNamingTheFileAndValue() {
        try (SpscRing ring = SpscRing.create(namespace, "r", 1024, 64)) {
            ring.region().body().set(ValueLayout.JAVA_LONG, RingGeometry.CAPACITY_OFFSET, 1000);
            var e = assertThrows(RegionException.class, () -> SpscRing.attach(namespace, "r"));
            assertTrue(e.getMessage().contains("capacity=1000 (expected: power of two"), e.getMessage());
            assertTrue(e.getMessage().contains(ring.region().path().toString()), e.getMessage());
        }
    }

    @Test
    void offerReturnsFalseWhenFullAndSucceedsOnceTheConsumerPollsAgain() {
        try (SpscRing ring = SpscRing.create(namespace, "r", 256, 32)) {
            int sent = 0;
            while (ring.offer(1, new byte[24], 0, 24)) { // 32-byte records
                sent++;
            }
            assertEquals(256 / 32, sent);
            assertEquals(MessageRing.INSUFFICIENT_CAPACITY, ring.tryClaim(1, 0));
            assertTrue(ring.poll(RingTestSupport.IGNORE));
            // The polled record's space comes back at the consumer's next poll, not before.
            assertFalse(ring.offer(1, new byte[24], 0, 24));
            assertTrue(ring.poll(RingTestSupport.IGNORE));
            assertTrue(ring.offer(1, new byte[24], 0, 24));
        }
    }

    @Test
    void oldestTypeIsThatOfTheNextMessageToBeTakenSteppingOverPaddingAndAbortedClaims() {
        try (SpscRing ring = SpscRing.create(namespace, "r", 256, 32)) {
            assertEquals(-1, ring.oldestType());
            // Six 32-byte records and a 16-byte one: 48 bytes left at the end.
            for (int type = 1; type <= 6; type++) {
                assertTrue(ring.offer(type, new byte[24], 0, 24));
            }
            assertTrue(ring.offer(7, new byte[8], 0, 8));
            assertEquals(1, ring.oldestType());
            assertEquals(7, ring.drain(RingTestSupport.IGNORE, 7));
            assertEquals(-1, ring.oldestType());
            assertFalse(ring.poll(RingTestSupport.IGNORE));
            // An aborted 32-byte claim, then a record that does not fit the last 16 bytes: it
            // wraps to index 0 behind a padding record.
            ring.abort(ring.tryClaim(8, 24));
            assertTrue(ring.offer(9, new byte[24], 0, 24));
            assertEquals(9, ring.oldestType());
            assertTrue(ring.poll(RingTestSupport.IGNORE));
            assertEquals(-1, ring.oldestType());
        }
    }

    @Test
    void aDrainThatFindsOnlyAbortedClaimsGivesTheirRoomBackAtOnce() {
        try (SpscRing ring = SpscRing.create(namespace, "r", 256, 32)) {
            for (int i = 0; i < 256 / 32; i++) {
                ring.abort(ring.tryClaim(1, 24));
            }
            assertEquals(MessageRing.INSUFFICIENT_CAPACITY, ring.tryClaim(1, 24));
            assertFalse(ring.isEmpty(), "aborted claims are still to be stepped over");
            assertEquals(-1, ring.oldestType());
            assertEquals(0, ring.drain(RingTestSupport.IGNORE, 100));
            // No message to reply to, and a consumer that now waits must not hold the room.
            for (int i = 0; i < 256 / 32; i++) {
                assertTrue(ring.offer(1, new byte[24], 0, 24), "record " + i);
            }
        }
    }

    @Test
    void anInFlightLimitOfHalfTheRingLetsTheProducerOnAsSoonAsTheConsumerHasRead() {
        try (SpscRing ring = SpscRing.create(namespace, "r", 512, 32)) {
            ring.limitInFlight(256);
            int sent = 0;
            while (ring.offer(1, new byte[24], 0, 24)) { // 32-byte records
                sent++;
            }
            assertEquals(256 / 32, sent, "the limit, not the capacity");
            assertTrue(ring.poll(RingTestSupport.IGNORE));
            // The polled record's bytes are not given back yet; the limit counts it as read.
            assertTrue(ring.offer(1, new byte[24], 0, 24));
            assertFalse(ring.offer(1, new byte[24], 0, 24));
            var tooLow = assertThrows(IllegalArgumentException.class, () -> ring.limitInFlight(64));
            assertTrue(tooLow.getMessage().contains("in-flight limit 64 (expected: 128 to the capacity 512)"),
                tooLow.getMessage());
        }
    }

    @Test
    void aConsumerAboutToWaitGivesBackWhatItConsumedWithoutPolling() {
        try (SpscRing ring = SpscRing.create(namespace, "r", 256, 32)) {
            while (ring.offer(1, new byte[24], 0, 24)) {
                // fill
            }
            assertTrue(ring.poll(RingTestSupport.IGNORE));
            assertFalse(ring.offer(1, new byte[24], 0, 24));
            ring.giveBackConsumed();
            assertTrue(ring.offer(1, new byte[24], 0, 24));
            assertEquals(256 / 32, ring.drain(RingTestSupport.IGNORE, 100), "nothing lost or repeated");
        }
    }

    @Test
    void aPollThatFindsNothingGivesBackWhatTheLastPollConsumed() {
        try (SpscRing ring = SpscRing.create(namespace, "r", 256, 32)) {
            while (ring.offer(1, new byte[24], 0, 24)) {
                // fill
            }
            assertEquals(256 / 32, ring.drain(RingTestSupport.IGNORE, 100));
            // A whole lap consumed and held: the headers there are that lap's, not new messages.
            assertTrue(ring.isEmpty());
            assertEquals(-1, ring.oldestType());
            assertFalse(ring.offer(1, new byte[24], 0, 24));
            assertFalse(ring.poll(RingTestSupport.IGNORE));
            for (int i = 0; i < 256 / 32; i++) {
                assertTrue(ring.offer(1, new byte[24], 0, 24), "record " + i);
            }
        }
    }

    @Test
    void variedLengthsWrapAroundWithPaddingOverManyLapsContentsIntact() {
        try (SpscRing ring = SpscRing.create(namespace, "r", 1024, 128)) {
            RingTestSupport.wrapAround(ring, 20_000);
        }
    }

    @Test
    void claimCommitAndAbortDeliverOnlyCommittedMessagesWithTheirType() {
        try (SpscRing ring = SpscRing.create(namespace, "r", 1024, 64)) {
            RingTestSupport.claimCommitAbort(ring);
        }
    }

    @Test
    void emptyMessagesAreDelivered() {
        try (SpscRing ring = SpscRing.create(namespace, "r", 1024, 64)) {
            RingTestSupport.emptyMessages(ring);
        }
    }

    @Test
    void drainStopsAtTheLimit() {
        try (SpscRing ring = SpscRing.create(namespace, "r", 1024, 64)) {
            RingTestSupport.drainLimit(ring);
        }
    }

    @Test
    void pollOnAnEmptyRingReturnsFalse() {
        try (SpscRing ring = SpscRing.create(namespace, "r", 1024, 64)) {
            assertTrue(ring.isEmpty());
            assertFalse(ring.poll(RingTestSupport.IGNORE));
            ring.offer(0, MemorySegment.ofArray(new byte[8]), 0, 8);
            assertFalse(ring.isEmpty());
        }
    }

    @Test
    void aHandlerThatThrowsConsumesItsMessage() {
        try (SpscRing ring = SpscRing.create(namespace, "r", 1024, 64)) {
            RingTestSupport.throwingHandler(ring);
        }
    }
}

package io.mproc.ring;

import static org.junit.jupiter.api.Assertions.*;

import io.mproc.memory.OrderedAccess;
import io.mproc.testing.CrossProcessTest;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What a new producer or consumer handle finds after its predecessor was killed at each
 * point of its protocol, simulated deterministically (a handle dropped mid-operation is what a
 * SIGKILL leaves in shared memory; the cross-process tests kill real JVMs).
 */
class SpscRingRecoveryTest extends CrossProcessTest {
    private static final int HEADER = RecordLayout.SPSC_HEADER_LENGTH;

    @Test
    void consumerKilledWhileZeroingWhatItConsumedLosesNothingAndTheNextGivesTheSpaceBack() {
        try (SpscRing producer = SpscRing.create(namespace, "r", 256, 32)) {
            int record = align(HEADER + 8);
            int fits = 256 / record;
            for (int i = 1; i <= fits; i++) {
                offerLong(producer, i);
            }
            try (SpscRing deadConsumer = SpscRing.attach(namespace, "r")) {
                assertEquals(2, deadConsumer.drain(RingTestSupport.IGNORE, 2));
            }
            // It had zeroed record 1 of the two it delivered, then died before its head store.
            RecordLayout.zero(producer.buffer(), 0, record);
            assertEquals(MessageRing.INSUFFICIENT_CAPACITY, producer.tryClaim(1, 8));
            try (SpscRing nextConsumer = SpscRing.attach(namespace, "r")) {
                List<Long> expected = new ArrayList<>();
                for (long i = 3; i <= fits; i++) {
                    expected.add(i);
                }
                assertEquals(expected, drainLongs(nextConsumer));
                // Its first drain gave back the dead consumer's two; its next poll gives back the rest.
                assertFalse(nextConsumer.poll(RingTestSupport.IGNORE));
                for (int i = 0; i < fits; i++) {
                    offerLong(producer, 100 + i);
                }
                assertEquals(100L, drainLongs(nextConsumer).getFirst());
            }
        }
    }

    @Test
    void producerTakingOverStartsAfterWhatWasConsumedEvenWhenTheTailLagsAndTheRecordWasZeroed() {
        try (SpscRing consumer = SpscRing.create(namespace, "r", 1024, 64)) {
            try (SpscRing deadProducer = SpscRing.attach(namespace, "r")) {
                offerLong(deadProducer, 1);
                offerLong(deadProducer, 2);
                // Its second tail store never happened.
                OrderedAccess.setLongPlain(deadProducer.region().body(), SpscRingLayout.TAIL_OFFSET, align(HEADER + 8));
            }
            assertEquals(List.of(1L, 2L), drainLongs(consumer));
            // The consumer is giving the two back: record 2 already zeroed, the head not yet moved.
            RecordLayout.zero(consumer.buffer(), align(HEADER + 8), align(HEADER + 8));
            try (SpscRing nextProducer = SpscRing.attach(namespace, "r")) {
                offerLong(nextProducer, 3);
                assertEquals(List.of(3L), drainLongs(consumer));
            }
        }
    }

    @Test
    void recordsAKilledConsumerHadNotMarkedConsumedAreDeliveredAgain() {
        try (SpscRing producer = SpscRing.create(namespace, "r", 1024, 64)) {
            offerLong(producer, 1);
            offerLong(producer, 2);
            // The dead consumer handed both to its handler and died before its consumed store.
            try (SpscRing nextConsumer = SpscRing.attach(namespace, "r")) {
                assertEquals(List.of(1L, 2L), drainLongs(nextConsumer));
            }
        }
    }

    @Test
    void producerKilledMidClaimLeavesNothingVisibleAndTheNextProducerOverwritesItsGarbage() {
        try (SpscRing consumer = SpscRing.create(namespace, "r", 1024, 64)) {
            try (SpscRing deadProducer = SpscRing.attach(namespace, "r")) {
                offerLong(deadProducer, 1);
                long index = deadProducer.tryClaim(7, 64);
                // It wrote a payload full of non-zero bytes and died before committing.
                deadProducer.buffer().asSlice(index, 64).fill((byte) 0x5A);
                assertEquals(List.of(1L), drainLongs(consumer));
            }
            try (SpscRing nextProducer = SpscRing.attach(namespace, "r")) {
                offerLong(nextProducer, 2);
                offerLong(nextProducer, 3);
                offerLong(nextProducer, 4);
                assertEquals(List.of(2L, 3L, 4L), drainLongs(consumer));
            }
        }
    }

    @Test
    void producerKilledBetweenCommitAndTailStoreIsNotOverwrittenByTheNext() {
        try (SpscRing consumer = SpscRing.create(namespace, "r", 1024, 64)) {
            try (SpscRing deadProducer = SpscRing.attach(namespace, "r")) {
                offerLong(deadProducer, 1);
                offerLong(deadProducer, 2);
                // Roll the shared tail back: as if the second commit's tail store never happened.
                OrderedAccess.setLongPlain(deadProducer.region().body(), SpscRingLayout.TAIL_OFFSET, align(HEADER + 8));
            }
            try (SpscRing nextProducer = SpscRing.attach(namespace, "r")) {
                offerLong(nextProducer, 3);
                assertEquals(List.of(1L, 2L, 3L), drainLongs(consumer));
            }
        }
    }

    private static int align(int length) {
        return RecordLayout.align(length);
    }

    private static void offerLong(SpscRing ring, long value) {
        MemorySegment message = MemorySegment.ofArray(new long[] {value});
        assertTrue(ring.offer(1, message, 0, 8));
    }

    private static List<Long> drainLongs(SpscRing ring) {
        List<Long> values = new ArrayList<>();
        ring.drain((type, buffer, offset, length) -> values.add(buffer.get(ValueLayout.JAVA_LONG_UNALIGNED, offset)), 100);
        return values;
    }
}

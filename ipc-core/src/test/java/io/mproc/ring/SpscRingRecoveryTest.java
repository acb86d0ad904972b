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
    void consumerKilledAfterClearingRecordsBeforeMovingTheHeadDoesNotWedgeTheNext() {
        try (SpscRing producer = SpscRing.create(namespace, "r", 1024, 64);
             SpscRing deadConsumer = SpscRing.attach(namespace, "r")) {
            offerLong(producer, 1);
            offerLong(producer, 2);
            offerLong(producer, 3);
            // The dead consumer handled and cleared records 1 and 2, then died before its head store.
            int record = align(HEADER + 8);
            RecordLayout.zero(deadConsumer.buffer(), 0, 2L * record);
            try (SpscRing nextConsumer = SpscRing.attach(namespace, "r")) {
                assertEquals(List.of(3L), drainLongs(nextConsumer));
                offerLong(producer, 4);
                assertEquals(List.of(4L), drainLongs(nextConsumer));
            }
        }
    }

    @Test
    void recordMarkedAsPaddingByAKilledConsumerIsSkippedNotRedelivered() {
        try (SpscRing producer = SpscRing.create(namespace, "r", 1024, 64)) {
            offerLong(producer, 1);
            offerLong(producer, 2);
            // Killed mid-clear of record 1: marked padding, payload zeroed, header still there.
            OrderedAccess.setIntPlain(producer.buffer(), RecordLayout.TYPE_OFFSET, RecordLayout.PADDING_TYPE);
            OrderedAccess.setLongPlain(producer.buffer(), HEADER, 0L);
            try (SpscRing nextConsumer = SpscRing.attach(namespace, "r")) {
                assertEquals(List.of(2L), drainLongs(nextConsumer));
            }
        }
    }

    @Test
    void recordsNotYetClearedByAKilledConsumerAreDeliveredAgain() {
        try (SpscRing producer = SpscRing.create(namespace, "r", 1024, 64)) {
            offerLong(producer, 1);
            offerLong(producer, 2);
            // The dead consumer read both but cleared nothing and did not move the head.
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

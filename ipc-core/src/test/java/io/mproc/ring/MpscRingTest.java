package io.mproc.ring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mproc.memory.OrderedAccess;
import io.mproc.memory.ProcessIdentity;
import io.mproc.memory.RegionException;
import io.mproc.testing.CrossProcessTest;
import java.lang.foreign.MemorySegment;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MpscRingTest extends CrossProcessTest {

    @Test
    void capacityThatIsNotAPowerOfTwoIsRejectedWithTheValue() {
        var e = assertThrows(IllegalArgumentException.class, () -> MpscRing.create(namespace, "r", 1000, 8));
        assertTrue(e.getMessage().contains("capacity=1000"), e.getMessage());
    }

    @Test
    void maxMessageLengthAboveAnEighthOfCapacityIsRejected() {
        var e = assertThrows(IllegalArgumentException.class, () -> MpscRing.create(namespace, "r", 1024, 200));
        assertTrue(e.getMessage().contains("maxMessageLength=200"), e.getMessage());
    }

    @Test
    void messageLongerThanMaxIsRejectedWithTheLength() {
        try (MpscRing ring = MpscRing.create(namespace, "r", 1024, 64)) {
            var e = assertThrows(IllegalArgumentException.class, () -> ring.offer(1, new byte[65], 0, 65));
            assertTrue(e.getMessage().contains("length=65"), e.getMessage());
        }
    }

    @Test
    void attachingAnMpscRingAsSpscFailsNamingTheKind() {
        try (MpscRing ring = MpscRing.create(namespace, "r", 1024, 64)) {
            var e = assertThrows(RegionException.class, () -> SpscRing.attach(namespace, "r"));
            assertTrue(e.getMessage().contains("ring.mpsc") && e.getMessage().contains("ring.spsc"), e.getMessage());
            assertTrue(e.getMessage().contains(ring.region().path().toString()), e.getMessage());
        }
    }

    @Test
    void attachingAnSpscRingAsMpscFailsNamingTheKind() {
        try (SpscRing ring = SpscRing.create(namespace, "r", 1024, 64)) {
            var e = assertThrows(RegionException.class, () -> MpscRing.attach(namespace, "r"));
            assertTrue(e.getMessage().contains("ring.spsc") && e.getMessage().contains("ring.mpsc"), e.getMessage());
            assertTrue(e.getMessage().contains(ring.region().path().toString()), e.getMessage());
        }
    }

    @Test
    void offerReturnsFalseWhenFullAndSpaceComesBackInBatchesAndWhollyOnceDrained() {
        try (MpscRing ring = MpscRing.create(namespace, "r", 256, 32)) {
            assertEquals(256 / 32, fill(ring)); // 32-byte records
            int batch = MpscRingLayout.zeroingBatch(256, 32);
            for (int polled = 0; polled <= batch / 32; polled++) {
                assertTrue(ring.poll(RingTestSupport.IGNORE));
            }
            assertTrue(ring.offer(1, new byte[16], 0, 16), "a batch of consumed space is free again");
            while (ring.poll(RingTestSupport.IGNORE)) {
                // drain: the poll that finds the ring empty frees all consumed space
            }
            assertEquals(256 / 32, fill(ring));
        }
    }

    private static int fill(MpscRing ring) {
        int sent = 0;
        while (ring.offer(1, new byte[16], 0, 16)) {
            sent++;
        }
        return sent;
    }

    @Test
    void variedLengthsWrapAroundWithPaddingOverManyLapsContentsIntact() {
        try (MpscRing ring = MpscRing.create(namespace, "r", 1024, 128)) {
            RingTestSupport.wrapAround(ring, 20_000);
        }
    }

    @Test
    void claimCommitAndAbortDeliverOnlyCommittedMessagesWithTheirType() {
        try (MpscRing ring = MpscRing.create(namespace, "r", 1024, 64)) {
            RingTestSupport.claimCommitAbort(ring);
        }
    }

    @Test
    void emptyMessagesAreDelivered() {
        try (MpscRing ring = MpscRing.create(namespace, "r", 1024, 64)) {
            RingTestSupport.emptyMessages(ring);
        }
    }

    @Test
    void drainStopsAtTheLimit() {
        try (MpscRing ring = MpscRing.create(namespace, "r", 1024, 64)) {
            RingTestSupport.drainLimit(ring);
        }
    }

    @Test
    void aHandlerThatThrowsConsumesItsMessage() {
        try (MpscRing ring = MpscRing.create(namespace, "r", 1024, 64)) {
            RingTestSupport.throwingHandler(ring);
        }
    }

    @Test
    void aRecordClaimedByALiveProducerIsWaitedFor() throws Exception {
        try (MpscRing ring = MpscRing.create(namespace, "r", 1024, 64)) {
            long claim = ring.tryClaim(1, 8);
            assertTrue(ring.offer(2, new byte[8], 0, 8));
            long deadline = System.nanoTime() + 3 * MpscRing.STALL_NANOS;
            while (System.nanoTime() < deadline) {
                assertFalse(ring.poll(RingTestSupport.IGNORE), "must not pass a live producer's claim");
            }
            ring.commit(claim);
            assertEquals(List.of(1, 2), drainTypes(ring));
        }
    }

    @Test
    void aNegativeHeaderOfADeadClaimerIsSkipped() throws Exception {
        ProcessIdentity dead = RingTestSupport.deadProcess();
        try (MpscRing ring = MpscRing.create(namespace, "r", 1024, 64)) {
            long claim = ring.tryClaim(1, 8);
            // Rewrite the claim as if the dead process had made it.
            int record = (int) claim - RecordLayout.MPSC_HEADER_LENGTH;
            OrderedAccess.setIntPlain(ring.buffer(), record + RecordLayout.PID_OFFSET, dead.pid());
            OrderedAccess.setIntPlain(ring.buffer(), record + RecordLayout.TOKEN_OFFSET, dead.startToken());
            assertTrue(ring.offer(2, new byte[8], 0, 8));
            assertEquals(List.of(2), drainTypesWithin(ring, 1, 2_000));
            assertEquals(1, ring.deadRecordsSkipped());
            roundTripAfterRecovery(ring);
        }
    }

    @Test
    void aClaimWithNoHeaderByADeadAnnouncedProducerIsSkipped() throws Exception {
        ProcessIdentity dead = RingTestSupport.deadProcess();
        try (MpscRing ring = MpscRing.create(namespace, "r", 1024, 64)) {
            simulateDeadClaimWindow(ring, dead, 0, 40);
            assertTrue(ring.offer(2, new byte[8], 0, 8));
            assertEquals(List.of(2), drainTypesWithin(ring, 1, 2_000));
            assertEquals(1, ring.deadRecordsSkipped());
            roundTripAfterRecovery(ring);
        }
    }

    @Test
    void aDeadClaimWindowThatWrapsIsSkippedToIndexZeroAndBeyond() throws Exception {
        ProcessIdentity dead = RingTestSupport.deadProcess();
        try (MpscRing ring = MpscRing.create(namespace, "r", 1024, 64)) {
            // Move head and tail to 1000: 24 bytes before the end.
            for (int i = 0; i < 25; i++) {
                assertTrue(ring.offer(0, new byte[24], 0, 24)); // 40-byte records
            }
            assertEquals(25, ring.drain(RingTestSupport.IGNORE, 100));
            // The dead claim wrapped: 24 bytes of padding space, then 48 at index 0.
            simulateDeadClaimWindow(ring, dead, 1000, 24 + 48);
            assertTrue(ring.offer(2, new byte[8], 0, 8));
            assertEquals(List.of(2), drainTypesWithin(ring, 1, 2_000));
            roundTripAfterRecovery(ring);
        }
    }

    @Test
    void aClaimWithNoHeaderIsWaitedForWhileItsAnnouncerLives() throws Exception {
        try (MpscRing ring = MpscRing.create(namespace, "r", 1024, 64)) {
            ProcessIdentity self = ProcessIdentity.current();
            simulateDeadClaimWindow(ring, self, 0, 40);
            assertTrue(ring.offer(2, new byte[8], 0, 8));
            long deadline = System.nanoTime() + 5 * MpscRing.STALL_NANOS;
            while (System.nanoTime() < deadline) {
                assertFalse(ring.poll(RingTestSupport.IGNORE), "must wait for a live announcer");
            }
        }
    }

    @Test
    void aClaimWhoseClaimerDiedBeforeWritingItsIdentityIsSkippedByItsLength() throws Exception {
        ProcessIdentity dead = RingTestSupport.deadProcess();
        try (MpscRing ring = MpscRing.create(namespace, "r", 1024, 64)) {
            simulateDeadClaimWindow(ring, dead, 0, 40);
            // Its first store (length and type) landed; its identity store did not.
            OrderedAccess.setLongRelease(ring.buffer(), RecordLayout.LENGTH_OFFSET, RecordLayout.pairWord(-40, 7));
            assertTrue(ring.offer(2, new byte[8], 0, 8));
            assertEquals(List.of(2), drainTypesWithin(ring, 1, 2_000));
            assertEquals(1, ring.deadRecordsSkipped());
            roundTripAfterRecovery(ring);
        }
    }

    @Test
    void aClaimWithoutIdentityIsWaitedForWhileItsAnnouncerLives() throws Exception {
        try (MpscRing ring = MpscRing.create(namespace, "r", 1024, 64)) {
            simulateDeadClaimWindow(ring, ProcessIdentity.current(), 0, 40);
            OrderedAccess.setLongRelease(ring.buffer(), RecordLayout.LENGTH_OFFSET, RecordLayout.pairWord(-40, 7));
            assertTrue(ring.offer(2, new byte[8], 0, 8));
            long deadline = System.nanoTime() + 5 * MpscRing.STALL_NANOS;
            while (System.nanoTime() < deadline) {
                assertFalse(ring.poll(RingTestSupport.IGNORE), "must wait: the claimer may be alive between its two stores");
            }
        }
    }

    @Test
    void aConsumerKilledWhileZeroingLeavesNothingItsSuccessorMisreads() {
        try (MpscRing ring = MpscRing.create(namespace, "r", 1024, 64)) {
            byte[] junk = new byte[64];
            java.util.Arrays.fill(junk, (byte) 0x7f);
            assertTrue(ring.offer(1, junk, 0, 64));
            assertTrue(ring.offer(2, new byte[8], 0, 8));
            assertEquals(List.of(1, 2), drainTypes(ring));
            // A consumer that died after delivering both, part-way through zeroing the first.
            RecordLayout.zero(ring.buffer(), 0, 24);
            assertTrue(ring.offer(3, new byte[8], 0, 8));
            try (MpscRing successor = MpscRing.attach(namespace, "r")) {
                assertEquals(List.of(3), drainTypes(successor));
            }
        }
    }

    @Test
    void theSmallestRingNeverLeavesAProducerWaitingOnUnzeroedSpace() {
        try (MpscRing ring = MpscRing.create(namespace, "r", 64, 8)) {
            for (int round = 0; round < 1_000; round++) {
                int size = round % 9;
                assertTrue(ring.offer(1 + round % 5, new byte[size], 0, size), "round " + round);
                assertTrue(ring.poll(RingTestSupport.IGNORE), "round " + round);
            }
        }
    }

    @Test
    void consumedSpaceIsZeroedInBatchesBeforeProducersReuseIt() {
        try (MpscRing ring = MpscRing.create(namespace, "r", 1 << 16, 64)) {
            for (int lap = 0; lap < 3 * (1 << 16) / 24; lap++) {
                assertTrue(ring.offer(7, new byte[8], 0, 8), "message " + lap);
                assertEquals(List.of(7), drainTypes(ring), "message " + lap);
            }
            assertTrue(ring.isEmpty());
        }
    }

    @Test
    void whenEveryProducerSlotIsHeldByALiveThreadANewProducerGetsAClearError() {
        try (MpscRing ring = MpscRing.create(namespace, "r", 1024, 64)) {
            MemorySegment body = ring.region().body();
            for (int slot = 0; slot < MpscRingLayout.DEFAULT_SLOTS; slot++) {
                OrderedAccess.setLongPlain(body, MpscRingLayout.slotOffset(slot) + MpscRingLayout.SLOT_OWNER_OFFSET,
                    MpscAnnounceTable.SELF_OWNER);
            }
            var e = assertThrows(IllegalStateException.class, () -> ring.offer(1, new byte[8], 0, 8));
            assertTrue(e.getMessage().contains("ring r") && e.getMessage().contains("128"), e.getMessage());
        }
    }

    @Test
    void slotsOfDeadProcessesAreReclaimedWhenTheTableIsFull() throws Exception {
        ProcessIdentity dead = RingTestSupport.deadProcess();
        try (MpscRing ring = MpscRing.create(namespace, "r", 1024, 64)) {
            MemorySegment body = ring.region().body();
            for (int slot = 0; slot < MpscRingLayout.DEFAULT_SLOTS; slot++) {
                OrderedAccess.setLongPlain(body, MpscRingLayout.slotOffset(slot) + MpscRingLayout.SLOT_OWNER_OFFSET,
                    MpscAnnounceTable.owner(dead.pid(), dead.startToken()));
            }
            assertTrue(ring.offer(1, new byte[8], 0, 8));
            assertEquals(List.of(1), drainTypes(ring));
        }
    }

    @Test
    void theFirstProducerThreadAndEveryLaterOneEachAnnounceInASlotOfTheirOwn() throws Exception {
        try (MpscRing ring = MpscRing.create(namespace, "r", 1024, 64)) {
            MemorySegment body = ring.region().body();
            assertTrue(ring.offer(1, new byte[8], 0, 8));
            long first = announcedPositions(body).getFirst();
            Thread later = Thread.ofPlatform().start(() -> assertTrue(ring.offer(2, new byte[8], 0, 8)));
            later.join();
            assertTrue(ring.offer(3, new byte[8], 0, 8));
            List<Long> announced = announcedPositions(body);
            assertEquals(2, announced.size(), "one slot per producing thread: " + announced);
            assertEquals(0, first, "the first claim announced the tail it claimed");
            assertEquals(List.of(48L, 24L), announced, "each thread's slot holds its own last claim");
            assertEquals(List.of(1, 2, 3), drainTypes(ring));
        }
    }

    /** The announced positions of the slots that have an owner, in slot order. */
    private static List<Long> announcedPositions(MemorySegment body) {
        List<Long> positions = new ArrayList<>();
        for (int slot = 0; slot < MpscRingLayout.DEFAULT_SLOTS; slot++) {
            long offset = MpscRingLayout.slotOffset(slot);
            if (OrderedAccess.getLongVolatile(body, offset + MpscRingLayout.SLOT_OWNER_OFFSET) != 0) {
                positions.add(OrderedAccess.getLongVolatile(body, offset + MpscRingLayout.SLOT_POSITION_OFFSET));
            }
        }
        return positions;
    }

    /** Takes a slot owned by {@code claimer}, announces {@code position} and moves the tail as its CAS would have. */
    private static void simulateDeadClaimWindow(MpscRing ring, ProcessIdentity claimer, long position, int length) {
        MemorySegment body = ring.region().body();
        long slot = MpscRingLayout.slotOffset(MpscRingLayout.DEFAULT_SLOTS - 1);
        OrderedAccess.setLongPlain(body, slot + MpscRingLayout.SLOT_OWNER_OFFSET,
            MpscAnnounceTable.owner(claimer.pid(), claimer.startToken()));
        OrderedAccess.setLongPlain(body, slot + MpscRingLayout.SLOT_POSITION_OFFSET, position);
        assertTrue(OrderedAccess.compareAndSetLong(body, MpscRingLayout.TAIL_OFFSET, position, position + length));
    }

    private static void roundTripAfterRecovery(MpscRing ring) {
        for (int i = 0; i < 200; i++) {
            assertTrue(ring.offer(i, new byte[30], 0, 30));
            assertEquals(List.of(i), drainTypes(ring));
        }
    }

    private static List<Integer> drainTypes(MessageRing ring) {
        List<Integer> types = new ArrayList<>();
        ring.drain((type, buffer, offset, length) -> types.add(type), 100);
        return types;
    }

    private static List<Integer> drainTypesWithin(MessageRing ring, int expected, long millis) {
        List<Integer> types = new ArrayList<>();
        long deadline = System.nanoTime() + millis * 1_000_000;
        while (types.size() < expected && System.nanoTime() < deadline) {
            ring.drain((type, buffer, offset, length) -> types.add(type), 100);
        }
        return types;
    }
}

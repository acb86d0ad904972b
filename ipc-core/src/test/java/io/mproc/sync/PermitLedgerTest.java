package io.mproc.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mproc.memory.OrderedAccess;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import org.junit.jupiter.api.Test;

/**
 * The semaphore ledger's helping rule, step by step on memory laid out by hand as another
 * process would leave it (the interleavings are too rare to meet on demand across processes;
 * {@link SyncKillStressTest} meets them at random).
 */
class PermitLedgerTest {
    private static final int SLOT = 1;

    private static MemorySegment ledgerMemory(Arena arena) {
        MemorySegment body = arena.allocate(SemaphoreLayout.bodySize(4), 64);
        SemaphoreLayout.initialize(body, 3, false, 4);
        return body;
    }

    private static void setHeld(MemorySegment body, int count, int sequence) {
        OrderedAccess.setLongVolatile(body, SemaphoreLayout.slot(SLOT) + SemaphoreLayout.HELD_OFFSET,
            SemaphoreLayout.held(count, sequence));
    }

    private static long held(MemorySegment body) {
        return OrderedAccess.getLongVolatile(body, SemaphoreLayout.slot(SLOT) + SemaphoreLayout.HELD_OFFSET);
    }

    private static void setPendingDelta(MemorySegment body, int delta) {
        OrderedAccess.setIntVolatile(body, SemaphoreLayout.slot(SLOT) + SemaphoreLayout.PENDING_DELTA_OFFSET, delta);
    }

    @Test
    void aHelperAppliesTheDeltaOfAMarkedOperationOnceAndClearsTheMarker() {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment body = ledgerMemory(arena);
            PermitLedger ledger = new PermitLedger(body, "semaphore test");
            // The slot's process took 1 permit: marker installed, held not yet updated, then it died.
            setHeld(body, 0, 10);
            setPendingDelta(body, 1);
            long marker = SemaphoreLayout.state(2, SLOT, 11);
            OrderedAccess.setLongVolatile(body, SemaphoreLayout.STATE_OFFSET, marker);
            ledger.help(marker);
            assertEquals(SemaphoreLayout.held(1, 11), held(body));
            assertEquals(SemaphoreLayout.idle(2), OrderedAccess.getLongVolatile(body, SemaphoreLayout.STATE_OFFSET));
            ledger.help(marker);
            assertEquals(SemaphoreLayout.held(1, 11), held(body), "helping again changes nothing");
        }
    }

    @Test
    void aHelperWithAStaleMarkerDoesNotApplyTheSlotsNextDelta() {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment body = ledgerMemory(arena);
            PermitLedger ledger = new PermitLedger(body, "semaphore test");
            // A helper read this marker of operation 11 (take 1), then stalled.
            long stale = SemaphoreLayout.state(2, SLOT, 11);
            // Meanwhile the owner completed operation 11 and 12 (take 1, give 1) ...
            setHeld(body, 0, 12);
            OrderedAccess.setLongVolatile(body, SemaphoreLayout.STATE_OFFSET, SemaphoreLayout.idle(3));
            // ... and wrote the delta of operation 13, whose CAS on the state has not happened.
            setPendingDelta(body, 2);
            ledger.help(stale);
            assertEquals(SemaphoreLayout.held(0, 12), held(body),
                "a stale helper applied a delta that was never committed");
            assertEquals(SemaphoreLayout.idle(3), OrderedAccess.getLongVolatile(body, SemaphoreLayout.STATE_OFFSET));
        }
    }

    @Test
    void aReleaseByAProcessHoldingNoneIsOneStepThatLeavesItsLedgerAlone() {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment body = ledgerMemory(arena);
            PermitLedger ledger = new PermitLedger(body, "semaphore test");
            setHeld(body, 0, 10);
            ledger.give(SLOT, 2);
            assertEquals(SemaphoreLayout.idle(5), OrderedAccess.getLongVolatile(body, SemaphoreLayout.STATE_OFFSET));
            assertEquals(SemaphoreLayout.held(0, 10), held(body), "nothing held, nothing to record");
        }
    }

    @Test
    void aReleaseByAHolderStillLowersWhatItHolds() {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment body = ledgerMemory(arena);
            PermitLedger ledger = new PermitLedger(body, "semaphore test");
            setHeld(body, 0, 10);
            assertTrue(ledger.tryTake(SLOT, 2));
            assertEquals(SemaphoreLayout.held(2, 11), held(body));
            ledger.give(SLOT, 3);
            assertEquals(SemaphoreLayout.idle(4), OrderedAccess.getLongVolatile(body, SemaphoreLayout.STATE_OFFSET));
            assertEquals(SemaphoreLayout.held(0, 12), held(body), "gave back its 2, and 1 more as a signal");
        }
    }
}

package io.mproc.ring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mproc.memory.OrderedAccess;
import io.mproc.memory.ProcessIdentity;
import io.mproc.testing.CrossProcessTest;
import java.io.IOException;
import java.lang.foreign.MemorySegment;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Deterministic recovery: control words written by hand as a killed process would have left
 * them (the pid of a child that already exited), then ordinary offers and polls must free them.
 */
class MpmcDeadOwnerTest extends CrossProcessTest {
    private static int deadPid;

    @BeforeAll
    static void startAndReapAChild() throws IOException, InterruptedException {
        Process child = new ProcessBuilder("true").start();
        child.waitFor();
        deadPid = (int) child.pid();
    }

    @Test
    void consumersSkipTheClaimOfAWriterThatDiedBeforeCommit() throws InterruptedException {
        try (MpmcRing ring = MpmcRing.create(namespace, "r", 4, 8)) {
            // The dead writer claimed position 0 and even advanced the tail, then died.
            writeSlot(ring, 0, MpmcControl.writing(0, deadPid), 12345);
            OrderedAccess.setLongVolatile(ring.buffer(), MpmcRingLayout.TAIL_OFFSET, 1);
            assertTrue(ring.offer(2, MpmcRingTest.bytes(2), 0, 1));
            assertTrue(ring.isEmpty(), "the uncommitted claim blocks the head until found dead");
            assertEquals(List.of("2:[2]"), pollUntilSomething(ring));
            assertEquals(MpmcControl.empty(1), control(ring, 0));
            assertEquals(0, token(ring, 0), "an unowned slot has no token");
        }
    }

    @Test
    void consumersSkipAWriterThatDiedRightAfterItsClaimBeforeAnythingElse() throws InterruptedException {
        try (MpmcRing ring = MpmcRing.create(namespace, "r", 4, 8)) {
            writeSlot(ring, 0, MpmcControl.writing(0, deadPid), 0); // no token, tail not advanced
            assertTrue(ring.offer(2, MpmcRingTest.bytes(2), 0, 1), "producers step over the claim");
            assertEquals(List.of("2:[2]"), pollUntilSomething(ring));
        }
    }

    @Test
    void producersFreeTheSlotOfAReaderThatDied() throws InterruptedException {
        try (MpmcRing ring = MpmcRing.create(namespace, "r", 2, 8)) {
            assertTrue(ring.offer(1, MpmcRingTest.bytes(1), 0, 1));
            assertTrue(ring.offer(2, MpmcRingTest.bytes(2), 0, 1));
            // A reader claimed message 1 and died without advancing the head.
            writeSlot(ring, 0, MpmcControl.reading(0, deadPid), 999);
            assertEquals(List.of("2:[2]"), MpmcRingTest.pollAll(ring), "message 1 is lost, not redelivered");
            assertFalse(ring.offer(3, MpmcRingTest.bytes(3), 0, 1), "the tail is at the dead reader's slot");
            long deadline = System.nanoTime() + 2_000_000_000L;
            boolean offered = false;
            while (!offered && System.nanoTime() < deadline) {
                offered = ring.offer(3, MpmcRingTest.bytes(3), 0, 1);
            }
            assertTrue(offered, "the dead reader's slot was freed");
            assertTrue(ring.offer(4, MpmcRingTest.bytes(4), 0, 1), "slot 1 was free");
            assertEquals(List.of("3:[3]", "4:[4]"), MpmcRingTest.pollAll(ring));
        }
    }

    @Test
    void aLiveOwnerIsNeverFreedButAReusedPidIs() throws InterruptedException {
        ProcessIdentity parent = ProcessIdentity.of((int) ProcessHandle.current().parent().orElseThrow().pid())
            .orElseThrow();
        try (MpmcRing ring = MpmcRing.create(namespace, "r", 4, 8)) {
            writeSlot(ring, 0, MpmcControl.writing(0, parent.pid()), parent.startToken());
            assertTrue(ring.offer(2, MpmcRingTest.bytes(2), 0, 1));
            long until = System.nanoTime() + 20 * MpmcDeadOwners.SUSPICION_NANOS;
            while (System.nanoTime() < until) {
                assertFalse(ring.poll((type, buffer, offset, length) -> { }), "live writer's slot kept");
            }
            assertEquals(MpmcControl.writing(0, parent.pid()), control(ring, 0));
            // Without a token only the pid is checked: still alive.
            OrderedAccess.setIntVolatile(ring.buffer(), slot(ring, 0) + MpmcRingLayout.OWNER_TOKEN_OFFSET, 0);
            MpmcDeadOwners check = new MpmcDeadOwners(ring.buffer(), ProcessIdentity.current().pid());
            assertFalse(check.freeIfOwnerDead(slot(ring, 0), control(ring, 0)));
            // Same pid, another start token: the recorded process is gone, the pid was reused.
            OrderedAccess.setIntVolatile(ring.buffer(), slot(ring, 0) + MpmcRingLayout.OWNER_TOKEN_OFFSET,
                parent.startToken() + 1);
            assertEquals(List.of("2:[2]"), pollUntilSomething(ring));
        }
    }

    private static List<String> pollUntilSomething(MpmcRing ring) throws InterruptedException {
        long deadline = System.nanoTime() + 2_000_000_000L;
        while (System.nanoTime() < deadline) {
            List<String> got = MpmcRingTest.pollAll(ring);
            if (!got.isEmpty()) {
                return got;
            }
            Thread.onSpinWait();
        }
        return List.of();
    }

    static long slot(MpmcRing ring, int index) {
        int stride = OrderedAccess.getIntPlain(ring.buffer(), MpmcRingLayout.SLOT_STRIDE_OFFSET);
        return MpmcRingLayout.FIRST_SLOT_OFFSET + (long) index * stride;
    }

    static void writeSlot(MpmcRing ring, int index, long control, int token) {
        MemorySegment body = ring.buffer();
        OrderedAccess.setIntVolatile(body, slot(ring, index) + MpmcRingLayout.OWNER_TOKEN_OFFSET, token);
        OrderedAccess.setLongVolatile(body, slot(ring, index) + MpmcRingLayout.CONTROL_OFFSET, control);
    }

    static long control(MpmcRing ring, int index) {
        return OrderedAccess.getLongVolatile(ring.buffer(), slot(ring, index) + MpmcRingLayout.CONTROL_OFFSET);
    }

    static int token(MpmcRing ring, int index) {
        return OrderedAccess.getIntVolatile(ring.buffer(), slot(ring, index) + MpmcRingLayout.OWNER_TOKEN_OFFSET);
    }
}

package io.mproc.ring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mproc.testing.ChildJvm;
import io.mproc.testing.CrossProcessTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MpscRingCrossProcessTest extends CrossProcessTest {
    private static final Duration START = Duration.ofSeconds(30);

    @Test
    void threeProducerChildrenExactlyOncePerProducerFifoContentsIntact() throws Exception {
        int producers = 3;
        long perProducer = 300_000;
        try (MpscRing ring = MpscRing.create(namespace, "r", 1 << 14, 64)) {
            List<ChildJvm> children = new ArrayList<>();
            try {
                for (int p = 0; p < producers; p++) {
                    children.add(ChildJvm.start(MpscProducerChild.class, namespace.name(), "r",
                        Integer.toString(p), Long.toString(perProducer)));
                }
                MessageCheck check = new MessageCheck(producers);
                consumeUntil(ring, check, () -> check.total() >= producers * perProducer, Duration.ofSeconds(60));
                for (int p = 0; p < producers; p++) {
                    assertEquals(perProducer, check.received(p), "producer " + p);
                }
                for (ChildJvm child : children) {
                    child.awaitSuccess(START);
                }
                assertEquals(0, ring.drain(check, 10));
            } finally {
                for (ChildJvm child : children) {
                    child.close();
                }
            }
        }
    }

    @Test
    void aProducerKilledMidStreamNeverWedgesTheConsumer() throws Exception {
        long survivorMessages = 200_000;
        long skippedTotal = 0;
        for (int round = 0; round < 5; round++) {
            String name = "r" + round;
            // Odd rounds: the victim dawdles between claim and commit, so the kill likely lands there.
            String mode = round % 2 == 1 ? "slow" : "fast";
            MpscRing ring = MpscRing.create(namespace, name, 1 << 12, 64);
            ChildJvm victim = ChildJvm.start(MpscProducerChild.class, namespace.name(), name, "0", "-1", mode);
            ChildJvm survivor = ChildJvm.start(MpscProducerChild.class, namespace.name(), name, "1",
                Long.toString(survivorMessages));
            try {
                MessageCheck check = new MessageCheck(2);
                long killAfter = (round % 2 == 1 ? 2_000 : 20_000) + round * 797L;
                consumeUntil(ring, check, () -> check.received(0) >= killAfter, Duration.ofSeconds(60));
                victim.kill(); // SIGKILL while it offers in a tight loop
                consumeUntil(ring, check, () -> check.received(1) >= survivorMessages, Duration.ofSeconds(60));
                survivor.awaitSuccess(START);
                // Drain what remains: the victim's committed tail, past anything it left claimed.
                long quietSince = System.nanoTime();
                while (System.nanoTime() - quietSince < 20 * MpscRing.STALL_NANOS) {
                    if (ring.drain(check, 256) > 0) {
                        quietSince = System.nanoTime();
                    }
                }
                assertEquals(survivorMessages, check.received(1));
                assertTrue(check.received(0) >= killAfter);
                assertTrue(ring.isEmpty(), "everything the victim left is skipped");
                // A fresh producer after the crash still gets through.
                assertTrue(ring.offer(1, new byte[16], 0, 16));
                assertEquals(1, ring.drain((type, buffer, offset, length) -> { }, 10));
                skippedTotal += ring.deadRecordsSkipped();
                System.out.println("round " + round + " (" + mode + "): victim delivered " + check.received(0)
                    + " messages (a gap-free prefix), dead claims skipped: " + ring.deadRecordsSkipped());
            } finally {
                victim.close();
                survivor.close();
                ring.close();
            }
        }
        System.out.println("dead claims skipped over 5 rounds: " + skippedTotal);
    }

    private static void consumeUntil(MpscRing ring, MessageCheck check, java.util.function.BooleanSupplier done,
                                     Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("consumer stalled (wedged?) after " + check.total() + " messages");
            }
            if (ring.drain(check, 256) == 0) {
                Thread.onSpinWait();
            }
        }
    }
}

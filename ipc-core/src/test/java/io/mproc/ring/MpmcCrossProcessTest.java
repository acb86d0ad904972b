package io.mproc.ring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mproc.testing.ChildJvm;
import io.mproc.testing.CrossProcessTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

/**
 * Real child JVMs on one MPMC ring: exactly once across consumers, producers' order kept per
 * consumer, and SIGKILLed producers or consumers never wedge the others. Every kill lands at a
 * random point of a running stream; the deterministic cases are in {@link MpmcDeadOwnerTest}.
 */
class MpmcCrossProcessTest extends CrossProcessTest {
    private static final Duration START = Duration.ofSeconds(30);
    private static final int SLOTS = 64;
    private static final int MESSAGE_LENGTH = 32;
    private static final int KILL_ROUNDS = 3;

    @Test
    void twoProducerJvmsTwoConsumerJvmsDeliverEachMessageOnce() throws Exception {
        int perProducer = 200_000;
        try (MpmcRing ring = MpmcRing.create(namespace, "ring", SLOTS, MESSAGE_LENGTH)) {
            MpmcLedger ledger = MpmcLedger.create(namespace, "ledger", 2, perProducer);
            List<ChildJvm> consumers = List.of(startConsumer(), startConsumer());
            List<ChildJvm> producers = List.of(startProducer(0, perProducer, 0), startProducer(1, perProducer, 0));
            try {
                for (ChildJvm producer : producers) {
                    producer.awaitSuccess(START.multipliedBy(2));
                }
                awaitQuiet(ring, () -> ledger.deliveredCount(0) + ledger.deliveredCount(1) == 2L * perProducer);
                ledger.stop();
                for (ChildJvm consumer : consumers) {
                    consumer.awaitSuccess(START);
                }
            } finally {
                closeAll(consumers);
                closeAll(producers);
            }
            assertClean(ledger);
            assertEquals(perProducer, ledger.deliveredCount(0));
            assertEquals(perProducer, ledger.deliveredCount(1));
        }
    }

    @Test
    void killedProducersLoseOnlyTheMessageTheyHadNotCommitted() throws Exception {
        int steadyCount = 1_000_000;
        int victimCount = 3_000_000;
        try (MpmcRing ring = MpmcRing.create(namespace, "ring", SLOTS, MESSAGE_LENGTH)) {
            MpmcLedger ledger = MpmcLedger.create(namespace, "ledger", 1 + KILL_ROUNDS, victimCount);
            List<Thread> consumers = List.of(consumerThread(ring, ledger), consumerThread(ring, ledger));
            List<ChildJvm> children = new ArrayList<>();
            try {
                ChildJvm steady = startProducer(0, steadyCount, 500);
                children.add(steady);
                for (int victim = 1; victim <= KILL_ROUNDS; victim++) {
                    ChildJvm child = startProducer(victim, victimCount, 0);
                    children.add(child);
                    child.awaitLine("PRODUCING", START);
                    Thread.sleep(ThreadLocalRandom.current().nextInt(5, 40));
                    assertTrue(child.process().isAlive(), "victim finished before its kill: make it longer");
                    child.kill();
                }
                steady.awaitSuccess(START.multipliedBy(2));
                awaitQuiet(ring, () -> {
                    for (int victim = 1; victim <= KILL_ROUNDS; victim++) {
                        if (ledger.deliveredCount(victim) < ledger.committedCount(victim)) {
                            return false;
                        }
                    }
                    return ledger.deliveredCount(0) == steadyCount;
                });
            } finally {
                ledger.stop();
                for (Thread consumer : consumers) {
                    consumer.join(START.toMillis());
                }
                closeAll(children);
            }
            assertClean(ledger);
            assertEquals(steadyCount, ledger.deliveredCount(0), "the steady producer's messages");
            for (int victim = 1; victim <= KILL_ROUNDS; victim++) {
                // Delivered must be exactly a prefix 0..k-1: nothing lost before the kill, nothing
                // invented after it. k may exceed the recorded count by one: killed between the
                // commit and its ledger entry.
                long k = ledger.deliveredCount(victim);
                int recorded = ledger.committedCount(victim);
                System.out.printf("victim producer %d: killed after %d recorded commits, %d delivered%n",
                    victim, recorded, k);
                assertTrue(k == recorded || k == recorded + 1L, "delivered " + k + " of " + recorded);
                for (long seq = 0; seq < k; seq++) {
                    assertTrue(ledger.isDelivered(victim, seq), "victim " + victim + " seq " + seq + " lost");
                }
            }
        }
    }

    @Test
    void killedConsumersLoseAtMostTheMessageTheyWereReading() throws Exception {
        int cap = 20_000_000;
        try (MpmcRing ring = MpmcRing.create(namespace, "ring", SLOTS, MESSAGE_LENGTH)) {
            MpmcLedger ledger = MpmcLedger.create(namespace, "ledger", 2, cap);
            List<ChildJvm> children = new ArrayList<>();
            List<Thread> producers = new ArrayList<>();
            AtomicBoolean stopProducing = new AtomicBoolean();
            long[] produced = new long[2];
            try {
                ChildJvm steady = startConsumer();
                children.add(steady);
                steady.awaitLine("READY", START);
                for (int p = 0; p < 2; p++) {
                    int id = p;
                    producers.add(Thread.ofPlatform().name("producer-" + p).start(() -> produced[id] =
                        MpmcProducerMain.produce(ring, ledger, id, cap, 1000, () -> { }, stopProducing::get)));
                }
                for (int round = 0; round < KILL_ROUNDS; round++) {
                    ChildJvm victim = startConsumer();
                    children.add(victim);
                    victim.awaitLine("CONSUMING", START);
                    Thread.sleep(ThreadLocalRandom.current().nextInt(5, 40));
                    victim.kill();
                }
                stopProducing.set(true);
                for (Thread producer : producers) {
                    producer.join(START.toMillis() * 2);
                    assertTrue(!producer.isAlive(), "producer wedged");
                }
                awaitQuiet(ring, () -> true);
                ledger.stop();
                steady.awaitSuccess(START);
            } finally {
                ledger.stop();
                closeAll(children);
            }
            assertClean(ledger);
            long lost = produced[0] + produced[1] - ledger.deliveredCount(0) - ledger.deliveredCount(1);
            System.out.printf("consumer kills: %d rounds, %,d messages sent, %d lost%n",
                KILL_ROUNDS, produced[0] + produced[1], lost);
            assertTrue(lost >= 0 && lost <= KILL_ROUNDS, lost + " lost for " + KILL_ROUNDS + " killed consumers");
        }
    }

    private ChildJvm startProducer(int id, int count, int pauseEvery) {
        return ChildJvm.start(MpmcProducerMain.class, namespace.name(), "ring", "ledger",
            Integer.toString(id), Integer.toString(count), Integer.toString(pauseEvery));
    }

    private ChildJvm startConsumer() {
        return ChildJvm.start(MpmcConsumerMain.class, namespace.name(), "ring", "ledger");
    }

    private static Thread consumerThread(MpmcRing ring, MpmcLedger ledger) {
        return Thread.ofPlatform().name("consumer").start(() -> MpmcConsumerMain.consume(ring, ledger, () -> { }));
    }

    /** Waits until {@code done} holds and the ring has stayed empty for a while (no wedge). */
    private static void awaitQuiet(MpmcRing ring, BooleanSupplier done) throws InterruptedException {
        long deadline = System.nanoTime() + START.toNanos();
        int quietPolls = 0;
        while (quietPolls < 20) {
            quietPolls = done.getAsBoolean() && ring.isEmpty() ? quietPolls + 1 : 0;
            assertTrue(System.nanoTime() < deadline, "ring did not drain: wedged?");
            Thread.sleep(5);
        }
    }

    private static void assertClean(MpmcLedger ledger) {
        assertEquals(0, ledger.duplicates(), "messages delivered twice");
        assertEquals(0, ledger.orderViolations(), "a producer's messages out of order at a consumer");
        assertEquals(0, ledger.tornMessages(), "torn or invented messages");
    }

    private static void closeAll(List<ChildJvm> children) throws InterruptedException {
        for (ChildJvm child : children) {
            child.close();
        }
    }
}

package io.mproc.queue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mproc.codec.Codecs;
import io.mproc.memory.OrderedAccess;
import io.mproc.ring.SpscRing;
import io.mproc.wait.WaitPoint;
import io.mproc.wait.WaitPointLayout;
import java.lang.foreign.MemorySegment;
import java.time.Duration;
import java.util.Base64;
import java.util.BitSet;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A {@link QueueShape#ONE_TO_ONE} queue: every test of {@link SharedQueueTest} again over an SPSC
 * ring, then what is particular to the shape, each across real child JVMs: the roles moving
 * between processes and back, a long stream through a small queue, and SIGKILL of either side.
 */
class OneToOneQueueTest extends SharedQueueTest {

    @Override
    QueueOptions options() {
        return QueueOptions.defaults().withShape(QueueShape.ONE_TO_ONE);
    }

    private SharedQueue<Long> create(String name, int maxSize) {
        return SharedQueue.create(namespace, name, Codecs.standard(), options().withMaxSize(maxSize));
    }

    @Test
    void bothRolesMoveToAChildAndBackAndMaxSizeHoldsThroughout() throws Exception {
        SharedQueue<Long> queue = create("q", 3);
        try (CommandChild child = QueueChild.attachingByName(namespace, "q")) {
            assertEquals("ONE_TO_ONE", child.ask("shape", "SHAPE"), "the child attached the creator's shape");
            queue.put(1L);
            assertEquals("2", child.ask("put 2 3", "PUT"));
            assertFalse(queue.offer(4L), "three of three");
            assertEquals(3, queue.size());
            assertEquals("[1, 2]", child.ask("take 2", "TOOK"));
            queue.put(4L); // the producer role is back with the first handle
            queue.put(5L);
            assertFalse(queue.offer(6L));
            assertEquals(3L, queue.take());
            assertEquals("1", child.ask("put 6", "PUT"));
            assertEquals("[4, 5, 6]", child.ask("take 3", "TOOK"));
            assertTrue(queue.isEmpty());
            assertEquals(0, queue.size());
            child.exit();
        }
    }

    @Test
    void aStreamFromAProducerJvmToAConsumerJvmArrivesWholeAndInOrderThroughASmallQueue() throws Exception {
        int count = 50_000;
        create("q", 8);
        try (CommandChild consumer = QueueChild.attachingByName(namespace, "q");
             CommandChild producer = QueueChild.attachingByName(namespace, "q")) {
            consumer.send("consume 1 " + count);
            assertEquals(Integer.toString(count), producer.send("produce " + count + " 0").await("PRODUCED"));
            producer.ask("put -1", "PUT");
            BitSet got = BitSet.valueOf(Base64.getDecoder().decode(consumer.await("BITS 0").strip()));
            assertEquals(Integer.toString(count), consumer.await("CONSUMED"));
            assertEquals(count, got.cardinality());
            assertFalse(consumer.jvm().output().stream().anyMatch(line -> line.startsWith("ORDER")),
                "out of order: " + consumer.jvm().output());
            consumer.exit();
            producer.exit();
        }
    }

    @Test
    void aTakeInAnotherProcessWakesAProducerSleepingOnTheFullQueueAtOnce() throws Exception {
        SharedQueue<Long> queue = create("q", 1);
        queue.put(1L);
        // A producer asleep on notFull, as the wait layer registers one; the count of
        // wake-ups is what a take must move (the ring itself frees the bytes only a poll later).
        SpscRing ring = SpscRing.attach(namespace, "q.ring");
        WaitPoint notFull = ring.notFull();
        MemorySegment words = notFull.segment();
        long waiters = notFull.offset() + WaitPointLayout.WAITERS_OFFSET;
        long wakeUps = notFull.offset() + WaitPointLayout.SEQUENCE_OFFSET;
        OrderedAccess.getAndAddInt(words, waiters, 1);
        try (CommandChild child = QueueChild.attachingByName(namespace, "q")) {
            int before = OrderedAccess.getIntAcquire(words, wakeUps);
            assertEquals("[1]", child.ask("take 1", "TOOK"));
            assertTrue(OrderedAccess.getIntAcquire(words, wakeUps) != before, "the take woke no producer");
            child.exit();
        } finally {
            OrderedAccess.getAndAddInt(words, waiters, -1);
            ring.close();
        }
        assertTrue(queue.offer(2L, 5, TimeUnit.SECONDS));
    }

    @Test
    void aProducerKilledMidStreamLosesNothingItPublishedAndTheNextProducerFillsTheQueue() throws Exception {
        SharedQueue<Long> queue = create("q", 16);
        QueueChild.killAProducerMidStream(namespace, queue);
        assertEquals(0, queue.size());
        for (long i = 0; i < 16; i++) {
            assertTrue(queue.offer(i, 5, TimeUnit.SECONDS), "offer " + i + " after the kill");
        }
        // One more only if the victim died between publishing an element and counting it.
        boolean oneMore = queue.offer(16L);
        assertFalse(queue.offer(17L), "full again at maxSize (one more at most)");
        for (long i = 0; i < (oneMore ? 17 : 16); i++) {
            assertEquals(i, queue.take());
        }
    }

    @Test
    void aConsumerKilledMidStreamLosesAtMostTheElementItWasForwardingAndDuplicatesNone() throws Exception {
        SharedQueue<Long> queue = create("q", 16);
        SharedQueue<Long> results = create("results", 1 << 16);
        int total = 20_000;
        try (CommandChild victim = QueueChild.attachingByName(namespace, "q")) {
            victim.send("forward " + namespace.name() + " results");
            Thread producer = QueueChild.producing(queue, total);
            victim.await("FORWARDING");
            Thread.sleep(ThreadLocalRandom.current().nextInt(1, 20));
            victim.kill();
            // The parent takes over as the consumer of both queues: the rest must arrive.
            Set<Long> seen = new HashSet<>();
            Long element;
            while ((element = results.poll()) != null) {
                assertTrue(seen.add(element), "forwarded twice: " + element);
            }
            while ((element = queue.poll(500, TimeUnit.MILLISECONDS)) != null) {
                assertTrue(seen.add(element), "taken twice: " + element);
            }
            producer.join(30_000);
            assertFalse(producer.isAlive(), "producer wedged");
            int lost = total - seen.size();
            System.out.println("one-to-one consumer killed: " + lost + " of " + total + " elements lost");
            // At most the one between its take and its forward: the ring loses nothing it delivered.
            assertTrue(lost >= 0 && lost <= 1, lost + " lost");
            assertEquals(0, queue.size(), "the counts agree with the ring");
            for (long i = 0; i < 16; i++) {
                assertTrue(queue.offer(i, 5, TimeUnit.SECONDS), "offer " + i + " after the kill");
            }
        }
    }

    @Test
    void aJoinableOneToOneQueueCountsTasksAcrossProcesses() throws Exception {
        JoinableQueue<Long> queue = JoinableQueue.create(namespace, "tasks.joinable", Codecs.standard(), options());
        try (CommandChild worker = QueueChild.attachingByName(namespace, "tasks.joinable")) {
            queue.put(1L);
            queue.put(2L);
            assertEquals("[1, 2]", worker.ask("take 2", "TOOK"));
            worker.ask("taskDone 2", "DONE");
            assertTrue(queue.join(Duration.ofSeconds(10)));
            worker.exit();
        }
    }

    @Test
    void aOneToOneQueueTravelsAsAHandleWithItsShape() throws Exception {
        SharedQueue<Long> queue = create("q", 4);
        try (CommandChild child = QueueChild.receivingHandle(queue)) {
            assertEquals("ONE_TO_ONE", child.ask("shape", "SHAPE"));
            child.ask("put 5", "PUT");
            assertEquals(5L, queue.take());
            child.exit();
        }
    }

    @Test
    void aOneToOneQueueTooLargeForOneRingIsRefusedNamingItsSizes() {
        var thrown = assertThrows(IllegalArgumentException.class, () -> options().withMaxSize(1 << 30));
        assertTrue(thrown.getMessage().startsWith("a ONE_TO_ONE queue of maxSize=1073741824 and maxMessageBytes=1000"
            + " does not fit one ring"), thrown.getMessage());
        assertEquals(QueueShape.MANY_TO_MANY, QueueOptions.defaults().withMaxSize(1 << 30).shape());
    }
}

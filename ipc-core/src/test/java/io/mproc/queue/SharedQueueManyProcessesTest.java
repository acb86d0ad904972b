package io.mproc.queue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mproc.codec.Codecs;
import io.mproc.testing.CrossProcessTest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.BitSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Several producer and consumer JVMs on one queue: every element exactly once, in each
 * producer's order; and SIGKILLed producers or consumers never wedge the others.
 */
class SharedQueueManyProcessesTest extends CrossProcessTest {
    private static final int PRODUCERS = 2;
    private static final int CONSUMERS = 2;
    private static final int PER_PRODUCER = 20_000;

    @Test
    void twoProducerJvmsAndTwoConsumerJvmsDeliverEachElementOnceInProducerOrder() throws Exception {
        SharedQueue<Long> queue = SharedQueue.create(namespace, "q", 64);
        List<CommandChild> children = new ArrayList<>();
        try {
            List<CommandChild> consumers = new ArrayList<>();
            for (int c = 0; c < CONSUMERS; c++) {
                CommandChild consumer = QueueChild.attachingByName(namespace, "q");
                children.add(consumer);
                consumers.add(consumer.send("consume " + PRODUCERS + " " + PER_PRODUCER));
            }
            List<CommandChild> producers = new ArrayList<>();
            for (int p = 0; p < PRODUCERS; p++) {
                CommandChild producer = QueueChild.attachingByName(namespace, "q");
                children.add(producer);
                producers.add(producer.send("produce " + PER_PRODUCER + " " + p));
            }
            for (CommandChild producer : producers) {
                assertEquals(Integer.toString(PER_PRODUCER), producer.await("PRODUCED"));
            }
            for (int c = 0; c < CONSUMERS; c++) {
                queue.put(-1L); // after every element: each consumer stops at one
            }
            BitSet[] union = new BitSet[PRODUCERS];
            long total = 0;
            for (CommandChild consumer : consumers) {
                for (int p = 0; p < PRODUCERS; p++) {
                    String[] bits = consumer.await("BITS").split(" ");
                    BitSet got = BitSet.valueOf(Base64.getDecoder().decode(bits.length > 1 ? bits[1] : ""));
                    int producer = Integer.parseInt(bits[0]);
                    if (union[producer] == null) {
                        union[producer] = new BitSet();
                    }
                    assertFalse(union[producer].intersects(got), "an element of producer " + producer + " taken twice");
                    union[producer].or(got);
                }
                total += Long.parseLong(consumer.await("CONSUMED"));
                assertFalse(consumer.jvm().output().stream().anyMatch(line -> line.startsWith("ORDER")),
                    "a producer's elements out of order: " + consumer.jvm().output());
            }
            assertEquals((long) PRODUCERS * PER_PRODUCER, total);
            for (int p = 0; p < PRODUCERS; p++) {
                assertEquals(PER_PRODUCER, union[p].cardinality(), "producer " + p);
            }
            for (CommandChild child : children) {
                child.exit();
            }
        } finally {
            children.forEach(CommandChild::close);
        }
    }

    @Test
    void aProducerKilledMidStreamLosesNothingItPublishedAndWedgesNothing() throws Exception {
        SharedQueue<Long> queue = SharedQueue.create(namespace, "q", Codecs.standard(),
            QueueOptions.defaults().withMaxSize(16));
        QueueChild.killAProducerMidStream(namespace, queue);
        // The queue still works at full size: a dead claim, if any, was freed.
        for (long i = 0; i < 16; i++) {
            assertTrue(queue.offer(i, 5, TimeUnit.SECONDS), "offer " + i + " after the kill");
        }
        for (long i = 0; i < 16; i++) {
            assertEquals(i, queue.take());
        }
    }

    @Test
    void aConsumerKilledMidStreamLosesAtMostTheElementItWasTaking() throws Exception {
        SharedQueue<Long> queue = SharedQueue.create(namespace, "q", 16);
        SharedQueue<Long> results = SharedQueue.create(namespace, "results", 1 << 16);
        int total = 20_000;
        try (CommandChild victim = QueueChild.attachingByName(namespace, "q")) {
            victim.send("forward " + namespace.name() + " results");
            Set<Long> seen = new HashSet<>();
            Thread producer = QueueChild.producing(queue, total);
            victim.await("FORWARDING");
            Thread.sleep(ThreadLocalRandom.current().nextInt(1, 20));
            victim.kill();
            // The parent takes over as the consumer: the rest of the stream must arrive.
            Long element;
            while ((element = queue.poll(500, TimeUnit.MILLISECONDS)) != null) {
                assertTrue(seen.add(element), "taken twice: " + element);
            }
            producer.join(30_000);
            assertFalse(producer.isAlive(), "producer wedged");
            while ((element = results.poll()) != null) {
                assertTrue(seen.add(element), "taken twice: " + element);
            }
            int lost = total - seen.size();
            System.out.println("consumer killed: " + lost + " of " + total + " elements lost");
            // One in its take, one between its take and its put into results.
            assertTrue(lost >= 0 && lost <= 2, lost + " lost");
        }
    }
}

package io.mproc.ring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mproc.testing.CrossProcessTest;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * Many threads in one JVM on one ring: every message exactly once, each producer's messages in
 * order as each consumer sees them, never a torn message. Also prints (does not assert) the
 * 2 x 2 throughput for both slot alignments.
 */
class MpmcRingStressTest extends CrossProcessTest {
    private static final int MESSAGE_LENGTH = 24;

    @Test
    void fourProducersFourConsumersDeliverEveryMessageOnceInProducerOrder() throws InterruptedException {
        try (Arena arena = Arena.ofShared()) {
            Run run = run(MpmcInMemory.create(arena, 64, MESSAGE_LENGTH), 4, 4, 1_000_000);
            run.assertExactlyOnce();
            System.out.printf("MPMC 4x4 stress, 64 slots: %,d msgs in %d ms%n", run.total(), run.millis);
        }
    }

    @Test
    void printsTwoByTwoThroughput() throws InterruptedException {
        for (int alignment : new int[] {MpmcRingLayout.DEFAULT_SLOT_ALIGNMENT, 8}) {
            String name = "tp" + alignment;
            try (MpmcRing ring = MpmcRing.create(namespace, name, 1024, 8, alignment)) {
                run(ring, 2, 2, 200_000); // warm-up
            }
            try (MpmcRing ring = MpmcRing.create(namespace, name + "b", 1024, 8, alignment)) {
                Run run = run(ring, 2, 2, 2_000_000);
                run.assertExactlyOnce();
                System.out.printf("MPMC 2x2 throughput, 1024 slots, 8-byte messages, slot alignment %d: "
                    + "%,.0f msgs/s total (%d ms)%n", alignment, run.total() * 1000.0 / run.millis, run.millis);
            }
        }
    }

    /** Starts producers and consumers, waits for all messages, returns what consumers saw. */
    static Run run(MpmcRing ring, int producers, int consumers, int perProducer) throws InterruptedException {
        Run run = new Run(producers, consumers, perProducer);
        AtomicLong consumed = new AtomicLong();
        long total = (long) producers * perProducer;
        List<Thread> threads = new ArrayList<>();
        long start = System.nanoTime();
        for (int c = 0; c < consumers; c++) {
            Seen seen = run.seen[c];
            threads.add(Thread.ofPlatform().name("consumer-" + c).start(() -> {
                MessageHandler handler = (type, buffer, offset, length) -> seen.accept(type, buffer, offset, length);
                while (consumed.get() < total) {
                    int got = ring.drain(handler, 64);
                    if (got > 0) {
                        consumed.addAndGet(got);
                    } else {
                        Thread.yield();
                    }
                }
            }));
        }
        for (int p = 0; p < producers; p++) {
            int producer = p;
            threads.add(Thread.ofPlatform().name("producer-" + p).start(() -> {
                byte[] message = new byte[ring.maxMessageLength()];
                MemorySegment view = MemorySegment.ofArray(message);
                for (long seq = 0; seq < perProducer; seq++) {
                    fill(view, message.length, seq);
                    while (!ring.offer(producer, message, 0, message.length)) {
                        Thread.yield();
                    }
                }
            }));
        }
        for (Thread thread : threads) {
            thread.join(60_000);
            assertFalse(thread.isAlive(), thread.getName() + " stuck");
        }
        run.millis = Math.max(1, (System.nanoTime() - start) / 1_000_000);
        assertTrue(ring.isEmpty());
        return run;
    }

    /** Payload: the sequence number in every 8-byte word, so a torn message shows. */
    static void fill(MemorySegment view, int length, long seq) {
        for (int at = 0; at + 8 <= length; at += 8) {
            view.set(ValueLayout.JAVA_LONG_UNALIGNED, at, seq);
        }
    }

    /** What one consumer saw: a bit per (producer, seq), and the last seq per producer. */
    static final class Seen {
        final BitSet[] bits;
        final long[] last;
        final AtomicReference<String> problem = new AtomicReference<>();

        Seen(int producers) {
            bits = new BitSet[producers];
            last = new long[producers];
            for (int p = 0; p < producers; p++) {
                bits[p] = new BitSet();
                last[p] = -1;
            }
        }

        void accept(int producer, MemorySegment buffer, long offset, int length) {
            long seq = buffer.get(ValueLayout.JAVA_LONG_UNALIGNED, offset);
            for (int at = 8; at + 8 <= length; at += 8) {
                if (buffer.get(ValueLayout.JAVA_LONG_UNALIGNED, offset + at) != seq) {
                    problem.compareAndSet(null, "torn message from producer " + producer + " seq " + seq);
                }
            }
            if (seq <= last[producer]) {
                problem.compareAndSet(null, "producer " + producer + ": seq " + seq + " after " + last[producer]);
            }
            last[producer] = seq;
            bits[producer].set((int) seq);
        }
    }

    static final class Run {
        final Seen[] seen;
        final int producers;
        final int perProducer;
        long millis;

        Run(int producers, int consumers, int perProducer) {
            this.producers = producers;
            this.perProducer = perProducer;
            seen = new Seen[consumers];
            for (int c = 0; c < consumers; c++) {
                seen[c] = new Seen(producers);
            }
        }

        long total() {
            return (long) producers * perProducer;
        }

        void assertExactlyOnce() {
            for (Seen consumer : seen) {
                assertEquals(null, consumer.problem.get());
            }
            for (int p = 0; p < producers; p++) {
                BitSet union = new BitSet();
                long sum = 0;
                for (Seen consumer : seen) {
                    BitSet mine = consumer.bits[p];
                    assertFalse(union.intersects(mine), "producer " + p + ": a message delivered twice");
                    union.or(mine);
                    sum += mine.cardinality();
                }
                assertEquals(perProducer, sum, "producer " + p + ": messages delivered");
                assertEquals(perProducer, union.nextClearBit(0), "producer " + p + ": a message missing");
            }
        }
    }
}

package io.mproc.ring;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.mproc.testing.CrossProcessTest;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** One JVM, several threads, millions of messages: exactly once, in order, intact. */
class MpscRingStressTest extends CrossProcessTest {
    static final ValueLayout.OfLong LONG = ValueLayout.JAVA_LONG_UNALIGNED;

    @Test
    void mpscFourProducersSeveralMillionMessagesExactlyOncePerProducerOrderKept() throws Exception {
        int producers = 4;
        int perProducer = 1_000_000;
        try (MpscRing ring = MpscRing.create(namespace, "r", 1 << 16, 64)) {
            List<Thread> threads = new ArrayList<>();
            for (int p = 0; p < producers; p++) {
                int id = p;
                threads.add(Thread.ofPlatform().start(() -> {
                    MemorySegment message = MemorySegment.ofArray(new long[2]);
                    for (long seq = 0; seq < perProducer; seq++) {
                        message.set(LONG, 0, seq);
                        message.set(LONG, 8, checksum(id, seq));
                        int length = seq % 2 == 0 ? 16 : 8;
                        while (!ring.offer(id, message, 0, length)) {
                            Thread.onSpinWait();
                        }
                    }
                }));
            }
            long[] next = new long[producers];
            long[] total = {0};
            MessageHandler check = (type, buffer, offset, length) -> {
                long seq = buffer.get(LONG, offset);
                if (seq != next[type]) {
                    throw new AssertionError("producer " + type + ": got " + seq + ", expected " + next[type]);
                }
                if (length != (seq % 2 == 0 ? 16 : 8) || length == 16 && buffer.get(LONG, offset + 8) != checksum(type, seq)) {
                    throw new AssertionError("producer " + type + " message " + seq + " corrupt");
                }
                next[type]++;
                total[0]++;
            };
            long deadline = System.nanoTime() + 60_000_000_000L;
            while (total[0] < (long) producers * perProducer && System.nanoTime() < deadline) {
                if (ring.drain(check, 256) == 0) {
                    Thread.onSpinWait();
                }
            }
            for (Thread thread : threads) {
                thread.join();
            }
            for (int p = 0; p < producers; p++) {
                assertEquals(perProducer, next[p], "producer " + p);
            }
            assertEquals(0, ring.drain(check, 10));
            assertEquals(0, ring.deadRecordsSkipped());
        }
    }

    static long checksum(int producer, long seq) {
        return (seq * 0x9E3779B97F4A7C15L) ^ producer;
    }
}

package io.mproc.ring;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.mproc.testing.CrossProcessTest;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** One JVM, two threads, millions of messages: exactly once, in order, intact. */
class SpscRingStressTest extends CrossProcessTest {
    static final ValueLayout.OfLong LONG = ValueLayout.JAVA_LONG_UNALIGNED;

    @Test
    void spscOneProducerOneConsumerFiveMillionMessagesExactlyOnceInOrder() throws Exception {
        int messages = 5_000_000;
        try (SpscRing ring = SpscRing.create(namespace, "r", 1 << 16, 64)) {
            AtomicReference<Throwable> failure = new AtomicReference<>();
            Thread producer = Thread.ofPlatform().start(() -> {
                MemorySegment message = MemorySegment.ofArray(new long[3]);
                for (long i = 0; i < messages; i++) {
                    int length = 8 + (int) (i % 3) * 8; // 8, 16 or 24 bytes
                    for (int w = 0; w < length / 8; w++) {
                        message.set(LONG, w * 8L, i * 31 + w);
                    }
                    while (!ring.offer((int) (i & 0x7fff), message, 0, length)) {
                        Thread.onSpinWait();
                    }
                }
            });
            long[] next = {0};
            MessageHandler check = (type, buffer, offset, length) -> {
                long i = next[0]++;
                assertEquals(i & 0x7fff, type);
                assertEquals(8 + (int) (i % 3) * 8, length);
                for (int w = 0; w < length / 8; w++) {
                    if (buffer.get(LONG, offset + w * 8L) != i * 31 + w) {
                        failure.compareAndSet(null, new AssertionError("message " + i + " word " + w + " corrupt"));
                    }
                }
            };
            while (next[0] < messages && failure.get() == null) {
                if (ring.drain(check, 256) == 0) {
                    Thread.onSpinWait();
                }
            }
            producer.join();
            if (failure.get() != null) {
                throw new AssertionError(failure.get());
            }
            assertEquals(messages, next[0]);
            assertEquals(0, ring.drain(check, 10));
        }
    }
}

package io.mproc.ring;

import io.mproc.testing.CrossProcessTest;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import org.junit.jupiter.api.Test;

/** Prints (does not assert) one-way SPSC throughput for 8-byte payloads, two threads, one JVM. */
class SpscRingThroughputTest extends CrossProcessTest {

    @Test
    void printsOneWayThroughputForEightBytePayloads() throws Exception {
        int messages = 20_000_000;
        try (SpscRing ring = SpscRing.create(namespace, "r", 1 << 17, 64)) {
            for (int run = 0; run < 3; run++) {
                Thread producer = Thread.ofPlatform().start(() -> {
                    MemorySegment message = MemorySegment.ofArray(new long[1]);
                    for (long i = 0; i < messages; i++) {
                        message.set(ValueLayout.JAVA_LONG, 0, i);
                        while (!ring.offer(1, message, 0, 8)) {
                            Thread.onSpinWait();
                        }
                    }
                });
                long[] sum = {0};
                MessageHandler add = (type, buffer, offset, length) -> sum[0] += buffer.get(ValueLayout.JAVA_LONG_UNALIGNED, offset);
                long start = System.nanoTime();
                long received = 0;
                while (received < messages) {
                    int n = ring.drain(add, 1024);
                    if (n == 0) {
                        Thread.onSpinWait();
                    }
                    received += n;
                }
                long nanos = System.nanoTime() - start;
                producer.join();
                System.out.printf("SPSC one-way, 8-byte payload, run %d: %.1f M msgs/s (checksum %d)%n",
                    run, messages * 1e3 / nanos, sum[0]);
            }
        }
    }
}

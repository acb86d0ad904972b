package io.mproc.ring;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.mproc.testing.ChildJvm;
import io.mproc.testing.CrossProcessTest;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class SpscRingCrossProcessTest extends CrossProcessTest {

    @Test
    void producerChildToParentConsumerOneMillionMessagesInOrder() throws Exception {
        long messages = 1_000_000;
        SpscRing ring = SpscRing.create(namespace, "r", 1 << 16, 64);
        ChildJvm child = ChildJvm.start(SpscProducerChild.class, namespace.name(), "r", Long.toString(messages));
        try {
            MessageCheck check = new MessageCheck(1);
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (check.total() < messages && System.nanoTime() < deadline) {
                if (ring.drain(check, 256) == 0) {
                    Thread.onSpinWait();
                }
            }
            assertEquals(messages, check.total());
            child.awaitSuccess(Duration.ofSeconds(30));
            assertEquals(0, ring.drain(check, 10));
        } finally {
            child.close();
            ring.close();
        }
    }
}

package io.mproc.ring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mproc.testing.ChildJvm;
import io.mproc.testing.CrossProcessTest;
import java.lang.foreign.ValueLayout;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
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

    @Test
    void theProducerRoleMovesToAChildJvmAndBackWithoutLosingAMessage() throws Exception {
        try (SpscRing ring = SpscRing.create(namespace, "r", 1024, 64)) {
            List<Long> got = new ArrayList<>();
            MessageHandler collect = (type, buffer, offset, length) ->
                got.add(type == 0 ? buffer.get(ValueLayout.JAVA_LONG_UNALIGNED, offset) : -type);
            offerType(ring, 1);
            // The child produces after us (its exit is the hand-over), then the role comes back.
            try (ChildJvm child = ChildJvm.start(SpscProducerChild.class, namespace.name(), "r", "3")) {
                child.awaitSuccess(Duration.ofSeconds(30));
            }
            offerType(ring, 2);
            offerType(ring, 3);
            while (ring.poll(collect)) {
                // collect all
            }
            assertEquals(List.of(-1L, 0L, 1L, 2L, -2L, -3L), got, "the first handle's later messages follow the child's");
            assertTrue(ring.isEmpty());
        }
    }

    /** Offers an empty message whose type tells it apart. */
    private static void offerType(SpscRing ring, int type) {
        assertTrue(ring.offer(type, new byte[0], 0, 0));
    }
}

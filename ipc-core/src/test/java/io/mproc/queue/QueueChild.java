package io.mproc.queue;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.mproc.codec.SerialFilter;
import io.mproc.memory.RegionNamespace;
import java.util.Base64;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/** Starts {@link QueueChildMain} children, attached to a queue by name or through its handle. */
final class QueueChild {
    private QueueChild() {
    }

    /** A child that attaches to the queue by name. */
    static CommandChild attachingByName(RegionNamespace namespace, String queue) throws InterruptedException {
        return CommandChild.start(QueueChildMain.class, namespace.name(), queue);
    }

    /**
     * Lets a child put into {@code queue} (named {@code q}) for ever, takes 1500 of its elements,
     * kills it a few milliseconds later, while it puts into a queue that is full most of the
     * time, and takes what it published: a gap-free prefix of what it put. The queue is then empty.
     */
    static void killAProducerMidStream(RegionNamespace namespace, SharedQueue<Long> queue) throws InterruptedException {
        try (CommandChild victim = attachingByName(namespace, "q")) {
            victim.send("produce 100000000 1");
            long expected = 0;
            for (int i = 0; i < 1500; i++) {
                assertEquals(1L << 32 | expected++, queue.take());
            }
            Thread.sleep(ThreadLocalRandom.current().nextInt(1, 20));
            victim.kill();
            Long next;
            while ((next = queue.poll(200, TimeUnit.MILLISECONDS)) != null) {
                assertEquals(1L << 32 | expected++, next, "the victim's elements stay a gap-free prefix");
            }
        }
    }

    /** A thread of this JVM that puts 0 to {@code total - 1} into {@code queue}, started. */
    static Thread producing(SharedQueue<Long> queue, int total) {
        return Thread.ofPlatform().start(() -> {
            try {
                for (long i = 0; i < total; i++) {
                    queue.put(i);
                }
            } catch (InterruptedException stopped) {
                Thread.currentThread().interrupt();
            }
        });
    }

    /** A child that receives the queue as serialized handle bytes (Base64 on its command line). */
    static CommandChild receivingHandle(SharedQueue<?> queue) throws InterruptedException {
        return CommandChild.start(QueueChildMain.class, "handle",
            Base64.getEncoder().encodeToString(SerialFilter.serialize(queue)));
    }
}

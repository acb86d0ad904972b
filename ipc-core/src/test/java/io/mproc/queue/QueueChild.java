package io.mproc.queue;

import io.mproc.codec.SerialFilter;
import io.mproc.memory.RegionNamespace;
import java.util.Base64;

/** Starts {@link QueueChildMain} children, attached to a queue by name or through its handle. */
final class QueueChild {
    private QueueChild() {
    }

    /** A child that attaches to the queue by name. */
    static CommandChild attachingByName(RegionNamespace namespace, String queue) throws InterruptedException {
        return CommandChild.start(QueueChildMain.class, namespace.name(), queue);
    }

    /** A child that receives the queue as serialized handle bytes (Base64 on its command line). */
    static CommandChild receivingHandle(SharedQueue<?> queue) throws InterruptedException {
        return CommandChild.start(QueueChildMain.class, "handle",
            Base64.getEncoder().encodeToString(SerialFilter.serialize(queue)));
    }
}

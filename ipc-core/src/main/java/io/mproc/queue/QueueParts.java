package io.mproc.queue;

import io.mproc.memory.RegionNamespace;
import io.mproc.ring.MpmcRing;
import io.mproc.ring.SpscRing;

/**
 * The two regions of a queue named {@code q}: its ring {@code q.ring}, of the kind its
 * {@link QueueShape} says, and its state {@code q.queue}.
 */
record QueueParts(QueueRing ring, QueueState state) {

    /**
     * Creates both regions: the ring first, so that whoever finds the state (which attach
     * opens first, to learn the shape) also finds the ring.
     */
    static QueueParts create(RegionNamespace namespace, String name, QueueOptions options, boolean joinable) {
        String ringName = name + ".ring";
        return switch (options.shape()) {
            case MANY_TO_MANY -> {
                MpmcRing ring = MpmcRing.createBounded(namespace, ringName, options.maxSize(), options.maxMessageBytes());
                yield new QueueParts(new MpmcQueueRing(ring), QueueState.create(namespace, name, options, joinable));
            }
            case ONE_TO_ONE -> {
                int capacity = SpscQueueRing.capacity(options.maxSize(), options.maxMessageBytes());
                SpscRing ring = SpscRing.create(namespace, ringName, capacity, options.maxMessageBytes());
                QueueState state = QueueState.create(namespace, name, options, joinable);
                yield new QueueParts(new SpscQueueRing(ring, state), state);
            }
        };
    }

    /** Attaches both regions of the queue {@code name}, whatever its shape. */
    static QueueParts attach(RegionNamespace namespace, String name) {
        QueueState state = QueueState.attach(namespace, name);
        String ringName = name + ".ring";
        return switch (state.shape()) {
            case MANY_TO_MANY -> new QueueParts(new MpmcQueueRing(MpmcRing.attach(namespace, ringName)), state);
            case ONE_TO_ONE -> new QueueParts(new SpscQueueRing(SpscRing.attach(namespace, ringName), state), state);
        };
    }
}

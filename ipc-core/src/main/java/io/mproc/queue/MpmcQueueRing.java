package io.mproc.queue;

import io.mproc.ring.MessageHandler;
import io.mproc.ring.MpmcRing;

/**
 * A {@link QueueShape#MANY_TO_MANY} queue's ring: an {@link MpmcRing} made with a limit of
 * {@code maxSize} messages, which counts its elements itself.
 */
final class MpmcQueueRing extends QueueRing {
    private final MpmcRing ring;

    MpmcQueueRing(MpmcRing ring) {
        super(ring);
        this.ring = ring;
    }

    @Override
    long tryClaim(int length) {
        long index = ring.tryClaim(SharedQueue.ELEMENT, length);
        return index < 0 ? -1 : index;
    }

    @Override
    void commit(long index) {
        ring.commit(index);
    }

    @Override
    boolean poll(MessageHandler handler) {
        return ring.poll(handler);
    }

    @Override
    int drain(MessageHandler handler, int limit) {
        return ring.drain(handler, limit);
    }

    @Override
    boolean isFull() {
        return ring.isFull();
    }

    @Override
    int size() {
        return ring.size();
    }
}

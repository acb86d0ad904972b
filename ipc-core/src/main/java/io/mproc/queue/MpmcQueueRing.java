package io.mproc.queue;

import io.mproc.ring.MessageHandler;
import io.mproc.ring.MpmcRing;
import java.util.concurrent.TimeUnit;

/**
 * A {@link QueueShape#MANY_TO_MANY} queue's ring: an {@link MpmcRing} made with a limit of
 * {@code maxSize} messages, which counts its elements itself.
 */
final class MpmcQueueRing extends QueueRing {
    /**
     * A claim whose owner died is freed only by a producer or consumer that polls or claims
     * at it, so blocked calls look again this often.
     */
    static final long RECHECK_NANOS = TimeUnit.MILLISECONDS.toNanos(20);

    private final MpmcRing ring;

    MpmcQueueRing(MpmcRing ring) {
        super(ring);
        this.ring = ring;
    }

    @Override
    long tryClaim(int length) {
        long index = ring.tryClaim(QueueRing.ELEMENT, length);
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

    @Override
    long recheckNanos() {
        return RECHECK_NANOS;
    }
}

package io.mproc.queue;

/**
 * Who puts into and takes from a {@link SharedQueue}, declared when the queue is created: the
 * ring under the queue follows, and with it what a put and a take cost. Every process that
 * attaches the queue gets the shape it was created with.
 *
 * <p>Both shapes keep every other promise of {@link SharedQueue}: {@code maxSize} in elements,
 * close, the codec, blocking and timeouts, handles. They differ in who may call, in what a put
 * and a take cost, and in what a process killed while taking leaves behind.
 */
public enum QueueShape {
    /**
     * Any number of producer and consumer threads in any number of processes, as Python's
     * {@code Queue}: a ring of fixed slots ({@link io.mproc.ring.MpmcRing}), where every put
     * and every take claims its slot with compare-and-set operations. A consumer killed while
     * taking loses the element it was taking (at most once). The default.
     */
    MANY_TO_MANY(1),
    /**
     * At most one thread puts and at most one thread takes at a time, across all processes: a
     * single-producer, single-consumer ring ({@link io.mproc.ring.SpscRing}), where a put and a
     * take are plain and release stores, no atomic read-modify-write. The lowest latency.
     *
     * <p>Either role may move to another thread or process (and back), but only once its
     * previous holder has stopped, with a happens-before edge between them (a thread joined, a
     * reply received, a process that exited or was killed). Two threads putting at once, or two
     * taking at once, corrupt the queue; nothing detects it.
     *
     * <p><b>SIGKILL.</b> A producer killed while putting either published its element (it is
     * delivered) or did not (it is lost, never half seen), as in the other shape. A consumer
     * killed while taking leaves the element it was taking in the queue, delivered again to the
     * next consumer (at least once), except in a window of a few instructions at the end of
     * the take, after the ring marked it consumed, where it is lost. A producer killed after
     * publishing and before counting its element lets the queue hold one element more than
     * {@code maxSize} until that element is taken.
     */
    ONE_TO_ONE(2);

    private final int code;

    QueueShape(int code) {
        this.code = code;
    }

    /** The shape's word in the queue's shared state. */
    int code() {
        return code;
    }

    /** The shape whose word is {@code code}, or null if none is. */
    static QueueShape ofCode(int code) {
        for (QueueShape shape : values()) {
            if (shape.code == code) {
                return shape;
            }
        }
        return null;
    }
}

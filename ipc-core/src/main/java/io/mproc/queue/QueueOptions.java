package io.mproc.queue;

import io.mproc.ring.MpmcRingLayout;
import io.mproc.wait.WaitStrategy;
import java.util.Objects;

/**
 * How a {@link SharedQueue} is made and how this process waits on it.
 *
 * @param maxSize         most elements in the queue at once, 1 to 2<sup>30</sup> (Python's
 *                        {@code maxsize}; shared memory is finite, so there is no unbounded queue).
 *                        A power of two is a little faster: any other count makes every put
 *                        also read the consumers' position to enforce it
 * @param maxMessageBytes most bytes one encoded element may take; the queue reserves
 *                        {@code maxSize} slots of this size (rounded up to cache lines)
 * @param waitStrategy    how blocked calls of this process wait: {@link WaitStrategy#defaultStrategy()}
 *                        (spin briefly, then sleep on the futex: no CPU while blocked) or
 *                        {@link WaitStrategy#busySpin()} (lowest latency, a core per waiting thread)
 * @param shape           who may put and take ({@link QueueShape#MANY_TO_MANY} by default, or
 *                        {@link QueueShape#ONE_TO_ONE}, the lowest latency); fixed at creation
 */
public record QueueOptions(int maxSize, int maxMessageBytes, WaitStrategy waitStrategy, QueueShape shape) {
    /** The default {@code maxSize}. */
    public static final int DEFAULT_MAX_SIZE = 1024;
    /** The default {@code maxMessageBytes}. */
    public static final int DEFAULT_MAX_MESSAGE_BYTES = 1000;

    public QueueOptions {
        if (maxSize < 1 || maxSize > MpmcRingLayout.MAX_SLOTS) {
            throw new IllegalArgumentException("maxSize=" + maxSize + " (expected: 1 to " + MpmcRingLayout.MAX_SLOTS + ")");
        }
        if (maxMessageBytes < 1 || maxMessageBytes > MpmcRingLayout.MAX_MESSAGE_LENGTH_LIMIT) {
            throw new IllegalArgumentException("maxMessageBytes=" + maxMessageBytes + " (expected: 1 to "
                + MpmcRingLayout.MAX_MESSAGE_LENGTH_LIMIT + ")");
        }
        Objects.requireNonNull(waitStrategy, "waitStrategy");
        Objects.requireNonNull(shape, "shape");
        if (shape == QueueShape.ONE_TO_ONE) {
            try {
                SpscQueueRing.capacity(maxSize, maxMessageBytes);
            } catch (IllegalArgumentException tooLarge) {
                throw new IllegalArgumentException("a " + shape + " queue of maxSize=" + maxSize + " and maxMessageBytes="
                    + maxMessageBytes + " does not fit one ring: " + tooLarge.getMessage(), tooLarge);
            }
        }
    }

    /** Options of the {@link QueueShape#MANY_TO_MANY} shape. */
    public QueueOptions(int maxSize, int maxMessageBytes, WaitStrategy waitStrategy) {
        this(maxSize, maxMessageBytes, waitStrategy, QueueShape.MANY_TO_MANY);
    }

    /**
     * {@value #DEFAULT_MAX_SIZE} elements of up to {@value #DEFAULT_MAX_MESSAGE_BYTES} bytes,
     * default waiting, {@link QueueShape#MANY_TO_MANY}.
     */
    public static QueueOptions defaults() {
        return new QueueOptions(DEFAULT_MAX_SIZE, DEFAULT_MAX_MESSAGE_BYTES, WaitStrategy.defaultStrategy());
    }

    public QueueOptions withMaxSize(int newMaxSize) {
        return new QueueOptions(newMaxSize, maxMessageBytes, waitStrategy, shape);
    }

    public QueueOptions withMaxMessageBytes(int newMaxMessageBytes) {
        return new QueueOptions(maxSize, newMaxMessageBytes, waitStrategy, shape);
    }

    public QueueOptions withWaitStrategy(WaitStrategy newWaitStrategy) {
        return new QueueOptions(maxSize, maxMessageBytes, newWaitStrategy, shape);
    }

    public QueueOptions withShape(QueueShape newShape) {
        return new QueueOptions(maxSize, maxMessageBytes, waitStrategy, newShape);
    }
}

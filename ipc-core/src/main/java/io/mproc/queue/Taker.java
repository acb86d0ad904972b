package io.mproc.queue;

import io.mproc.codec.Codec;
import io.mproc.codec.CodecException;
import io.mproc.ring.MessageHandler;
import java.lang.foreign.MemorySegment;

/**
 * Decodes the one message a poll hands it, in place, and keeps the element (or the failure)
 * for the caller. One per thread and queue, so a take allocates nothing of its own; it also
 * keeps the thread's recheck slice for untimed waits ({@link QueueWaiter#await}).
 */
final class Taker<E> implements MessageHandler {
    private final Codec<E> codec;
    private E element;
    private RuntimeException failure;
    /** When this thread's current untimed wait slice ends ({@link System#nanoTime()}); passed at first. */
    long recheckAt = System.nanoTime();

    Taker(Codec<E> codec) {
        this.codec = codec;
    }

    @Override
    public void onMessage(int type, MemorySegment buffer, long offset, int length) {
        // Never throw here: the ring counts the message consumed either way, and the caller reports.
        try {
            if (type < QueueRing.ELEMENT) {
                // An element's type is ELEMENT or, in a ONE_TO_ONE queue, its number: never negative.
                throw new CodecException("a message of unknown type " + type + " (" + length + " bytes)");
            }
            element = codec.decode(buffer, offset, length);
            if (element == null) {
                throw new CodecException("the codec decoded null from " + length + " bytes");
            }
        } catch (RuntimeException failed) {
            failure = failed;
        }
    }

    /** The element just decoded; throws, naming the queue, if it could not be. */
    E result(String queue) {
        E taken = element;
        RuntimeException failed = failure;
        element = null;
        failure = null;
        if (failed != null) {
            throw new CodecException("queue " + queue + ": cannot decode a message (it is dropped; the queue goes on): "
                + failed.getMessage(), failed);
        }
        return taken;
    }
}

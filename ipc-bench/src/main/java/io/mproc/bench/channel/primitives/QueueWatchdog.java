package io.mproc.bench.channel.primitives;

import io.mproc.bench.channel.PeerGoneException;
import io.mproc.bench.channel.PeerWatch;
import io.mproc.queue.SharedQueue;

import java.util.List;

/**
 * Lets a side wait in the queue's untimed calls ({@code take}, {@code takeInPlace}), as a
 * latency user would, and still stop when its {@link PeerWatch} says waiting is pointless: a
 * thread of its own consults the watch every {@link PrimitiveSides#SLICE} and, when the watch
 * throws, closes the channel's queues, which wakes a blocked side with the queue's "closed"
 * error ({@link #failure} turns that into {@link PeerGoneException}). Closing is how a Python
 * user stops a queue's consumers, too.
 */
final class QueueWatchdog implements AutoCloseable {

    private final Thread thread;
    private volatile String gone;

    QueueWatchdog(PeerWatch watch, List<? extends SharedQueue<?>> queues) {
        this.thread = Thread.ofPlatform().daemon().name("queue-watchdog").start(() -> {
            try {
                while (true) {
                    watch.check();
                    Thread.sleep(PrimitiveSides.SLICE);
                }
            } catch (PeerGoneException peerGone) {
                gone = peerGone.getMessage(); // before the close, so a woken side finds it
                queues.forEach(SharedQueue::close);
            } catch (InterruptedException stopped) {
                // the side closed: nothing to watch
            }
        });
    }

    /** What a side should throw for {@code failed}, raised by a queue call. */
    RuntimeException failure(RuntimeException failed) {
        String reason = gone;
        return reason != null ? new PeerGoneException(reason) : failed;
    }

    /** Stops watching (before the queues are unmapped). */
    @Override
    public void close() {
        thread.interrupt();
        try {
            thread.join();
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}

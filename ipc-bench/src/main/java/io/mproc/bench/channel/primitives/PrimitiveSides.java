package io.mproc.bench.channel.primitives;

import io.mproc.bench.channel.ChannelSpec;
import io.mproc.bench.channel.PeerGoneException;
import io.mproc.bench.channel.PeerWatch;
import io.mproc.bench.channel.PingPongChannel;
import io.mproc.memory.RegionNamespace;
import io.mproc.queue.SharedQueue;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/** What the sides of the primitive channels share: their namespace, and waiting with a watch. */
final class PrimitiveSides {

    /**
     * How long one blocking call waits before the {@link PeerWatch} is consulted: rare enough
     * that it neither costs anything measurable nor disturbs a sleeping side.
     */
    static final Duration SLICE = Duration.ofMillis(200);

    private PrimitiveSides() {
    }

    /** Opens the channel's namespace in the run's directory and builds a side in it; closes it if that fails. */
    static <S> S open(ChannelSpec spec, Function<RegionNamespace, S> side) {
        RegionNamespace namespace = RegionNamespace.open(spec.dir(), spec.id());
        try {
            return side.apply(namespace);
        } catch (RuntimeException failed) {
            namespace.close();
            throw failed;
        }
    }

    static void requireCarried(PingPongChannel channel, ChannelSpec spec) {
        if (!channel.carries(spec.payloadBytes())) {
            throw new IllegalArgumentException(channel.name() + " does not carry " + spec.payloadBytes() + " bytes");
        }
    }

    /** The next element, waiting in the queue's own blocking poll, a slice at a time. */
    static <E> E take(SharedQueue<E> queue, PeerWatch watch) throws InterruptedException {
        E element;
        while ((element = queue.poll(SLICE.toNanos(), TimeUnit.NANOSECONDS)) == null) {
            watch.check();
        }
        return element;
    }

    /** Reads the next element in place, waiting in the queue's own timed poll, a slice at a time. */
    static void readInPlace(SharedQueue<?> queue, SharedQueue.InPlaceReader reader, PeerWatch watch)
        throws InterruptedException {
        while (!queue.pollInPlace(reader, SLICE.toNanos(), TimeUnit.NANOSECONDS)) {
            watch.check();
        }
    }

    static PeerGoneException interrupted(InterruptedException interrupted) {
        Thread.currentThread().interrupt();
        return new PeerGoneException("interrupted while waiting: " + interrupted.getMessage());
    }
}

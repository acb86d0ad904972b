package io.mproc.bench.channel.primitives;

import io.mproc.bench.channel.ChannelSpec;
import io.mproc.bench.channel.PeerGoneException;
import io.mproc.bench.channel.PeerWatch;
import io.mproc.bench.channel.PingPongChannel;
import io.mproc.memory.RegionNamespace;
import io.mproc.queue.SharedQueue;

import java.time.Duration;
import java.util.List;
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

    static PeerGoneException interrupted(InterruptedException interrupted) {
        Thread.currentThread().interrupt();
        return new PeerGoneException("interrupted while waiting: " + interrupted.getMessage());
    }

    /**
     * One side of a queue channel: its namespace, the ping and pong queues, and the
     * {@link QueueWatchdog} that lets it wait in untimed calls. Closing stops the watchdog, then
     * unmaps.
     */
    abstract static class QueueSide<E> implements AutoCloseable {
        final RegionNamespace namespace;
        final SharedQueue<E> ping;
        final SharedQueue<E> pong;
        final QueueWatchdog watchdog;

        QueueSide(RegionNamespace namespace, SharedQueue<E> ping, SharedQueue<E> pong, PeerWatch watch) {
            this.namespace = namespace;
            this.ping = ping;
            this.pong = pong;
            this.watchdog = new QueueWatchdog(watch, List.of(ping, pong));
        }

        /** What to throw for {@code failed}, raised while waiting in a queue call. */
        RuntimeException failure(Exception failed) {
            if (failed instanceof InterruptedException interrupted) {
                return interrupted(interrupted);
            }
            return watchdog.failure((RuntimeException) failed);
        }

        @Override
        public void close() {
            watchdog.close();
            namespace.close();
        }
    }
}

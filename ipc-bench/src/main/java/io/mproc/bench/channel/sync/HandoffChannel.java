package io.mproc.bench.channel.sync;

import io.mproc.bench.channel.ChannelSpec;
import io.mproc.bench.channel.PeerWatch;
import io.mproc.bench.channel.PingPongChannel;
import io.mproc.bench.channel.Pinger;
import io.mproc.bench.channel.Ponger;
import io.mproc.bench.channel.mproc.Waiting;
import io.mproc.memory.RegionNamespace;
import io.mproc.wait.WaitStrategy;

import java.util.function.Function;

/**
 * What the hand-off channels share: the name {@code <primitive>-spin} or
 * {@code <primitive>-blocking} (the subjects {@code TargetCatalog} judges), a namespace of the
 * run's directory per channel, a {@link PeerWatchdog} per side, and no payload: a hand-off
 * carries nothing but the turn, so a channel only takes specs of 0 bytes.
 *
 * <p>The bench side creates the objects, the peer attaches them by name; each side then sets
 * the {@link Waiting} strategy on its own handles (a strategy is local to a handle).
 */
abstract class HandoffChannel implements PingPongChannel {

    private final String name;
    private final Waiting waiting;

    HandoffChannel(String primitive, Waiting waiting) {
        this.name = primitive + (waiting.blocks() ? "-blocking" : "-spin");
        this.waiting = waiting;
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final boolean carries(int payloadBytes) {
        return payloadBytes == 0;
    }

    @Override
    public final boolean blocks() {
        return waiting.blocks();
    }

    /** The strategy both sides set on every handle they wait on. */
    final WaitStrategy strategy() {
        return waiting.strategy();
    }

    @Override
    public final Pinger openPinger(ChannelSpec spec, PeerWatch watch) {
        return open(spec, namespace -> pinger(namespace, new PeerWatchdog(watch)));
    }

    @Override
    public final Ponger openPonger(ChannelSpec spec, PeerWatch watch) {
        return open(spec, namespace -> ponger(namespace, new PeerWatchdog(watch)));
    }

    /** Creates the channel's objects in {@code namespace} (the bench JVM, first). */
    abstract Pinger pinger(RegionNamespace namespace, PeerWatchdog watchdog);

    /** Attaches the objects the pinger created (the peer JVM, after). */
    abstract Ponger ponger(RegionNamespace namespace, PeerWatchdog watchdog);

    private <T> T open(ChannelSpec spec, Function<RegionNamespace, T> opener) {
        if (!carries(spec.payloadBytes())) {
            throw new IllegalArgumentException(name + " hands off the turn alone: payload=" + spec.payloadBytes()
                + " (expected: 0)");
        }
        RegionNamespace namespace = RegionNamespace.open(spec.dir(), spec.id());
        try {
            return opener.apply(namespace);
        } catch (RuntimeException failed) {
            namespace.close();
            throw failed;
        }
    }
}

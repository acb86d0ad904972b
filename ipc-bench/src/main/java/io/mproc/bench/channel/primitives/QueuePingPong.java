package io.mproc.bench.channel.primitives;

import io.mproc.bench.channel.ChannelSpec;
import io.mproc.bench.channel.PeerWatch;
import io.mproc.bench.channel.PingPongChannel;
import io.mproc.bench.channel.Pinger;
import io.mproc.bench.channel.Ponger;
import io.mproc.bench.channel.mproc.Waiting;
import io.mproc.codec.Codecs;
import io.mproc.memory.RegionNamespace;
import io.mproc.queue.QueueOptions;
import io.mproc.queue.QueueShape;
import io.mproc.queue.SharedQueue;

/**
 * Round trips through a pair of {@code SharedQueue<Long>} (ping, pong) with the long codec, the
 * way a {@link java.util.concurrent.BlockingQueue} user writes them: the pinger puts {@code n}
 * on ping and waits on pong; the ponger waits on ping and puts what it took on pong. Both wait
 * inside the queue, with the channel's {@link Waiting} as the queue's wait strategy. Each queue
 * has one producer and one consumer, which a latency user declares
 * ({@link QueueShape#ONE_TO_ONE}); the default {@link QueueShape#MANY_TO_MANY} is measured too.
 *
 * <p>Both sides wait in {@code take()}; a {@link QueueWatchdog} closes the queues if the
 * {@link PeerWatch} says the peer is gone. A put boxes the sequence ({@code Long.valueOf}) and a
 * take decodes a new {@code Long}: what the user of a queue of {@code Long} pays.
 */
public final class QueuePingPong implements PingPongChannel {

    private static final String PING = "ping";
    private static final String PONG = "pong";

    private final String name;
    private final QueueShape shape;
    private final Waiting waiting;

    public QueuePingPong(String name, QueueShape shape, Waiting waiting) {
        this.name = name;
        this.shape = shape;
        this.waiting = waiting;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public boolean blocks() {
        return waiting.blocks();
    }

    @Override
    public Pinger openPinger(ChannelSpec spec, PeerWatch watch) {
        PrimitiveSides.requireCarried(this, spec);
        QueueOptions options = QueueOptions.defaults().withMaxMessageBytes(Long.BYTES)
            .withWaitStrategy(waiting.strategy()).withShape(shape);
        return PrimitiveSides.open(spec, namespace -> {
            SharedQueue<Long> ping = SharedQueue.create(namespace, PING, Codecs.longs(), options);
            SharedQueue<Long> pong = SharedQueue.create(namespace, PONG, Codecs.longs(), options);
            return new PingSide(namespace, ping, pong, watch);
        });
    }

    @Override
    public Ponger openPonger(ChannelSpec spec, PeerWatch watch) {
        PrimitiveSides.requireCarried(this, spec);
        return PrimitiveSides.open(spec, namespace -> new PongSide(namespace,
            SharedQueue.attach(namespace, PING, Codecs.longs(), waiting.strategy()),
            SharedQueue.attach(namespace, PONG, Codecs.longs(), waiting.strategy()), watch));
    }

    /** The bench side: creates both queues; its namespace removes them on close. */
    private static final class PingSide extends PrimitiveSides.QueueSide<Long> implements Pinger {
        PingSide(RegionNamespace namespace, SharedQueue<Long> ping, SharedQueue<Long> pong, PeerWatch watch) {
            super(namespace, ping, pong, watch);
        }

        @Override
        public void roundTrip(long sequence) {
            long echoed;
            try {
                ping.put(sequence);
                echoed = pong.take();
            } catch (InterruptedException | IllegalStateException failed) {
                throw failure(failed);
            }
            if (echoed != sequence) {
                throw new IllegalStateException("sent " + sequence + " but the echo carried " + echoed);
            }
        }
    }

    /** The peer side: attaches both queues and puts back what it takes. */
    private static final class PongSide extends PrimitiveSides.QueueSide<Long> implements Ponger {
        PongSide(RegionNamespace namespace, SharedQueue<Long> ping, SharedQueue<Long> pong, PeerWatch watch) {
            super(namespace, ping, pong, watch);
        }

        @Override
        public void echo(long sequence) {
            try {
                Long taken = ping.take();
                if (taken != sequence) {
                    throw new IllegalStateException("expected ping " + sequence + " but got " + taken);
                }
                pong.put(taken);
            } catch (InterruptedException | IllegalStateException failed) {
                throw failure(failed);
            }
        }
    }
}

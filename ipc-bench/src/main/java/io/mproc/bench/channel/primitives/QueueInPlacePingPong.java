package io.mproc.bench.channel.primitives;

import io.mproc.bench.channel.ChannelSpec;
import io.mproc.bench.channel.PeerWatch;
import io.mproc.bench.channel.PingPongChannel;
import io.mproc.bench.channel.Pinger;
import io.mproc.bench.channel.Ponger;
import io.mproc.codec.Codecs;
import io.mproc.memory.RegionNamespace;
import io.mproc.queue.QueueOptions;
import io.mproc.queue.QueueShape;
import io.mproc.queue.SharedQueue;
import io.mproc.wait.WaitStrategy;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * Round trips through a pair of {@link QueueShape#ONE_TO_ONE} {@code SharedQueue<byte[]>} on
 * the zero-copy path, as a latency user writes them: the pinger claims room on ping
 * ({@code claim}), writes the sequence (and the rest of a longer payload) straight into the
 * mapped memory and commits; the ponger reads it in place ({@code takeInPlace}) and, inside
 * the reader, claims room on pong and copies the bytes across, mapped memory to mapped memory.
 * The pinger reads the echo in place too (and copies a payload longer than 8 bytes out into its
 * own array, as a receiver would).
 *
 * <p>Both sides wait in the queue's {@code takeInPlace} with {@link WaitStrategy#busySpin()};
 * a {@link QueueWatchdog} closes the queues if the {@link PeerWatch} says the peer is gone. The
 * messages are exactly what the queue's byte-array codec decodes, so an ordinary {@code take}
 * would read them too.
 */
public final class QueueInPlacePingPong implements PingPongChannel {

    /** The largest payload: a message fills one queue slot. */
    static final int MAX_MESSAGE_BYTES = 4096;
    private static final String PING = "ping";
    private static final String PONG = "pong";
    private static final ValueLayout.OfLong SEQUENCE = ValueLayout.JAVA_LONG_UNALIGNED;

    private final String name;

    public QueueInPlacePingPong(String name) {
        this.name = name;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public boolean carries(int payloadBytes) {
        return payloadBytes >= Long.BYTES && payloadBytes <= MAX_MESSAGE_BYTES;
    }

    @Override
    public Pinger openPinger(ChannelSpec spec, PeerWatch watch) {
        PrimitiveSides.requireCarried(this, spec);
        QueueOptions options = QueueOptions.defaults().withMaxMessageBytes(spec.payloadBytes())
            .withWaitStrategy(WaitStrategy.busySpin()).withShape(QueueShape.ONE_TO_ONE);
        return PrimitiveSides.open(spec, namespace -> new PingSide(namespace,
            SharedQueue.create(namespace, PING, Codecs.bytes(), options),
            SharedQueue.create(namespace, PONG, Codecs.bytes(), options), spec.payloadBytes(), watch));
    }

    @Override
    public Ponger openPonger(ChannelSpec spec, PeerWatch watch) {
        PrimitiveSides.requireCarried(this, spec);
        return PrimitiveSides.open(spec, namespace -> new PongSide(namespace,
            SharedQueue.attach(namespace, PING, Codecs.bytes(), WaitStrategy.busySpin()),
            SharedQueue.attach(namespace, PONG, Codecs.bytes(), WaitStrategy.busySpin()), watch));
    }

    /** The bench side: creates both queues; its namespace removes them on close. */
    private static final class PingSide extends PrimitiveSides.QueueSide<byte[]> implements Pinger {
        private final int length;
        private final byte[] out;
        private final byte[] in;
        private final SharedQueue.InPlaceReader receive;
        private long received;

        PingSide(RegionNamespace namespace, SharedQueue<byte[]> ping, SharedQueue<byte[]> pong, int length,
                 PeerWatch watch) {
            super(namespace, ping, pong, watch);
            this.length = length;
            this.out = new byte[length];
            this.in = new byte[length];
            this.receive = this::onEcho;
        }

        @Override
        public void roundTrip(long sequence) {
            try {
                long index = ping.claim(length);
                MemorySegment buffer = ping.buffer();
                buffer.set(SEQUENCE, index, sequence);
                if (length > Long.BYTES) {
                    MemorySegment.copy(out, Long.BYTES, buffer, ValueLayout.JAVA_BYTE, index + Long.BYTES,
                        length - Long.BYTES);
                }
                ping.commit(index);
                pong.takeInPlace(receive);
            } catch (InterruptedException | IllegalStateException failed) {
                throw failure(failed);
            }
            if (received != sequence) {
                throw new IllegalStateException("sent " + sequence + " but the echo carried " + received);
            }
        }

        private void onEcho(MemorySegment buffer, long offset, int echoLength) {
            received = buffer.get(SEQUENCE, offset);
            if (echoLength > Long.BYTES) {
                MemorySegment.copy(buffer, ValueLayout.JAVA_BYTE, offset, in, 0, echoLength);
            }
        }
    }

    /** The peer side: copies each ping, in place, into a claim on pong. */
    private static final class PongSide extends PrimitiveSides.QueueSide<byte[]> implements Ponger {
        private final SharedQueue.InPlaceReader echo;
        private long echoed;

        PongSide(RegionNamespace namespace, SharedQueue<byte[]> ping, SharedQueue<byte[]> pong, PeerWatch watch) {
            super(namespace, ping, pong, watch);
            this.echo = this::onPing;
        }

        @Override
        public void echo(long sequence) {
            try {
                ping.takeInPlace(echo);
            } catch (InterruptedException | IllegalStateException failed) {
                throw failure(failed);
            }
            if (echoed != sequence) {
                throw new IllegalStateException("expected ping " + sequence + " but got " + echoed);
            }
        }

        private void onPing(MemorySegment buffer, long offset, int length) {
            echoed = buffer.get(SEQUENCE, offset);
            // Room is there (one message in flight); tryClaim keeps the reader free of waiting.
            long index = pong.tryClaim(length);
            if (index < 0) {
                throw new IllegalStateException("no room for the echo of " + echoed + " in " + pong);
            }
            MemorySegment.copy(buffer, offset, pong.buffer(), index, length);
            pong.commit(index);
        }
    }
}

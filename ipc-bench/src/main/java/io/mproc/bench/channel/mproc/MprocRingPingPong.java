package io.mproc.bench.channel.mproc;

import io.mproc.bench.channel.ChannelSpec;
import io.mproc.bench.channel.CostedChannel;
import io.mproc.bench.channel.Payloads;
import io.mproc.bench.channel.PeerWatch;
import io.mproc.bench.channel.PingPongChannel;
import io.mproc.bench.channel.Pinger;
import io.mproc.bench.channel.Ponger;
import io.mproc.bench.channel.SpinWait;
import io.mproc.memory.RegionNamespace;
import io.mproc.ring.MessageHandler;
import io.mproc.ring.MessageRing;
import io.mproc.wait.WaitCondition;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * Round trips through a pair of mproc rings in a {@link RegionNamespace} of the run's directory:
 * the pinger offers message n on the ping ring and polls the pong ring; the ponger polls the
 * ping ring and, inside its handler, offers the same bytes straight from the ping ring into the
 * pong ring (no copy in between). Both sides wait the way an application would: try to poll,
 * and when nothing is there, {@code strategy.await(ring.notEmpty(), () -> !ring.isEmpty())}.
 *
 * <p>The payload is {@link ChannelSpec#payloadBytes()} bytes (8 or more) with the sequence in
 * its first 8; the pinger copies a longer echo out into its own array, as a receiver would.
 */
public final class MprocRingPingPong extends CostedChannel implements PingPongChannel {

    /** Data bytes of each ring: one message is in flight at a time, so this is plenty. */
    static final int CAPACITY_BYTES = 64 * 1024;
    static final int MAX_MESSAGE_LENGTH = 4096;
    private static final int TYPE = 1;
    private static final String PING = "ping";
    private static final String PONG = "pong";
    private static final ValueLayout.OfLong SEQUENCE = ValueLayout.JAVA_LONG_UNALIGNED;

    private final RingKind kind;
    private final Waiting waiting;

    public MprocRingPingPong(String name, RingKind kind, Waiting waiting) {
        super(name, 1, MAX_MESSAGE_LENGTH);
        this.kind = kind;
        this.waiting = waiting;
    }

    @Override
    public boolean blocks() {
        return waiting.blocks();
    }

    @Override
    public Pinger openPinger(ChannelSpec spec, PeerWatch watch) {
        Payloads.requireCarried(this, spec, MAX_MESSAGE_LENGTH);
        RegionNamespace namespace = RegionNamespace.open(spec.dir(), spec.id());
        try {
            MessageRing ping = kind.create(namespace, PING, CAPACITY_BYTES, MAX_MESSAGE_LENGTH);
            MessageRing pong = kind.create(namespace, PONG, CAPACITY_BYTES, MAX_MESSAGE_LENGTH);
            return new PingSide(namespace, ping, pong, spec.payloadBytes(), waiting, watch);
        } catch (RuntimeException failed) {
            namespace.close();
            throw failed;
        }
    }

    @Override
    public Ponger openPonger(ChannelSpec spec, PeerWatch watch) {
        Payloads.requireCarried(this, spec, MAX_MESSAGE_LENGTH);
        RegionNamespace namespace = RegionNamespace.open(spec.dir(), spec.id());
        try {
            return new PongSide(namespace, kind.attach(namespace, PING), kind.attach(namespace, PONG), waiting, watch);
        } catch (RuntimeException failed) {
            namespace.close();
            throw failed;
        }
    }

    /** The bench side: creates both rings; its namespace unlinks them on close. */
    private static final class PingSide implements Pinger {
        private final RegionNamespace namespace;
        private final MessageRing ping;
        private final MessageRing pong;
        private final int length;
        private final MemorySegment out;
        private final byte[] in;
        private final RingWaiter waiter;
        private final SpinWait spin;
        private final WaitCondition pongNotEmpty;
        private final MessageHandler receive;
        private long received;

        PingSide(RegionNamespace namespace, MessageRing ping, MessageRing pong, int length, Waiting waiting,
                 PeerWatch watch) {
            this.namespace = namespace;
            this.ping = ping;
            this.pong = pong;
            this.length = length;
            this.out = MemorySegment.ofArray(new byte[length]);
            this.in = new byte[length];
            this.waiter = new RingWaiter(waiting.strategy(), watch);
            this.spin = new SpinWait(watch);
            this.pongNotEmpty = () -> !pong.isEmpty();
            this.receive = this::onEcho;
        }

        @Override
        public void roundTrip(long sequence) {
            out.set(SEQUENCE, 0, sequence);
            // One message in flight: the ping ring is never full unless something is badly wrong.
            while (!ping.offer(TYPE, out, 0, length)) {
                spin.idle();
            }
            while (!pong.poll(receive)) {
                waiter.await(pong.notEmpty(), pongNotEmpty);
            }
            if (received != sequence) {
                throw new IllegalStateException("sent " + sequence + " but the echo carried " + received);
            }
        }

        private void onEcho(int type, MemorySegment buffer, long offset, int length) {
            received = buffer.get(SEQUENCE, offset);
            if (length > Long.BYTES) {
                MemorySegment.copy(buffer, ValueLayout.JAVA_BYTE, offset, in, 0, length);
            }
        }

        @Override
        public void close() {
            namespace.close();
        }
    }

    /** The peer side: attaches both rings and echoes from one into the other. */
    private static final class PongSide implements Ponger {
        private final RegionNamespace namespace;
        private final MessageRing ping;
        private final MessageRing pong;
        private final RingWaiter waiter;
        private final SpinWait spin;
        private final WaitCondition pingNotEmpty;
        private final MessageHandler echo;
        private long echoed;

        PongSide(RegionNamespace namespace, MessageRing ping, MessageRing pong, Waiting waiting, PeerWatch watch) {
            this.namespace = namespace;
            this.ping = ping;
            this.pong = pong;
            this.waiter = new RingWaiter(waiting.strategy(), watch);
            this.spin = new SpinWait(watch);
            this.pingNotEmpty = () -> !ping.isEmpty();
            this.echo = this::onPing;
        }

        @Override
        public void echo(long sequence) {
            while (!ping.poll(echo)) {
                waiter.await(ping.notEmpty(), pingNotEmpty);
            }
            if (echoed != sequence) {
                throw new IllegalStateException("expected ping " + sequence + " but got " + echoed);
            }
        }

        private void onPing(int type, MemorySegment buffer, long offset, int length) {
            echoed = buffer.get(SEQUENCE, offset);
            while (!pong.offer(type, buffer, offset, length)) {
                spin.idle();
            }
        }

        @Override
        public void close() {
            namespace.close();
        }
    }
}

package io.mproc.bench.channel.agrona;

import io.mproc.bench.channel.ChannelSpec;
import io.mproc.bench.channel.PeerWatch;
import io.mproc.bench.channel.PingPongChannel;
import io.mproc.bench.channel.Pinger;
import io.mproc.bench.channel.Ponger;
import io.mproc.bench.channel.SpinWait;
import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.MessageHandler;
import org.agrona.concurrent.UnsafeBuffer;
import org.agrona.concurrent.ringbuffer.RingBuffer;

import java.io.IOException;

/**
 * The peer mproc's rings are judged against: round trips through a pair of raw Agrona ring
 * buffers on mapped files, used the way Agrona is used (busy-spin on {@code read(handler, 1)},
 * {@code write} from an {@link UnsafeBuffer}). It mirrors {@code MprocRingPingPong} step for
 * step: the ponger writes the ping's bytes from the ping ring straight into the pong ring, and
 * the pinger copies a payload longer than 8 bytes out into its own array.
 */
public final class AgronaRingPingPong implements PingPongChannel {

    /** Data bytes of each ring, as for mproc's rings. */
    static final int CAPACITY = 64 * 1024;
    private static final int TYPE = 1;

    private final String name;
    private final AgronaRingKind kind;

    public AgronaRingPingPong(String name, AgronaRingKind kind) {
        this.name = name;
        this.kind = kind;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public boolean carries(int payloadBytes) {
        return payloadBytes >= Long.BYTES && payloadBytes <= CAPACITY / 8;
    }

    @Override
    public Pinger openPinger(ChannelSpec spec, PeerWatch watch) throws IOException {
        AgronaRingKind.Mapped ping = kind.create(spec.file(".agrona-ping"), CAPACITY);
        try {
            return new PingSide(ping, kind.create(spec.file(".agrona-pong"), CAPACITY), spec.payloadBytes(), watch);
        } catch (IOException | RuntimeException failed) {
            ping.close();
            throw failed;
        }
    }

    @Override
    public Ponger openPonger(ChannelSpec spec, PeerWatch watch) throws IOException {
        AgronaRingKind.Mapped ping = kind.open(spec.file(".agrona-ping"), CAPACITY);
        try {
            return new PongSide(ping, kind.open(spec.file(".agrona-pong"), CAPACITY), watch);
        } catch (IOException | RuntimeException failed) {
            ping.close();
            throw failed;
        }
    }

    private static final class PingSide implements Pinger {
        private final AgronaRingKind.Mapped pingFile;
        private final AgronaRingKind.Mapped pongFile;
        private final RingBuffer ping;
        private final RingBuffer pong;
        private final int length;
        private final UnsafeBuffer out;
        private final byte[] in;
        private final SpinWait spin;
        private final MessageHandler receive = this::onEcho;
        private long received;

        PingSide(AgronaRingKind.Mapped ping, AgronaRingKind.Mapped pong, int length, PeerWatch watch) {
            this.pingFile = ping;
            this.pongFile = pong;
            this.ping = ping.ring();
            this.pong = pong.ring();
            this.length = length;
            this.out = new UnsafeBuffer(new byte[length]);
            this.in = new byte[length];
            this.spin = new SpinWait(watch);
        }

        @Override
        public void roundTrip(long sequence) {
            out.putLong(0, sequence);
            while (!ping.write(TYPE, out, 0, length)) {
                spin.idle();
            }
            while (pong.read(receive, 1) == 0) {
                spin.idle();
            }
            if (received != sequence) {
                throw new IllegalStateException("sent " + sequence + " but the echo carried " + received);
            }
        }

        private void onEcho(int type, MutableDirectBuffer buffer, int index, int length) {
            received = buffer.getLong(index);
            if (length > Long.BYTES) {
                buffer.getBytes(index, in, 0, length);
            }
        }

        @Override
        public void close() {
            pingFile.close();
            pongFile.close();
        }
    }

    private static final class PongSide implements Ponger {
        private final AgronaRingKind.Mapped pingFile;
        private final AgronaRingKind.Mapped pongFile;
        private final RingBuffer ping;
        private final RingBuffer pong;
        private final SpinWait spin;
        private final MessageHandler echo = this::onPing;
        private long echoed;

        PongSide(AgronaRingKind.Mapped ping, AgronaRingKind.Mapped pong, PeerWatch watch) {
            this.pingFile = ping;
            this.pongFile = pong;
            this.ping = ping.ring();
            this.pong = pong.ring();
            this.spin = new SpinWait(watch);
        }

        @Override
        public void echo(long sequence) {
            while (ping.read(echo, 1) == 0) {
                spin.idle();
            }
            if (echoed != sequence) {
                throw new IllegalStateException("expected ping " + sequence + " but got " + echoed);
            }
        }

        private void onPing(int type, MutableDirectBuffer buffer, int index, int length) {
            echoed = buffer.getLong(index);
            while (!pong.write(type, buffer, index, length)) {
                spin.idle();
            }
        }

        @Override
        public void close() {
            pingFile.close();
            pongFile.close();
        }
    }
}

package io.mproc.bench.channel.socket;

import io.mproc.bench.channel.ChannelSpec;
import io.mproc.bench.channel.CostedChannel;
import io.mproc.bench.channel.Payloads;
import io.mproc.bench.channel.PeerWatch;
import io.mproc.bench.channel.PingPongChannel;
import io.mproc.bench.channel.Pinger;
import io.mproc.bench.channel.Ponger;
import io.mproc.bench.channel.SpinWait;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;

/**
 * Round trips over one connected stream socket (Unix-domain or TCP on loopback): the pinger
 * writes the payload (the sequence in its first 8 bytes) from a direct buffer, the ponger reads
 * all of it and writes the same bytes back, the pinger reads the echo into its own buffer. Both
 * sides busy-spin on non-blocking reads (no selector, no sleeping in the kernel), so a round trip
 * costs the system calls and the kernel's copies, not a scheduler wake-up: the best the socket
 * can do with a core per side, as the rings are measured.
 */
public final class SocketPingPong extends CostedChannel implements PingPongChannel {

    /** Largest payload: the socket carries any size, the bench uses 8 B and 1 KiB. */
    static final int MAX_PAYLOAD_BYTES = 64 * 1024;
    /** Several µs per round trip against a ring's few hundred ns: see {@link #relativeCost()}. */
    static final int RELATIVE_COST = 16;

    private final SocketKind kind;

    public SocketPingPong(String name, SocketKind kind) {
        super(name, RELATIVE_COST, MAX_PAYLOAD_BYTES);
        this.kind = kind;
    }

    @Override
    public Pinger openPinger(ChannelSpec spec, PeerWatch watch) throws IOException {
        Payloads.requireCarried(this, spec, MAX_PAYLOAD_BYTES);
        return new PingSide(kind.listen(spec.file(kind.suffix())), spec.payloadBytes(), watch);
    }

    @Override
    public Ponger openPonger(ChannelSpec spec, PeerWatch watch) throws IOException {
        Payloads.requireCarried(this, spec, MAX_PAYLOAD_BYTES);
        return new PongSide(kind.connect(spec.file(kind.suffix())), spec.payloadBytes(), watch);
    }

    /** The bench side: listens, and takes the peer's connection on the first round trip. */
    private static final class PingSide implements Pinger {
        private final Listener listener;
        private final ByteBuffer out;
        private final ByteBuffer in;
        private final SpinWait spin;
        private SocketChannel socket;

        PingSide(Listener listener, int length, PeerWatch watch) {
            this.listener = listener;
            this.out = ByteBuffer.allocateDirect(length);
            this.in = ByteBuffer.allocateDirect(length);
            this.spin = new SpinWait(watch);
        }

        @Override
        public void roundTrip(long sequence) {
            if (socket == null) {
                socket = listener.accept(spin);
            }
            out.clear().putLong(0, sequence);
            SpinningSocket.writeFully(socket, out, spin);
            SpinningSocket.readFully(socket, in.clear(), spin);
            long received = in.getLong(0);
            if (received != sequence) {
                throw new IllegalStateException("sent " + sequence + " but the echo carried " + received);
            }
        }

        @Override
        public void close() {
            try {
                if (socket != null) {
                    socket.close();
                }
            } catch (IOException ignored) {
                // closing a socket whose peer is gone: nothing left to release
            } finally {
                listener.close();
            }
        }
    }

    /** The peer side: reads each whole ping and writes the same bytes back. */
    private static final class PongSide implements Ponger {
        private final SocketChannel socket;
        private final ByteBuffer message;
        private final SpinWait spin;

        PongSide(SocketChannel socket, int length, PeerWatch watch) {
            this.socket = socket;
            this.message = ByteBuffer.allocateDirect(length);
            this.spin = new SpinWait(watch);
        }

        @Override
        public void echo(long sequence) {
            SpinningSocket.readFully(socket, message.clear(), spin);
            long received = message.getLong(0);
            if (received != sequence) {
                throw new IllegalStateException("expected ping " + sequence + " but got " + received);
            }
            SpinningSocket.writeFully(socket, message.flip(), spin);
        }

        @Override
        public void close() {
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing a socket whose peer is gone: nothing left to release
            }
        }
    }
}

package io.mproc.bench.channel.stdio;

import io.mproc.bench.channel.ChannelSpec;
import io.mproc.bench.channel.CostedChannel;
import io.mproc.bench.channel.Payloads;
import io.mproc.bench.channel.PeerWatch;
import io.mproc.bench.channel.Pinger;
import io.mproc.bench.channel.Ponger;
import io.mproc.bench.channel.SpinWait;
import io.mproc.bench.channel.StdioLink;
import io.mproc.bench.channel.StdioPingPongChannel;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;

/**
 * Round trips over the two anonymous pipes of a child process's standard streams, the oldest
 * IPC there is: the bench JVM writes the payload (the sequence in its first 8 bytes) to the
 * peer's stdin, the peer reads all of it and writes the same bytes to its stdout, the bench JVM
 * reads the echo. Both sides busy-spin on {@code available()} rather than sleeping in
 * {@code read}, so a round trip costs the system calls and copies, not a scheduler wake-up.
 */
public final class PipePingPong extends CostedChannel implements StdioPingPongChannel {

    /** Largest payload: well under a Linux pipe's 64 KiB, so a message never waits for room. */
    static final int MAX_PAYLOAD_BYTES = 16 * 1024;
    /** Several µs per round trip against a ring's few hundred ns: see {@link #relativeCost()}. */
    static final int RELATIVE_COST = 16;


    public PipePingPong(String name) {
        super(name, RELATIVE_COST, MAX_PAYLOAD_BYTES);
    }

    @Override
    public Pinger openPinger(ChannelSpec spec, PeerWatch watch, StdioLink peer) {
        Payloads.requireCarried(this, spec, MAX_PAYLOAD_BYTES);
        return new Side(peer, spec.payloadBytes(), watch);
    }

    @Override
    public Ponger openPonger(ChannelSpec spec, PeerWatch watch, StdioLink own) {
        Payloads.requireCarried(this, spec, MAX_PAYLOAD_BYTES);
        return new Side(own, spec.payloadBytes(), watch);
    }

    /** Either end: the pinger writes then reads, the ponger reads then writes the same bytes. */
    private static final class Side implements Pinger, Ponger {
        private final InputStream in;
        private final OutputStream out;
        private final int length;
        private final byte[] message;
        private final ByteBuffer view;
        private final SpinWait spin;

        Side(StdioLink link, int length, PeerWatch watch) {
            this.in = link.in();
            this.out = link.out();
            this.length = length;
            this.message = new byte[length];
            this.view = ByteBuffer.wrap(message);
            this.spin = new SpinWait(watch);
        }

        @Override
        public void roundTrip(long sequence) {
            view.putLong(0, sequence);
            SpinningPipe.write(out, message, length);
            SpinningPipe.readFully(in, message, length, spin);
            long received = view.getLong(0);
            if (received != sequence) {
                throw new IllegalStateException("sent " + sequence + " but the echo carried " + received);
            }
        }

        @Override
        public void echo(long sequence) {
            SpinningPipe.readFully(in, message, length, spin);
            long received = view.getLong(0);
            if (received != sequence) {
                throw new IllegalStateException("expected ping " + sequence + " but got " + received);
            }
            SpinningPipe.write(out, message, length);
        }

        @Override
        public void close() {
            SpinningPipe.close(in, out);
        }
    }
}

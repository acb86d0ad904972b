package io.mproc.bench.channel.primitives;

import io.mproc.bench.channel.ChannelSpec;
import io.mproc.bench.channel.CostedChannel;
import io.mproc.bench.channel.PeerGoneException;
import io.mproc.bench.channel.PeerWatch;
import io.mproc.bench.channel.PingPongChannel;
import io.mproc.bench.channel.Pinger;
import io.mproc.bench.channel.Ponger;
import io.mproc.bench.channel.mproc.Waiting;
import io.mproc.codec.Codecs;
import io.mproc.memory.RegionNamespace;
import io.mproc.pipe.Connection;
import io.mproc.pipe.Pipe;
import io.mproc.pipe.PipeOptions;

import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Round trips through one duplex {@link Pipe}: the pinger holds the first end and sends the
 * payload with {@code sendBytes}, the ponger attaches the second end, receives it with
 * {@code recvBytesInto} into its own array and sends it back the same way. That is the
 * cheapest path the pipe offers (no codec, no object); the receive still copies the message
 * out of the ring into a fresh array before {@code recvBytesInto} copies it into the caller's.
 *
 * <p>Each side waits with Python's idiom, {@code poll(timeout)} and then receive, so that the
 * {@link PeerWatch} is consulted between {@link PrimitiveSides#SLICE} slices; the pipe's own
 * wait strategy is the channel's {@link Waiting}. A peer that died or closed its end shows as
 * the end of file, reported as {@link PeerGoneException}.
 */
public final class MprocPipePingPong extends CostedChannel implements PingPongChannel {

    /** The largest payload carried: one record of the pipe's default ring (an eighth of it). */
    static final int MAX_MESSAGE_BYTES = 4096;
    private static final String PIPE = "pipe";
    private static final VarHandle SEQUENCE = MethodHandles.byteArrayViewVarHandle(long[].class,
        ByteOrder.nativeOrder());

    private final Waiting waiting;

    public MprocPipePingPong(String name, Waiting waiting) {
        super(name, 1, MAX_MESSAGE_BYTES);
        this.waiting = waiting;
    }

    @Override
    public boolean blocks() {
        return waiting.blocks();
    }

    @Override
    public Pinger openPinger(ChannelSpec spec, PeerWatch watch) {
        PrimitiveSides.requireCarried(this, spec);
        PipeOptions options = PipeOptions.defaults().withWaitStrategy(waiting.strategy());
        return PrimitiveSides.open(spec, namespace -> new PingSide(namespace,
            Pipe.duplex(namespace, PIPE, options).first(), spec.payloadBytes(), watch));
    }

    @Override
    public Ponger openPonger(ChannelSpec spec, PeerWatch watch) {
        PrimitiveSides.requireCarried(this, spec);
        return PrimitiveSides.open(spec, namespace -> new PongSide(namespace,
            Pipe.attachEnd(namespace, PIPE, 1, Codecs.standard(), waiting.strategy()), spec.payloadBytes(), watch));
    }

    /** Receives the next message into {@code buffer}, waiting a slice at a time; returns its length. */
    private static int receive(Connection end, byte[] buffer, PeerWatch watch) throws IOException {
        while (!end.poll(PrimitiveSides.SLICE)) {
            watch.check();
        }
        try {
            return end.recvBytesInto(buffer);
        } catch (EOFException peerGone) {
            throw new PeerGoneException(peerGone.getMessage());
        }
    }

    /** One end and the namespace it lives in. */
    private abstract static class Side implements AutoCloseable {
        final RegionNamespace namespace;
        final Connection end;
        final byte[] buffer;
        final PeerWatch watch;

        Side(RegionNamespace namespace, Connection end, int length, PeerWatch watch) {
            this.namespace = namespace;
            this.end = end;
            this.buffer = new byte[length];
            this.watch = watch;
        }

        @Override
        public void close() {
            end.close();
            namespace.close();
        }
    }

    /** The bench side: creates the pipe and holds its first end. */
    private static final class PingSide extends Side implements Pinger {
        private final byte[] echo;

        PingSide(RegionNamespace namespace, Connection end, int length, PeerWatch watch) {
            super(namespace, end, length, watch);
            this.echo = new byte[length];
        }

        @Override
        public void roundTrip(long sequence) {
            SEQUENCE.set(buffer, 0, sequence);
            try {
                end.sendBytes(buffer);
                int length = receive(end, echo, watch);
                long echoed = (long) SEQUENCE.get(echo, 0);
                if (length != buffer.length || echoed != sequence) {
                    throw new IllegalStateException("sent " + sequence + " in " + buffer.length
                        + " bytes but the echo carried " + echoed + " in " + length);
                }
            } catch (IOException failed) {
                throw new UncheckedIOException(failed);
            }
        }
    }

    /** The peer side: attaches the second end and sends back what it receives. */
    private static final class PongSide extends Side implements Ponger {
        PongSide(RegionNamespace namespace, Connection end, int length, PeerWatch watch) {
            super(namespace, end, length, watch);
        }

        @Override
        public void echo(long sequence) {
            try {
                int length = receive(end, buffer, watch);
                long received = (long) SEQUENCE.get(buffer, 0);
                if (received != sequence) {
                    throw new IllegalStateException("expected ping " + sequence + " but got " + received);
                }
                end.sendBytes(buffer, 0, length);
            } catch (IOException failed) {
                throw new UncheckedIOException(failed);
            }
        }
    }
}

package io.mproc.bench.channel.socket;

import io.mproc.bench.channel.ChannelSpec;
import io.mproc.bench.channel.CostedChannel;
import io.mproc.bench.channel.Payloads;
import io.mproc.bench.channel.PeerWatch;
import io.mproc.bench.channel.SpinWait;
import io.mproc.bench.channel.StreamChannel;
import io.mproc.bench.channel.StreamConsumer;
import io.mproc.bench.channel.StreamProducer;
import io.mproc.bench.channel.ValueFrames;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;

/**
 * One-way stream of 8-byte values over one connected stream socket: the producer peer writes
 * each value with its own {@code write(2)} (unbuffered, so every message is on its way when
 * {@code send} returns, as with a ring), spinning while the socket's send buffer is full; the
 * consumer reads whatever has arrived, up to {@link #READ_BYTES} at a time, and checks every
 * value.
 */
public final class SocketStream extends CostedChannel implements StreamChannel {

    /** Bytes the consumer reads at most per system call: 1024 values, as a ring's drain batch. */
    static final int READ_BYTES = 1024 * Long.BYTES;
    /**
     * Time per message against a ring's: a system call on each side per message, and both sides
     * contend for the socket's locks (µs per message against a ring's tens of ns). See
     * {@link #relativeCost()}.
     */
    static final int RELATIVE_COST = 128;

    private final SocketKind kind;

    public SocketStream(String name, SocketKind kind) {
        super(name, RELATIVE_COST);
        this.kind = kind;
    }

    @Override
    public StreamConsumer openConsumer(ChannelSpec spec, PeerWatch watch) throws IOException {
        Payloads.requireEightBytes(this, spec);
        return new Consumer(kind.listen(spec.file(kind.suffix())));
    }

    @Override
    public StreamProducer openProducer(ChannelSpec spec, PeerWatch watch) throws IOException {
        Payloads.requireEightBytes(this, spec);
        return new Producer(kind.connect(spec.file(kind.suffix())), watch);
    }

    private static final class Producer implements StreamProducer {
        private final SocketChannel socket;
        private final ByteBuffer value = ByteBuffer.allocateDirect(Long.BYTES);
        private final SpinWait spin;

        Producer(SocketChannel socket, PeerWatch watch) {
            this.socket = socket;
            this.spin = new SpinWait(watch);
        }

        @Override
        public void send(long v) {
            SpinningSocket.writeFully(socket, value.clear().putLong(0, v), spin);
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

    /** The bench side: listens, takes the peer's connection when it has come, then reads. */
    private static final class Consumer implements StreamConsumer {
        private final Listener listener;
        private final ValueFrames frames = new ValueFrames(ByteBuffer.allocateDirect(READ_BYTES));
        private SocketChannel socket;

        Consumer(Listener listener) {
            this.listener = listener;
        }

        @Override
        public int drain(int limit) {
            if (socket == null && (socket = listener.tryAccept()) == null) {
                return 0;
            }
            if (!frames.hasValue()) {
                SpinningSocket.read(socket, frames.space());
                frames.filled();
            }
            return frames.take(limit);
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
}

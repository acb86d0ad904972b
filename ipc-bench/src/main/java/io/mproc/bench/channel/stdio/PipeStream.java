package io.mproc.bench.channel.stdio;

import io.mproc.bench.channel.ChannelSpec;
import io.mproc.bench.channel.CostedChannel;
import io.mproc.bench.channel.Payloads;
import io.mproc.bench.channel.PeerWatch;
import io.mproc.bench.channel.StdioLink;
import io.mproc.bench.channel.StdioStreamChannel;
import io.mproc.bench.channel.StreamConsumer;
import io.mproc.bench.channel.StreamProducer;
import io.mproc.bench.channel.ValueFrames;

import java.nio.ByteBuffer;

/**
 * One-way stream of 8-byte values through the peer's stdout: the producer peer writes each value
 * with its own {@code write(2)} (unbuffered, so every message is in the pipe when {@code send}
 * returns, as with a ring; it sleeps in the kernel only while the pipe is full); the bench JVM
 * reads whatever has arrived, up to {@link #READ_BYTES} at a time, spinning on
 * {@code available()}, and checks every value.
 */
public final class PipeStream extends CostedChannel implements StdioStreamChannel {

    /** Bytes the consumer reads at most per system call: 1024 values, as a ring's drain batch. */
    static final int READ_BYTES = 1024 * Long.BYTES;
    /** Time per message against a ring's: a system call per message. See {@link #relativeCost()}. */
    static final int RELATIVE_COST = 32;


    public PipeStream(String name) {
        super(name, RELATIVE_COST);
    }

    @Override
    public StreamConsumer openConsumer(ChannelSpec spec, PeerWatch watch, StdioLink peer) {
        Payloads.requireEightBytes(this, spec);
        return new Consumer(peer);
    }

    @Override
    public StreamProducer openProducer(ChannelSpec spec, PeerWatch watch, StdioLink own) {
        Payloads.requireEightBytes(this, spec);
        return new Producer(own);
    }

    private static final class Producer implements StreamProducer {
        private final StdioLink own;
        private final byte[] value = new byte[Long.BYTES];
        private final ByteBuffer view = ByteBuffer.wrap(value);

        Producer(StdioLink own) {
            this.own = own;
        }

        @Override
        public void send(long v) {
            view.putLong(0, v);
            SpinningPipe.write(own.out(), value, Long.BYTES);
        }

        @Override
        public void close() {
            SpinningPipe.close(own.in(), own.out());
        }
    }

    private static final class Consumer implements StreamConsumer {
        private final StdioLink peer;
        private final ValueFrames frames = new ValueFrames(ByteBuffer.allocate(READ_BYTES));

        Consumer(StdioLink peer) {
            this.peer = peer;
        }

        @Override
        public int drain(int limit) {
            if (!frames.hasValue()) {
                ByteBuffer space = frames.space();
                int n = SpinningPipe.readAvailable(peer.in(), space.array(), space.arrayOffset() + space.position(),
                    space.remaining());
                space.position(space.position() + n);
                frames.filled();
            }
            return frames.take(limit);
        }

        @Override
        public void close() {
            SpinningPipe.close(peer.in(), peer.out());
        }
    }
}

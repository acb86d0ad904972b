package io.mproc.bench.channel.agrona;

import io.mproc.bench.channel.ChannelSpec;
import io.mproc.bench.channel.PeerWatch;
import io.mproc.bench.channel.SpinWait;
import io.mproc.bench.channel.StreamChannel;
import io.mproc.bench.channel.StreamConsumer;
import io.mproc.bench.channel.StreamProducer;
import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.MessageHandler;
import org.agrona.concurrent.UnsafeBuffer;
import org.agrona.concurrent.ringbuffer.RingBuffer;

import java.io.IOException;

/**
 * One-way stream of 8-byte values through a raw Agrona ring buffer on a mapped file: the
 * producer peer {@code write}s from its own {@link UnsafeBuffer}, spinning while full; the
 * consumer {@code read}s in batches of up to {@link #BATCH} and checks every value. Same ring
 * size and batch as {@code MprocRingStream}.
 */
public final class AgronaRingStream implements StreamChannel {

    static final int CAPACITY = 64 * 1024;
    static final int BATCH = 1024;
    private static final int TYPE = 1;

    private final String name;
    private final AgronaRingKind kind;

    public AgronaRingStream(String name, AgronaRingKind kind) {
        this.name = name;
        this.kind = kind;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public StreamConsumer openConsumer(ChannelSpec spec, PeerWatch watch) throws IOException {
        requireEightBytes(spec);
        return new Consumer(kind.create(spec.file(".agrona-stream"), CAPACITY));
    }

    @Override
    public StreamProducer openProducer(ChannelSpec spec, PeerWatch watch) throws IOException {
        requireEightBytes(spec);
        return new Producer(kind.open(spec.file(".agrona-stream"), CAPACITY), watch);
    }

    private void requireEightBytes(ChannelSpec spec) {
        if (spec.payloadBytes() != Long.BYTES) {
            throw new IllegalArgumentException(name + " streams 8-byte values, not " + spec.payloadBytes() + " bytes");
        }
    }

    private static final class Producer implements StreamProducer {
        private final AgronaRingKind.Mapped file;
        private final RingBuffer ring;
        private final UnsafeBuffer value = new UnsafeBuffer(new byte[Long.BYTES]);
        private final SpinWait spin;

        Producer(AgronaRingKind.Mapped file, PeerWatch watch) {
            this.file = file;
            this.ring = file.ring();
            this.spin = new SpinWait(watch);
        }

        @Override
        public void send(long v) {
            value.putLong(0, v);
            while (!ring.write(TYPE, value, 0, Long.BYTES)) {
                spin.idle();
            }
        }

        @Override
        public void close() {
            file.close();
        }
    }

    private static final class Consumer implements StreamConsumer {
        private final AgronaRingKind.Mapped file;
        private final RingBuffer ring;
        private final MessageHandler check = this::onValue;
        private long expected = 1;

        Consumer(AgronaRingKind.Mapped file) {
            this.file = file;
            this.ring = file.ring();
        }

        @Override
        public int drain(int limit) {
            return ring.read(check, Math.min(limit, BATCH));
        }

        private void onValue(int type, MutableDirectBuffer buffer, int index, int length) {
            long value = buffer.getLong(index);
            if (value != expected || length != Long.BYTES) {
                throw new IllegalStateException("expected " + expected + " but read " + value + " (" + length + " bytes)");
            }
            expected++;
        }

        @Override
        public void close() {
            file.close();
        }
    }
}

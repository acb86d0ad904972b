package io.mproc.bench.channel.mproc;

import io.mproc.bench.channel.ChannelSpec;
import io.mproc.bench.channel.PeerWatch;
import io.mproc.bench.channel.SpinWait;
import io.mproc.bench.channel.StreamChannel;
import io.mproc.bench.channel.StreamConsumer;
import io.mproc.bench.channel.StreamProducer;
import io.mproc.memory.RegionNamespace;
import io.mproc.ring.MessageHandler;
import io.mproc.ring.MessageRing;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * One-way stream of 8-byte values through one mproc ring: the producer peer either
 * {@code offer}s from its own segment (a copy) or, with {@code claim}, writes in place through
 * {@code tryClaim} / {@code buffer()} / {@code commit} (zero-copy); it spins while the ring is
 * full. The consumer drains in batches of up to {@link #BATCH} and checks every value.
 */
public final class MprocRingStream implements StreamChannel {

    static final int CAPACITY_BYTES = 64 * 1024;
    /**
     * Spec option: the ring's data bytes, if not {@link #CAPACITY_BYTES} (a power of two). The
     * fixed-rate suite gives the ring room for milliseconds of messages, as a latency user would.
     */
    public static final String CAPACITY_OPTION = "ring-bytes";
    /** The most messages one drain hands over: a fraction of the ring, so the producer rarely stalls. */
    static final int BATCH = 1024;
    private static final int MAX_MESSAGE_LENGTH = 1024;
    private static final int MPMC_MAX_MESSAGE_LENGTH = 40;
    private static final int TYPE = 1;
    private static final String RING = "stream";
    private static final ValueLayout.OfLong VALUE = ValueLayout.JAVA_LONG_UNALIGNED;

    private final String name;
    private final RingKind kind;
    private final boolean claim;

    public MprocRingStream(String name, RingKind kind, boolean claim) {
        this.name = name;
        this.kind = kind;
        this.claim = claim;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public StreamConsumer openConsumer(ChannelSpec spec, PeerWatch watch) {
        requireEightBytes(spec);
        RegionNamespace namespace = RegionNamespace.open(spec.dir(), spec.id());
        try {
            // An MPMC ring has fixed slots of the largest message: one cache line each here.
            int maxLength = kind == RingKind.MPMC ? MPMC_MAX_MESSAGE_LENGTH : MAX_MESSAGE_LENGTH;
            int capacity = Integer.parseInt(spec.option(CAPACITY_OPTION, Integer.toString(CAPACITY_BYTES)));
            return new Consumer(namespace, kind.create(namespace, RING, capacity, maxLength));
        } catch (RuntimeException failed) {
            namespace.close();
            throw failed;
        }
    }

    @Override
    public StreamProducer openProducer(ChannelSpec spec, PeerWatch watch) {
        requireEightBytes(spec);
        RegionNamespace namespace = RegionNamespace.open(spec.dir(), spec.id());
        try {
            MessageRing ring = kind.attach(namespace, RING);
            return claim ? new ClaimingProducer(namespace, ring, watch) : new OfferingProducer(namespace, ring, watch);
        } catch (RuntimeException failed) {
            namespace.close();
            throw failed;
        }
    }

    private void requireEightBytes(ChannelSpec spec) {
        if (spec.payloadBytes() != Long.BYTES) {
            throw new IllegalArgumentException(name + " streams 8-byte values, not " + spec.payloadBytes() + " bytes");
        }
    }

    /** {@code offer}: the value is copied from the producer's own segment. */
    private static final class OfferingProducer implements StreamProducer {
        private final RegionNamespace namespace;
        private final MessageRing ring;
        private final SpinWait spin;
        private final MemorySegment value = Arena.ofAuto().allocate(Long.BYTES, Long.BYTES);

        OfferingProducer(RegionNamespace namespace, MessageRing ring, PeerWatch watch) {
            this.namespace = namespace;
            this.ring = ring;
            this.spin = new SpinWait(watch);
        }

        @Override
        public void send(long v) {
            value.set(ValueLayout.JAVA_LONG, 0, v);
            while (!ring.offer(TYPE, value, 0, Long.BYTES)) {
                spin.idle();
            }
        }

        @Override
        public void close() {
            namespace.close();
        }
    }

    /** {@code tryClaim} + {@code buffer()} + {@code commit}: the value is written in place. */
    private static final class ClaimingProducer implements StreamProducer {
        private final RegionNamespace namespace;
        private final MessageRing ring;
        private final MemorySegment buffer;
        private final SpinWait spin;

        ClaimingProducer(RegionNamespace namespace, MessageRing ring, PeerWatch watch) {
            this.namespace = namespace;
            this.ring = ring;
            this.buffer = ring.buffer();
            this.spin = new SpinWait(watch);
        }

        @Override
        public void send(long v) {
            long index;
            while ((index = ring.tryClaim(TYPE, Long.BYTES)) < 0) {
                spin.idle();
            }
            buffer.set(VALUE, index, v);
            ring.commit(index);
        }

        @Override
        public void close() {
            namespace.close();
        }
    }

    private static final class Consumer implements StreamConsumer {
        private final RegionNamespace namespace;
        private final MessageRing ring;
        private final MessageHandler check = this::onValue;
        private long expected = 1;

        Consumer(RegionNamespace namespace, MessageRing ring) {
            this.namespace = namespace;
            this.ring = ring;
        }

        @Override
        public int drain(int limit) {
            return ring.drain(check, Math.min(limit, BATCH));
        }

        private void onValue(int type, MemorySegment buffer, long offset, int length) {
            long value = buffer.get(VALUE, offset);
            // The values are 1, 2, 3...: checking costs a compare and proves nothing was lost.
            if (value != expected || length != Long.BYTES) {
                throw new IllegalStateException("expected " + expected + " but read " + value + " (" + length + " bytes)");
            }
            expected++;
        }

        @Override
        public void close() {
            namespace.close();
        }
    }
}

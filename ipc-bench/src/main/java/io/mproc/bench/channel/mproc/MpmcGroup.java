package io.mproc.bench.channel.mproc;

import io.mproc.bench.channel.ChannelSpec;
import io.mproc.bench.channel.PeerWatch;
import io.mproc.memory.OrderedAccess;
import io.mproc.memory.Region;
import io.mproc.memory.RegionKind;
import io.mproc.memory.RegionNamespace;
import io.mproc.ring.MessageHandler;
import io.mproc.ring.MpmcRing;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * {@value #PRODUCERS} producer processes and {@value #CONSUMERS} consumer processes on one
 * {@link MpmcRing}, 8-byte values: the "MPMC 2×2" throughput. Each value is
 * {@code producer << 48 | sequence}; every consumer checks that each producer's values reach
 * it in increasing order (its share of a FIFO stream), and adds what it took to a shared
 * tally, from which the bench JVM times the run. Waiting sides yield rather than spin: four
 * busy processes share the machine's cores.
 */
public final class MpmcGroup implements AutoCloseable {

    public static final String NAME = "mproc-mpmc-2x2";
    public static final int PRODUCERS = 2;
    public static final int CONSUMERS = 2;
    /** The spec option that tells a producer peer which producer it is. */
    public static final String PRODUCER_OPTION = "producer";

    /** One 64-byte slot per message. */
    private static final int SLOTS = 1024;
    private static final int MAX_MESSAGE_LENGTH = 40;
    private static final int BATCH = 256;
    private static final int TYPE = 1;
    private static final RegionKind TALLY_KIND = new RegionKind("bench.tally", 1);
    /** The tally: messages taken by all consumers (long, getAndAdd by each consumer). */
    private static final long TALLY_OFFSET = 0;
    private static final int SEQUENCE_BITS = 48;
    private static final ValueLayout.OfLong VALUE = ValueLayout.JAVA_LONG_UNALIGNED;

    private final RegionNamespace namespace;
    private final MpmcRing ring;
    private final Region tally;
    private final long[] lastSequence = new long[PRODUCERS];
    private final MessageHandler check = this::onValue;

    private MpmcGroup(RegionNamespace namespace, MpmcRing ring, Region tally) {
        this.namespace = namespace;
        this.ring = ring;
        this.tally = tally;
    }

    /** In the bench JVM, before any peer starts. */
    public static MpmcGroup create(ChannelSpec spec) {
        RegionNamespace namespace = RegionNamespace.open(spec.dir(), spec.id());
        try {
            MpmcRing ring = MpmcRing.create(namespace, "ring", SLOTS, MAX_MESSAGE_LENGTH);
            return new MpmcGroup(namespace, ring, namespace.create("tally", TALLY_KIND, 64, body -> { }));
        } catch (RuntimeException failed) {
            namespace.close();
            throw failed;
        }
    }

    /** In a peer JVM. */
    public static MpmcGroup attach(ChannelSpec spec) {
        RegionNamespace namespace = RegionNamespace.open(spec.dir(), spec.id());
        try {
            return new MpmcGroup(namespace, MpmcRing.attach(namespace, "ring"), namespace.attach("tally", TALLY_KIND));
        } catch (RuntimeException failed) {
            namespace.close();
            throw failed;
        }
    }

    /** Sends {@code count} values as producer {@code producer}. */
    public void produce(int producer, long count, PeerWatch watch) {
        MemorySegment value = Arena.ofAuto().allocate(Long.BYTES, Long.BYTES);
        Idle idle = new Idle(watch);
        for (long sequence = 1; sequence <= count; sequence++) {
            value.set(ValueLayout.JAVA_LONG, 0, (long) producer << SEQUENCE_BITS | sequence);
            while (!ring.offer(TYPE, value, 0, Long.BYTES)) {
                idle.turn();
            }
        }
    }

    /** Takes up to a batch, adds it to the tally, and returns how many it took. */
    public int drain() {
        int taken = ring.drain(check, BATCH);
        if (taken > 0) {
            // Atomic add: both consumers count into the same word.
            OrderedAccess.getAndAddLong(tally.body(), TALLY_OFFSET, taken);
        }
        return taken;
    }

    /** Messages all consumers have taken so far. */
    public long taken() {
        // Acquire: a snapshot; the adds are atomic.
        return OrderedAccess.getLongAcquire(tally.body(), TALLY_OFFSET);
    }

    /** A consumer peer: takes until the consumers together have taken {@code total}. */
    public void consumeUntil(long total, PeerWatch watch) {
        Idle idle = new Idle(watch);
        while (taken() < total) {
            if (drain() == 0) {
                idle.turn();
            }
        }
    }

    private void onValue(int type, MemorySegment buffer, long offset, int length) {
        long value = buffer.get(VALUE, offset);
        int producer = (int) (value >>> SEQUENCE_BITS);
        long sequence = value & ((1L << SEQUENCE_BITS) - 1);
        if (length != Long.BYTES || producer >= PRODUCERS || sequence <= lastSequence[producer]) {
            throw new IllegalStateException("producer " + producer + ": value " + sequence + " after "
                + (producer < PRODUCERS ? lastSequence[producer] : -1) + " (" + length + " bytes)");
        }
        lastSequence[producer] = sequence;
    }

    @Override
    public void close() {
        namespace.close();
    }

    /** Waiting with four busy processes on few cores: give the core away, look at the peers now and then. */
    public static final class Idle {
        private static final int TURNS_PER_CHECK = 1 << 12;
        private final PeerWatch watch;
        private int turnsLeft = TURNS_PER_CHECK;

        public Idle(PeerWatch watch) {
            this.watch = watch;
        }

        public void turn() {
            Thread.yield();
            if (--turnsLeft == 0) {
                turnsLeft = TURNS_PER_CHECK;
                watch.check();
            }
        }
    }
}

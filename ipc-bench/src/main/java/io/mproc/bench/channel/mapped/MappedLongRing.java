package io.mproc.bench.channel.mapped;

import io.mproc.bench.channel.ChannelSpec;
import io.mproc.bench.channel.PeerWatch;
import io.mproc.bench.channel.SpinWait;
import io.mproc.bench.channel.StreamChannel;
import io.mproc.bench.channel.StreamConsumer;
import io.mproc.bench.channel.StreamProducer;

import java.io.IOException;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.VarHandle;

/**
 * The simplest single-producer single-consumer ring of longs in a mapped file: the raw JVM
 * baseline for one-way throughput. The producer writes a slot then release-stores its tail;
 * the consumer acquire-loads the tail, reads every slot up to it, then release-stores its
 * head. Each side caches the other's counter and re-reads it only when it seems stuck, so
 * the two cache lines of counters move only once per batch.
 */
public final class MappedLongRing implements StreamChannel {

    public static final String NAME = "mapped-long-ring";

    private static final long TAIL = 0;      // written by the producer: messages published
    private static final long HEAD = 128;    // written by the consumer: messages taken
    private static final long SLOTS = 256;
    private static final int CAPACITY = 4096; // longs; a power of two (32 KiB fits in L1/L2)
    private static final long SIZE = SLOTS + (long) CAPACITY * Long.BYTES;

    private static final VarHandle LONG = ValueLayout.JAVA_LONG.varHandle();

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public StreamConsumer openConsumer(ChannelSpec spec, PeerWatch watch) throws IOException {
        return new Consumer(MappedFile.create(spec.file(".ring"), SIZE));
    }

    @Override
    public StreamProducer openProducer(ChannelSpec spec, PeerWatch watch) throws IOException {
        return new Producer(MappedFile.open(spec.file(".ring"), SIZE), watch);
    }

    private static long slot(long sequence) {
        return SLOTS + (sequence & (CAPACITY - 1)) * Long.BYTES;
    }

    private static final class Producer implements StreamProducer {
        private final MappedFile file;
        private final MemorySegment memory;
        private final SpinWait spin;
        private long tail;
        private long headSeen;

        Producer(MappedFile file, PeerWatch watch) {
            this.file = file;
            this.memory = file.segment();
            this.spin = new SpinWait(watch);
        }

        @Override
        public void send(long value) {
            while (tail - headSeen >= CAPACITY) {
                headSeen = (long) LONG.getAcquire(memory, HEAD);
                if (tail - headSeen >= CAPACITY) {
                    spin.idle();
                }
            }
            memory.set(ValueLayout.JAVA_LONG, slot(tail), value);
            tail++;
            LONG.setRelease(memory, TAIL, tail);
        }

        @Override
        public void close() {
            file.close();
        }
    }

    private static final class Consumer implements StreamConsumer {
        private final MappedFile file;
        private final MemorySegment memory;
        private long head;
        private long tailSeen;

        Consumer(MappedFile file) {
            this.file = file;
            this.memory = file.segment();
        }

        @Override
        public int drain(int limit) {
            if (tailSeen == head) {
                tailSeen = (long) LONG.getAcquire(memory, TAIL);
                if (tailSeen == head) {
                    return 0;
                }
            }
            int n = (int) Math.min(limit, tailSeen - head);
            for (int i = 0; i < n; i++) {
                long value = memory.get(ValueLayout.JAVA_LONG, slot(head + i));
                // The values are 1, 2, 3...: checking costs a compare and proves nothing was lost.
                if (value != head + i + 1) {
                    throw new IllegalStateException("expected " + (head + i + 1) + " but read " + value);
                }
            }
            head += n;
            LONG.setRelease(memory, HEAD, head);
            return n;
        }

        @Override
        public void close() {
            file.close();
        }
    }
}

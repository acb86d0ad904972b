package io.mproc.bench.channel.chronicle;

import io.mproc.bench.channel.ChannelSpec;
import io.mproc.bench.channel.CostedChannel;
import io.mproc.bench.channel.Payloads;
import io.mproc.bench.channel.PeerWatch;
import io.mproc.bench.channel.StreamChannel;
import io.mproc.bench.channel.StreamConsumer;
import io.mproc.bench.channel.StreamProducer;
import net.openhft.chronicle.queue.ChronicleQueue;
import net.openhft.chronicle.queue.ExcerptAppender;
import net.openhft.chronicle.queue.ExcerptTailer;
import net.openhft.chronicle.wire.DocumentContext;

import java.io.IOException;
import java.nio.file.Path;

/**
 * One-way stream of 8-byte values through a Chronicle Queue in the run's directory: the
 * producer peer appends one document per value; the consumer (bench JVM) tails, up to
 * {@link #BATCH} documents per drain, and checks every value. The queue never fills (it is a
 * journal), so the producer never waits; every value stays in the queue's files until the bench
 * side closes and deletes it.
 */
public final class ChronicleStream extends CostedChannel implements StreamChannel {

    /** Documents read at most per drain, as a ring's drain batch. */
    static final int BATCH = 1024;
    /** Time per message against a ring's (a few hundred ns against tens): see {@link #relativeCost()}. */
    static final int RELATIVE_COST = 16;


    public ChronicleStream(String name) {
        super(name, RELATIVE_COST);
    }

    @Override
    public StreamConsumer openConsumer(ChannelSpec spec, PeerWatch watch) throws IOException {
        Payloads.requireEightBytes(this, spec);
        Path dir = spec.file(".chronicle-stream");
        return new Consumer(ChronicleQueues.open(dir), dir);
    }

    @Override
    public StreamProducer openProducer(ChannelSpec spec, PeerWatch watch) throws IOException {
        Payloads.requireEightBytes(this, spec);
        return new Producer(ChronicleQueues.open(spec.file(".chronicle-stream")));
    }

    private static final class Producer implements StreamProducer {
        private final ChronicleQueue queue;
        private ExcerptAppender appender;

        Producer(ChronicleQueue queue) {
            this.queue = queue;
        }

        @Override
        public void send(long value) {
            if (appender == null) {
                appender = queue.createAppender();
            }
            try (DocumentContext document = appender.writingDocument()) {
                document.wire().bytes().writeLong(value);
            }
        }

        @Override
        public void close() {
            queue.close();
        }
    }

    /** The bench side: created the queue, and deletes it on close. */
    private static final class Consumer implements StreamConsumer {
        private final ChronicleQueue queue;
        private final Path dir;
        private ExcerptTailer tailer;
        private long expected = 1;

        Consumer(ChronicleQueue queue, Path dir) {
            this.queue = queue;
            this.dir = dir;
        }

        @Override
        public int drain(int limit) {
            if (tailer == null) {
                tailer = queue.createTailer();
            }
            int max = Math.min(limit, BATCH);
            int taken = 0;
            while (taken < max && takeOne()) {
                taken++;
            }
            return taken;
        }

        private boolean takeOne() {
            try (DocumentContext document = tailer.readingDocument()) {
                if (!document.isPresent()) {
                    return false;
                }
                long value = document.wire().bytes().readLong();
                if (value != expected) {
                    throw new IllegalStateException("expected " + expected + " but read " + value);
                }
                expected++;
                return true;
            }
        }

        @Override
        public void close() {
            ChronicleQueues.closeAndDelete(queue, dir);
        }
    }
}

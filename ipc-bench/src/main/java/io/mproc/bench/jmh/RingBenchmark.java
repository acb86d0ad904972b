package io.mproc.bench.jmh;

import io.mproc.memory.RegionNamespace;
import io.mproc.ring.MessageHandler;
import io.mproc.ring.MessageRing;
import io.mproc.ring.MpmcRing;
import io.mproc.ring.MpscRing;
import io.mproc.ring.SpscRing;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.Blackhole;

import java.io.IOException;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * The rings' own cost per message, one thread, nothing contended: what a producer and a
 * consumer pay in the ring's code when no other process is in the way (the cross-JVM suites add
 * the cache-line transfers). Each operation writes one 8-byte message and reads it back, so the
 * ring never fills: {@code claimCommitPoll} is the zero-copy path ({@code tryClaim}, write in
 * {@code buffer()}, {@code commit}), {@code offerPoll} the copying one.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class RingBenchmark {

    private static final int CAPACITY_BYTES = 64 * 1024;
    private static final int MAX_MESSAGE_LENGTH = 64;
    private static final ValueLayout.OfLong VALUE = ValueLayout.JAVA_LONG_UNALIGNED;

    /** Which ring: one producer and one consumer, many producers, or many of both. */
    @Param({"spsc", "mpsc", "mpmc"})
    public String ring;

    private Path dir;
    private RegionNamespace namespace;
    private MessageRing messages;
    private MemorySegment buffer;
    private final MemorySegment source = MemorySegment.ofArray(new long[1]);
    private long sum;
    private final MessageHandler reader = (type, segment, offset, length) -> sum += segment.get(VALUE, offset);
    private long next;

    /** Creates the ring in a namespace of its own under /dev/shm (the temp dir without it). */
    @Setup(Level.Trial)
    public void open() throws IOException {
        Path shm = Path.of("/dev/shm");
        dir = Files.isDirectory(shm) ? Files.createTempDirectory(shm, "mproc-jmh-") : Files.createTempDirectory("mproc-jmh-");
        namespace = RegionNamespace.open(dir, "jmh");
        messages = switch (ring) {
            case "spsc" -> SpscRing.create(namespace, "ring", CAPACITY_BYTES, MAX_MESSAGE_LENGTH);
            case "mpsc" -> MpscRing.create(namespace, "ring", CAPACITY_BYTES, MAX_MESSAGE_LENGTH);
            case "mpmc" -> MpmcRing.create(namespace, "ring", 1024, MAX_MESSAGE_LENGTH);
            default -> throw new IllegalArgumentException("ring=" + ring + " (expected: spsc, mpsc or mpmc)");
        };
        buffer = messages.buffer();
    }

    /** Unmaps the ring and removes its files. */
    @TearDown(Level.Trial)
    public void close() throws IOException {
        messages.close();
        namespace.close();
        Files.deleteIfExists(dir);
    }

    /** Zero-copy: claim 8 bytes, write the value in place, commit, then read it back. */
    @Benchmark
    public long claimCommitPoll() {
        long index = messages.tryClaim(1, Long.BYTES);
        buffer.set(VALUE, index, ++next);
        messages.commit(index);
        messages.poll(reader);
        return sum;
    }

    /** Copying: offer 8 bytes from a heap segment, then read them back. */
    @Benchmark
    public void offerPoll(Blackhole hole) {
        source.set(ValueLayout.JAVA_LONG, 0, ++next);
        hole.consume(messages.offer(1, source, 0, Long.BYTES));
        messages.poll(reader);
        hole.consume(sum);
    }
}

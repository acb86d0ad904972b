package io.mproc.bench.jmh;

import io.mproc.codec.Codec;
import io.mproc.codec.Codecs;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.concurrent.TimeUnit;

/**
 * What the codecs cost per element, in and out of off-heap memory like a ring's: {@code encode}
 * is a producer's part ({@code encodedLength}, then {@code encode}), {@code decode} a consumer's
 * (it creates the element). Elements: a {@code Long}, a 16-character {@code String}, a record of
 * a long, an int and a short string, and that record through the {@code standard()} codec (a
 * queue's default), which tags it.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class CodecBenchmark {

    /** A small message as an application would send it. */
    public record Order(long id, int quantity, String symbol) {
    }

    @Param({"long", "string", "record", "standard-record"})
    public String element;

    private Codec<Object> codec;
    private Object value;
    private MemorySegment target;
    private int length;

    /** Picks the codec and element, and encodes it once for {@link #decode()}. */
    @Setup(Level.Trial)
    @SuppressWarnings("unchecked")
    public void prepare() {
        switch (element) {
            case "long" -> {
                codec = (Codec<Object>) (Codec<?>) Codecs.longs();
                value = 1_234_567L;
            }
            case "string" -> {
                codec = (Codec<Object>) (Codec<?>) Codecs.strings();
                value = "orders/2026-11-24";
            }
            case "record" -> {
                codec = (Codec<Object>) (Codec<?>) Codecs.record(Order.class);
                value = new Order(42, 100, "MPRC");
            }
            case "standard-record" -> {
                codec = Codecs.standard();
                value = new Order(42, 100, "MPRC");
            }
            default -> throw new IllegalArgumentException("element=" + element
                + " (expected: long, string, record or standard-record)");
        }
        target = Arena.ofAuto().allocate(256, 8);
        length = codec.encodedLength(value);
        codec.encode(value, target, 0);
    }

    /** A producer's part: the exact length, then the bytes. */
    @Benchmark
    public int encode() {
        int n = codec.encodedLength(value);
        codec.encode(value, target, 0);
        return n;
    }

    /** A consumer's part: the element, created from the bytes. */
    @Benchmark
    public Object decode() {
        return codec.decode(target, 0, length);
    }
}

package io.mproc.pipe;

import io.mproc.codec.Codec;
import io.mproc.memory.RegionNamespace;
import io.mproc.memory.RegionNotFoundException;
import io.mproc.ring.SpscRing;
import io.mproc.wait.WaitStrategy;
import java.util.Objects;

/**
 * Python's {@code multiprocessing.Pipe()}: two connected {@link Connection} ends, usually one
 * per process. A duplex pipe ({@link #duplex}) sends both ways, over one single-producer,
 * single-consumer ring per direction; a one-way pipe ({@link #oneWay}) has a reader
 * ({@link #first()}, as in Python's {@code (r, w)}) and a writer ({@link #second()}).
 *
 * <p>A pipe named {@code p} is the regions {@code p.pipe} (state: which ends are closed and
 * which process holds each, {@link PipeStateLayout}), {@code p.1} (the second end's messages)
 * and, when duplex, {@code p.0}; they are removed when the creating namespace is closed. The
 * other process gets its end as a serialized handle (a process argument, a queue element) or
 * attaches it by name ({@link #attachEnd}).
 *
 * @param first  the first end (the reader of a one-way pipe)
 * @param second the second end (the writer of a one-way pipe)
 */
public record Pipe(Connection first, Connection second) {

    /** A duplex pipe with default options. */
    public static Pipe duplex(RegionNamespace namespace, String name) {
        return duplex(namespace, name, PipeOptions.defaults());
    }

    /** A duplex pipe: both ends send and receive. */
    public static Pipe duplex(RegionNamespace namespace, String name, PipeOptions options) {
        return create(namespace, name, true, options);
    }

    /** A one-way pipe with default options: {@link #first()} reads what {@link #second()} writes. */
    public static Pipe oneWay(RegionNamespace namespace, String name) {
        return oneWay(namespace, name, PipeOptions.defaults());
    }

    /** A one-way pipe: {@link #first()} reads what {@link #second()} writes. */
    public static Pipe oneWay(RegionNamespace namespace, String name, PipeOptions options) {
        return create(namespace, name, false, options);
    }

    /** The reader of a one-way pipe ({@link #first()}). */
    public Connection reader() {
        return first;
    }

    /** The writer of a one-way pipe ({@link #second()}). */
    public Connection writer() {
        return second;
    }

    private static Pipe create(RegionNamespace namespace, String name, boolean duplex, PipeOptions options) {
        Objects.requireNonNull(namespace, "namespace");
        int maxMessage = options.ringBytes() / 8;
        // Twice the room a sender may fill ({@link Connection}): what a receiver holds until its
        // next receive never blocks a sender once everything sent was read.
        int capacity = 2 * options.ringBytes();
        SpscRing zero = duplex ? SpscRing.create(namespace, name + ".0", capacity, maxMessage) : null;
        SpscRing one = SpscRing.create(namespace, name + ".1", capacity, maxMessage);
        PipeState state = PipeState.create(namespace, name, duplex, options.ringBytes());
        return new Pipe(new Connection(namespace, name, 0, state, zero, one, options.codec(), options.waitStrategy()),
            new Connection(namespace, name, 1, state, one, zero, options.codec(), options.waitStrategy()));
    }

    /**
     * Attaches end {@code end} (0 = first, 1 = second) of the pipe {@code name}, which this
     * process then holds (its peer's end of file follows this process's life from now on).
     * {@code codec} must be the pipe's.
     *
     * @throws RegionNotFoundException if there is no such pipe
     */
    public static Connection attachEnd(RegionNamespace namespace, String name, int end, Codec<Object> codec,
                                       WaitStrategy waitStrategy) {
        if (end != 0 && end != 1) {
            throw new IllegalArgumentException("end=" + end + " (expected: 0 or 1)");
        }
        PipeState state = PipeState.attach(namespace, name);
        SpscRing zero = state.duplex() ? SpscRing.attach(namespace, name + ".0") : null;
        SpscRing one = SpscRing.attach(namespace, name + ".1");
        state.hold(end, PipeState.ME);
        return end == 0
            ? new Connection(namespace, name, 0, state, zero, one, codec, waitStrategy)
            : new Connection(namespace, name, 1, state, one, zero, codec, waitStrategy);
    }
}

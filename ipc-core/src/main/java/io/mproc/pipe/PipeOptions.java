package io.mproc.pipe;

import io.mproc.codec.Codec;
import io.mproc.codec.Codecs;
import io.mproc.wait.WaitStrategy;
import java.util.Objects;

/**
 * How a {@link Pipe} is made and how this process waits on it.
 *
 * @param ringBytes    bytes a sender may have in flight in each direction, a power of two from
 *                     1 KiB to 512 MiB (the ring maps twice that: what a receiver holds until
 *                     its next receive never blocks the sender); a message longer than an
 *                     eighth of it travels in chunks
 * @param codec        how {@link Connection#send} and {@link Connection#recv} encode objects
 *                     (serializable: it travels with the ends)
 * @param waitStrategy how blocked calls of this process wait
 */
public record PipeOptions(int ringBytes, Codec<Object> codec, WaitStrategy waitStrategy) {
    /** The default ring size: 256 KiB per direction, messages of up to 32 KiB in one piece. */
    public static final int DEFAULT_RING_BYTES = 256 * 1024;

    public PipeOptions {
        if (ringBytes < 1024 || ringBytes > (1 << 29) || Integer.bitCount(ringBytes) != 1) {
            throw new IllegalArgumentException("ringBytes=" + ringBytes + " (expected: a power of two from 1024 to 2^29)");
        }
        Objects.requireNonNull(codec, "codec");
        Objects.requireNonNull(waitStrategy, "waitStrategy");
    }

    /** 256 KiB rings, the standard codec, default waiting. */
    public static PipeOptions defaults() {
        return new PipeOptions(DEFAULT_RING_BYTES, Codecs.standard(), WaitStrategy.defaultStrategy());
    }

    public PipeOptions withRingBytes(int newRingBytes) {
        return new PipeOptions(newRingBytes, codec, waitStrategy);
    }

    public PipeOptions withCodec(Codec<Object> newCodec) {
        return new PipeOptions(ringBytes, newCodec, waitStrategy);
    }

    public PipeOptions withWaitStrategy(WaitStrategy newWaitStrategy) {
        return new PipeOptions(ringBytes, codec, newWaitStrategy);
    }
}

package io.mproc.pipe;

import io.mproc.codec.Codec;
import io.mproc.codec.Codecs;
import io.mproc.wait.WaitStrategy;
import java.util.Objects;

/**
 * How a {@link Pipe} is made and how this process waits on it.
 *
 * @param ringBytes    bytes of each direction's ring, a power of two from 1 KiB to 1 GiB; a
 *                     message longer than an eighth of it travels in chunks
 * @param codec        how {@link Connection#send} and {@link Connection#recv} encode objects
 *                     (serializable: it travels with the ends)
 * @param waitStrategy how blocked calls of this process wait
 */
public record PipeOptions(int ringBytes, Codec<Object> codec, WaitStrategy waitStrategy) {
    /** The default ring size: 256 KiB per direction, messages of up to 32 KiB in one piece. */
    public static final int DEFAULT_RING_BYTES = 256 * 1024;

    public PipeOptions {
        if (ringBytes < 1024 || ringBytes > (1 << 30) || Integer.bitCount(ringBytes) != 1) {
            throw new IllegalArgumentException("ringBytes=" + ringBytes + " (expected: a power of two from 1024 to 2^30)");
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

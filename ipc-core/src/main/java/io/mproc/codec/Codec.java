package io.mproc.codec;

import java.lang.foreign.MemorySegment;

/**
 * How an element of type {@code E} becomes the bytes of one message and back.
 *
 * <p>Writing is two calls, made by the same thread in a row for the same element:
 * {@link #encodedLength} first (it does everything that can fail: type checks, serialization
 * into a scratch buffer), then, once the caller has claimed exactly that many bytes in the
 * ring, {@link #encode}. A codec whose {@code encode} throws anyway has its claim aborted by the
 * caller, so no half-written message ever becomes visible.
 *
 * <p>{@link #decode} reads the bytes in place, in the ring's mapped memory: it must copy what
 * it keeps (the bytes are reused once it returns) and must not trust them (a message may come
 * from another program, or be damaged): bad bytes raise a {@link CodecException}.
 *
 * <p>Codecs are shared by all threads of a process, so they must be thread-safe (the built-in
 * ones are stateless, or keep per-thread scratch space). A codec that travels inside a queue or
 * pipe handle to another process must be {@link java.io.Serializable} and allowed by the
 * receiver's {@link SerialFilter}; the built-in ones are.
 *
 * @param <E> the element type
 */
public interface Codec<E> {
    /**
     * The exact number of bytes {@link #encode} will write for {@code element}.
     *
     * @throws CodecException if the element cannot be encoded (the message names its class)
     */
    int encodedLength(E element);

    /**
     * Writes {@code element} at {@code offset} in {@code target}: exactly
     * {@link #encodedLength(Object) encodedLength(element)} bytes, as that call just computed.
     */
    void encode(E element, MemorySegment target, long offset);

    /**
     * Reads the element that {@code length} bytes at {@code offset} in {@code source} encode.
     *
     * @throws CodecException if the bytes are not a valid encoding, or name a class that is not allowed
     */
    E decode(MemorySegment source, long offset, int length);
}

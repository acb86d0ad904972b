package io.mproc.codec;

/**
 * The built-in {@link Codec}s. All are thread-safe, serializable (they travel inside queue and
 * pipe handles) and allowed by every {@link SerialFilter}.
 *
 * <table>
 *   <caption>Which codec to pick</caption>
 *   <tr><th>codec</th><th>elements</th><th>bytes per message</th><th>allocation when writing</th></tr>
 *   <tr><td>{@link #longs()}, {@link #ints()}, {@link #doubles()}</td><td>one boxed type</td>
 *       <td>8, 4, 8</td><td>none</td></tr>
 *   <tr><td>{@link #strings()}</td><td>{@code String}</td><td>its UTF-8</td><td>none</td></tr>
 *   <tr><td>{@link #bytes()}</td><td>{@code byte[]}</td><td>the array</td><td>none</td></tr>
 *   <tr><td>{@link #record(Class)}</td><td>one public record class of primitives, boxes,
 *       {@code String}, {@code byte[]} and such records</td><td>a tag byte per component plus
 *       its value</td><td>boxing of primitive components</td></tr>
 *   <tr><td>{@link #standard()}</td><td>anything: the above tagged, other {@code Serializable}
 *       objects through Java serialization</td><td>a tag byte plus the value</td><td>none for
 *       boxed primitives, {@code String}, {@code byte[]}; serialization buffers otherwise</td></tr>
 *   <tr><td>{@link #serialized()}</td><td>{@code Serializable} objects</td><td>the serialization
 *       stream</td><td>serialization buffers</td></tr>
 * </table>
 *
 * <p>Decoding creates the element, so it allocates (a boxed value, a string, an array). Java
 * deserialization (and the tagged records of {@link #standard()}, which name their class)
 * goes through a {@link SerialFilter}: a class it does not allow is refused before any of its
 * code runs, with a {@link CodecException} naming it.
 */
public final class Codecs {
    private Codecs() {
    }

    /** {@code Long}s as 8 bytes. */
    public static Codec<Long> longs() {
        return ScalarCodecs.LongCodec.INSTANCE;
    }

    /** {@code Integer}s as 4 bytes. */
    public static Codec<Integer> ints() {
        return ScalarCodecs.IntCodec.INSTANCE;
    }

    /** {@code Double}s as 8 bytes. */
    public static Codec<Double> doubles() {
        return ScalarCodecs.DoubleCodec.INSTANCE;
    }

    /** {@code String}s as UTF-8, written straight into the ring. */
    public static Codec<String> strings() {
        return ScalarCodecs.StringCodec.INSTANCE;
    }

    /** {@code byte[]}s as they are. */
    public static Codec<byte[]> bytes() {
        return ScalarCodecs.BytesCodec.INSTANCE;
    }

    /**
     * One public record class, field by field, with no reflection on the hot path and no
     * class name in the message.
     *
     * @throws IllegalArgumentException if {@code type} is not such a record, naming the component
     */
    public static <R extends Record> Codec<R> record(Class<R> type) {
        return new RecordCodec<>(type);
    }

    /**
     * Any element, tagged; Java-serialized objects are read through {@link SerialFilter#standard()}.
     * Typed for the caller's convenience: what is decoded is whatever was sent, so a queue of
     * {@code T} fed another type by some process fails with a {@link ClassCastException} where
     * the element is used (as in Python, nothing checks it in between).
     */
    @SuppressWarnings("unchecked")
    public static <T> Codec<T> standard() {
        return (Codec<T>) STANDARD;
    }

    /** As {@link #standard()}, reading Java-serialized objects and tagged records through {@code filter}. */
    @SuppressWarnings("unchecked")
    public static <T> Codec<T> standard(SerialFilter filter) {
        return (Codec<T>) new StandardCodec(filter);
    }

    /** Java serialization of every element, read through {@link SerialFilter#standard()}. */
    public static <T> Codec<T> serialized() {
        return serialized(SerialFilter.standard());
    }

    /** Java serialization of every element, read through {@code filter}. */
    @SuppressWarnings("unchecked")
    public static <T> Codec<T> serialized(SerialFilter filter) {
        return (Codec<T>) new SerializingCodec(filter);
    }

    private static final Codec<Object> STANDARD = new StandardCodec(SerialFilter.standard());
}

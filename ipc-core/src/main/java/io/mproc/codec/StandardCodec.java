package io.mproc.codec;

import java.io.Serial;
import java.io.Serializable;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.Objects;

/**
 * {@link Codecs#standard()}: any element, tagged ({@link TaggedValues}). Boxed primitives,
 * {@code String}, {@code byte[]} and public records of those are written field by field
 * straight into the ring; anything else {@link Serializable} goes through Java serialization,
 * and decoding it through {@code filter}.
 *
 * @param filter what Java deserialization and tagged records may name
 */
record StandardCodec(SerialFilter filter) implements Codec<Object>, Serializable {
    @Serial
    private static final long serialVersionUID = 1L;

    StandardCodec {
        Objects.requireNonNull(filter, "filter");
    }

    @Override
    public int encodedLength(Object element) {
        if (isSimple(element)) {
            return TaggedValues.length(element);
        }
        if (element instanceof Record && TaggedValues.isTaggable(element, 0)) {
            SerializationScratch.forget();
            return TaggedValues.length(element);
        }
        if (element instanceof Serializable) {
            return 1 + SerializationScratch.prepare(element).length();
        }
        throw new CodecException("cannot encode " + SerialFilter.describe(element)
            + ": not Serializable, and not a boxed primitive, String, byte[] or public record of those");
    }

    @Override
    public void encode(Object element, MemorySegment target, long offset) {
        if (!isSimple(element)) {
            SerializationScratch serialized = SerializationScratch.holding(element);
            if (serialized != null) {
                target.set(ValueLayout.JAVA_BYTE, offset, TaggedValues.SERIALIZED);
                serialized.copyTo(target, offset + 1);
                return;
            }
        }
        TaggedValues.write(element, target, offset);
    }

    @Override
    public Object decode(MemorySegment source, long offset, int length) {
        TaggedValues.Reader reader = new TaggedValues.Reader(source, offset, length, filter);
        byte tag = reader.tag();
        if (tag == TaggedValues.SERIALIZED) {
            byte[] stream = new byte[reader.remaining()];
            MemorySegment.copy(source, ValueLayout.JAVA_BYTE, reader.position(), stream, 0, stream.length);
            return filter.deserialize(stream, 0, stream.length);
        }
        Object value = reader.value(tag, 0);
        if (value == null || !reader.atEnd()) {
            throw reader.damaged(value == null ? "a null element" : "trailing bytes");
        }
        return value;
    }

    private static boolean isSimple(Object element) {
        return element instanceof Long || element instanceof Integer || element instanceof String
            || element instanceof byte[] || element instanceof Double || element instanceof Boolean
            || element instanceof Short || element instanceof Byte || element instanceof Character
            || element instanceof Float;
    }
}

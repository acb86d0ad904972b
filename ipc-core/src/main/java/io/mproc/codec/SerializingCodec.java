package io.mproc.codec;

import java.io.Serial;
import java.io.Serializable;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.Objects;

/**
 * {@link Codecs#serialized}: Java serialization of every element, deserialization through
 * {@code filter}. The message is the serialization stream and nothing else.
 *
 * @param filter what deserialization may create
 */
record SerializingCodec(SerialFilter filter) implements Codec<Object>, Serializable {
    @Serial
    private static final long serialVersionUID = 1L;

    SerializingCodec {
        Objects.requireNonNull(filter, "filter");
    }

    @Override
    public int encodedLength(Object element) {
        if (!(element instanceof Serializable)) {
            throw new CodecException("cannot encode " + SerialFilter.describe(element) + ": not Serializable");
        }
        return SerializationScratch.prepare(element).length();
    }

    @Override
    public void encode(Object element, MemorySegment target, long offset) {
        SerializationScratch serialized = SerializationScratch.holding(element);
        if (serialized == null) {
            serialized = SerializationScratch.prepare(element);
        }
        serialized.copyTo(target, offset);
    }

    @Override
    public Object decode(MemorySegment source, long offset, int length) {
        byte[] stream = new byte[length];
        MemorySegment.copy(source, ValueLayout.JAVA_BYTE, offset, stream, 0, length);
        return filter.deserialize(stream, 0, length);
    }
}

package io.mproc.codec;

import java.io.Serial;
import java.io.Serializable;
import java.lang.foreign.MemorySegment;
import java.util.Objects;
import java.util.Set;

/**
 * {@link Codecs#record}: one public record class, its components tagged one after another
 * ({@link TaggedValues}) with no class name: the type is known on both sides, so decoding
 * looks nothing up by name.
 *
 * @param type the record class
 * @param <R> the record type
 */
record RecordCodec<R extends Record>(Class<R> type) implements Codec<R>, Serializable {
    @Serial
    private static final long serialVersionUID = 1L;

    private static final Set<Class<?>> COMPONENT_TYPES = Set.of(long.class, int.class, short.class, byte.class,
        char.class, boolean.class, float.class, double.class, Long.class, Integer.class, Short.class, Byte.class,
        Character.class, Boolean.class, Float.class, Double.class, String.class, byte[].class);

    RecordCodec {
        Objects.requireNonNull(type, "type");
        requireEncodable(type, 0);
    }

    private static void requireEncodable(Class<?> type, int nesting) {
        if (!type.isRecord() || nesting > TaggedValues.MAX_NESTING) {
            throw new IllegalArgumentException("type=" + type.getName() + " (expected: a record)");
        }
        RecordShape shape = RecordShape.of(type);
        for (Class<?> component : shape.componentTypes) {
            if (component.isRecord()) {
                requireEncodable(component, nesting + 1);
            } else if (!COMPONENT_TYPES.contains(component)) {
                throw new IllegalArgumentException("record " + type.getName() + " has a component of type "
                    + component.getName() + " (expected: primitives, their boxes, String, byte[] or records of"
                    + " those; use Codecs.standard() for anything Serializable)");
            }
        }
    }

    @Override
    public int encodedLength(R element) {
        RecordShape shape = RecordShape.of(type);
        int length = 0;
        for (int i = 0; i < shape.size(); i++) {
            length += TaggedValues.length(shape.component(element, i));
        }
        return length;
    }

    @Override
    public void encode(R element, MemorySegment target, long offset) {
        RecordShape shape = RecordShape.of(type);
        long at = offset;
        for (int i = 0; i < shape.size(); i++) {
            at = TaggedValues.write(shape.component(element, i), target, at);
        }
    }

    @Override
    public R decode(MemorySegment source, long offset, int length) {
        RecordShape shape = RecordShape.of(type);
        TaggedValues.Reader reader = new TaggedValues.Reader(source, offset, length, SerialFilter.standard());
        Object[] values = new Object[shape.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = reader.value(reader.tag(), 1);
        }
        if (!reader.atEnd()) {
            throw reader.damaged("trailing bytes after a " + type.getName());
        }
        return type.cast(shape.construct(values));
    }
}

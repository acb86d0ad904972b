package io.mproc.codec;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * The self-describing encoding of {@link Codecs#standard()}: a one-byte tag, then the value.
 *
 * <pre>
 *  NULL    0                          (record components only)
 *  LONG    1 | long        INT    2 | int        SHORT 3 | short    BYTE 4 | byte
 *  CHAR    5 | char        BOOL   6 | 0/1        FLOAT 7 | float    DOUBLE 8 | double
 *  STRING  9 | length (int) | UTF-8 bytes
 *  BYTES  10 | length (int) | bytes
 *  RECORD 11 | name length (short) | class name, UTF-8 | each component, tagged
 *  SERIAL 12 | Java serialization stream      (top level only: the rest of the message)
 * </pre>
 * Numbers are in native byte order, unaligned: both ends are on one machine.
 */
final class TaggedValues {
    private TaggedValues() {
    }

    static final byte NULL = 0;
    static final byte LONG = 1;
    static final byte INT = 2;
    static final byte SHORT = 3;
    static final byte BYTE = 4;
    static final byte CHAR = 5;
    static final byte BOOLEAN = 6;
    static final byte FLOAT = 7;
    static final byte DOUBLE = 8;
    static final byte STRING = 9;
    static final byte BYTES = 10;
    static final byte RECORD = 11;
    static final byte SERIALIZED = 12;

    /** Deepest nesting of records accepted, writing or reading. */
    static final int MAX_NESTING = 32;

    /** Whether {@code value} has a tagged form (no Java serialization needed). */
    static boolean isTaggable(Object value, int nesting) {
        if (value == null || value instanceof Long || value instanceof Integer || value instanceof String
            || value instanceof byte[] || value instanceof Double || value instanceof Short || value instanceof Byte
            || value instanceof Character || value instanceof Boolean || value instanceof Float) {
            return true;
        }
        if (!(value instanceof Record) || nesting >= MAX_NESTING || !java.lang.reflect.Modifier.isPublic(value.getClass().getModifiers())) {
            return false;
        }
        RecordShape shape = RecordShape.of(value.getClass());
        for (int i = 0; i < shape.size(); i++) {
            if (!isTaggable(shape.component(value, i), nesting + 1)) {
                return false;
            }
        }
        return true;
    }

    /** Bytes {@link #write} produces for a taggable value. */
    static int length(Object value) {
        return switch (value) {
            case null -> 1;
            case Long ignored -> 1 + Long.BYTES;
            case Integer ignored -> 1 + Integer.BYTES;
            case String text -> 1 + Integer.BYTES + Utf8.length(text);
            case byte[] bytes -> 1 + Integer.BYTES + bytes.length;
            case Double ignored -> 1 + Double.BYTES;
            case Short ignored -> 1 + Short.BYTES;
            case Byte ignored -> 2;
            case Character ignored -> 1 + Character.BYTES;
            case Boolean ignored -> 2;
            case Float ignored -> 1 + Float.BYTES;
            case Record record -> recordLength(record);
            default -> throw new IllegalStateException("not taggable: " + value.getClass());
        };
    }

    private static int recordLength(Record record) {
        RecordShape shape = RecordShape.of(record.getClass());
        int length = 1 + Short.BYTES + Utf8.length(record.getClass().getName());
        for (int i = 0; i < shape.size(); i++) {
            length += length(shape.component(record, i));
        }
        return length;
    }

    /** Writes a taggable value at {@code at}; returns the offset after it. */
    static long write(Object value, MemorySegment target, long at) {
        switch (value) {
            case null -> target.set(ValueLayout.JAVA_BYTE, at, NULL);
            case Long v -> {
                target.set(ValueLayout.JAVA_BYTE, at, LONG);
                target.set(ValueLayout.JAVA_LONG_UNALIGNED, at + 1, v);
            }
            case Integer v -> {
                target.set(ValueLayout.JAVA_BYTE, at, INT);
                target.set(ValueLayout.JAVA_INT_UNALIGNED, at + 1, v);
            }
            case String text -> {
                target.set(ValueLayout.JAVA_BYTE, at, STRING);
                long end = Utf8.write(text, target, at + 1 + Integer.BYTES);
                target.set(ValueLayout.JAVA_INT_UNALIGNED, at + 1, (int) (end - at - 1 - Integer.BYTES));
                return end;
            }
            case byte[] bytes -> {
                target.set(ValueLayout.JAVA_BYTE, at, BYTES);
                target.set(ValueLayout.JAVA_INT_UNALIGNED, at + 1, bytes.length);
                MemorySegment.copy(bytes, 0, target, ValueLayout.JAVA_BYTE, at + 1 + Integer.BYTES, bytes.length);
            }
            case Double v -> {
                target.set(ValueLayout.JAVA_BYTE, at, DOUBLE);
                target.set(ValueLayout.JAVA_DOUBLE_UNALIGNED, at + 1, v);
            }
            case Short v -> {
                target.set(ValueLayout.JAVA_BYTE, at, SHORT);
                target.set(ValueLayout.JAVA_SHORT_UNALIGNED, at + 1, v);
            }
            case Byte v -> {
                target.set(ValueLayout.JAVA_BYTE, at, BYTE);
                target.set(ValueLayout.JAVA_BYTE, at + 1, v);
            }
            case Character v -> {
                target.set(ValueLayout.JAVA_BYTE, at, CHAR);
                target.set(ValueLayout.JAVA_CHAR_UNALIGNED, at + 1, v);
            }
            case Boolean v -> {
                target.set(ValueLayout.JAVA_BYTE, at, BOOLEAN);
                target.set(ValueLayout.JAVA_BYTE, at + 1, (byte) (v ? 1 : 0));
            }
            case Float v -> {
                target.set(ValueLayout.JAVA_BYTE, at, FLOAT);
                target.set(ValueLayout.JAVA_FLOAT_UNALIGNED, at + 1, v);
            }
            case Record record -> {
                return writeRecord(record, target, at);
            }
            default -> throw new IllegalStateException("not taggable: " + value.getClass());
        }
        return at + length(value);
    }

    private static long writeRecord(Record record, MemorySegment target, long at) {
        RecordShape shape = RecordShape.of(record.getClass());
        target.set(ValueLayout.JAVA_BYTE, at, RECORD);
        long end = Utf8.write(record.getClass().getName(), target, at + 1 + Short.BYTES);
        target.set(ValueLayout.JAVA_SHORT_UNALIGNED, at + 1, (short) (end - at - 1 - Short.BYTES));
        for (int i = 0; i < shape.size(); i++) {
            end = write(shape.component(record, i), target, end);
        }
        return end;
    }

    /** A read position in a message; every read is bounds-checked against its end. */
    static final class Reader {
        private final MemorySegment source;
        private final long start;
        private final long end;
        private final SerialFilter filter;
        private long at;

        Reader(MemorySegment source, long offset, int length, SerialFilter filter) {
            this.source = source;
            this.start = offset;
            this.at = offset;
            this.end = offset + length;
            this.filter = filter;
        }

        boolean atEnd() {
            return at == end;
        }

        long position() {
            return at;
        }

        int remaining() {
            return (int) (end - at);
        }

        byte tag() {
            return source.get(ValueLayout.JAVA_BYTE, take(1));
        }

        Object value(byte tag, int nesting) {
            return switch (tag) {
                case NULL -> null;
                case LONG -> source.get(ValueLayout.JAVA_LONG_UNALIGNED, take(Long.BYTES));
                case INT -> source.get(ValueLayout.JAVA_INT_UNALIGNED, take(Integer.BYTES));
                case SHORT -> source.get(ValueLayout.JAVA_SHORT_UNALIGNED, take(Short.BYTES));
                case BYTE -> source.get(ValueLayout.JAVA_BYTE, take(1));
                case CHAR -> source.get(ValueLayout.JAVA_CHAR_UNALIGNED, take(Character.BYTES));
                case BOOLEAN -> source.get(ValueLayout.JAVA_BYTE, take(1)) != 0;
                case FLOAT -> source.get(ValueLayout.JAVA_FLOAT_UNALIGNED, take(Float.BYTES));
                case DOUBLE -> source.get(ValueLayout.JAVA_DOUBLE_UNALIGNED, take(Double.BYTES));
                case STRING -> {
                    int length = count(source.get(ValueLayout.JAVA_INT_UNALIGNED, take(Integer.BYTES)));
                    yield Utf8.read(source, take(length), length);
                }
                case BYTES -> {
                    int length = count(source.get(ValueLayout.JAVA_INT_UNALIGNED, take(Integer.BYTES)));
                    byte[] bytes = new byte[length];
                    MemorySegment.copy(source, ValueLayout.JAVA_BYTE, take(length), bytes, 0, length);
                    yield bytes;
                }
                case RECORD -> record(nesting);
                default -> throw damaged("unknown tag " + tag);
            };
        }

        private Object record(int nesting) {
            if (nesting >= MAX_NESTING) {
                throw damaged("records nested deeper than " + MAX_NESTING);
            }
            int nameLength = count(source.get(ValueLayout.JAVA_SHORT_UNALIGNED, take(Short.BYTES)));
            String name = Utf8.read(source, take(nameLength), nameLength);
            RecordShape shape = RecordShape.of(allowedRecordClass(name));
            Object[] values = new Object[shape.size()];
            for (int i = 0; i < values.length; i++) {
                values[i] = value(tag(), nesting + 1);
            }
            return shape.construct(values);
        }

        /** Resolves a record class named by the bytes, without initialising it, if the filter allows it. */
        private Class<?> allowedRecordClass(String name) {
            Class<?> type;
            try {
                ClassLoader loader = Thread.currentThread().getContextClassLoader();
                type = Class.forName(name, false, loader != null ? loader : TaggedValues.class.getClassLoader());
            } catch (ClassNotFoundException | LinkageError missing) {
                throw new CodecException("cannot decode record: class " + name + " not found", missing);
            }
            if (!type.isRecord()) {
                throw new CodecException("cannot decode: class " + name + " is not a record");
            }
            if (!filter.allows(type)) {
                throw new CodecException("class " + name + " is not allowed by the SerialFilter (refused before any"
                    + " of its code ran; allow it with SerialFilter.standard().allowing(\"" + name + "\"))");
            }
            return type;
        }

        private int count(int value) {
            if (value < 0 || value > end - at) {
                throw damaged("length " + value + " with " + (end - at) + " bytes left");
            }
            return value;
        }

        private long take(int bytes) {
            if (bytes > end - at) {
                throw damaged("needs " + bytes + " more bytes, " + (end - at) + " left");
            }
            long was = at;
            at += bytes;
            return was;
        }

        CodecException damaged(String why) {
            return new CodecException("cannot decode a message of " + (end - start) + " bytes: " + why
                + " at byte " + (at - start));
        }
    }
}

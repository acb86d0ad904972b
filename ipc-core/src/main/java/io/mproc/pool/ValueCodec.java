package io.mproc.pool;

import io.mproc.codec.CodecException;
import io.mproc.process.FailureReport;
import io.mproc.process.ProcessSerialization;
import java.io.IOException;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * How a run of values (the arguments of the tasks of one task message, or their results) is
 * laid out in a message payload. The payload's encoding is one byte in the message header; the
 * number of values is in the header too.
 *
 * <pre>
 *   INTS        | v0 (int) | v1 (int) | ...              every value an Integer
 *   LONGS       | v0 (long) | ...                         every value a Long
 *   DOUBLES     | v0 (double) | ...                       every value a Double
 *   TAGGED      | tag | value | tag | value | ...          simple values, see the tags below
 *   SERIALIZED  | one Java serialization stream of an Object[] |
 *
 *   tags: NULL, TRUE, FALSE                                (no value bytes)
 *         INT (4), LONG (8), DOUBLE (8)                    platform byte order
 *         STRING, BYTES, SERIALIZED, FAILURE               length (int), then UTF-8 / bytes /
 *                                                          a serialization stream
 *         SKIP                                             a value that could not be sent
 * </pre>
 *
 * A run of one boxed type (the usual {@code map} over numbers) costs four or eight bytes a
 * value and no allocation to write: that is what lets a chunk of a million integers travel as
 * a few messages. Other runs are serialized as one stream (class descriptors written once per
 * message, not per value); a value that cannot be serialized falls back to the tagged form,
 * where it becomes SKIP (an argument, failed in the parent) or FAILURE (a result, failed in the
 * worker), so one bad value fails its own task only. Deserialization runs behind the process
 * layer's filter ({@link ProcessSerialization#filter()}), the one task functions need anyway.
 */
final class ValueCodec {
    private ValueCodec() {
    }

    static final byte INTS = 1;
    static final byte LONGS = 2;
    static final byte DOUBLES = 3;
    static final byte TAGGED = 4;
    static final byte SERIALIZED = 5;

    private static final byte T_NULL = 0;
    private static final byte T_TRUE = 1;
    private static final byte T_FALSE = 2;
    private static final byte T_INT = 3;
    private static final byte T_LONG = 4;
    private static final byte T_DOUBLE = 5;
    private static final byte T_STRING = 6;
    private static final byte T_BYTES = 7;
    private static final byte T_SERIALIZED = 8;
    private static final byte T_FAILURE = 9;
    private static final byte T_SKIP = 10;

    /** What a reader returns for a SKIP value: an argument that never left the parent. */
    static final Object SKIPPED = new Object();

    /** A value that arrived but cannot be read here: the reader's stand-in for it. */
    record Unreadable(CodecException failure) {
    }

    /** The encoding for {@code values[from, to)}. */
    static byte kindOf(Object[] values, int from, int to) {
        Class<?> first = from < to && values[from] != null ? values[from].getClass() : null;
        if (first == Integer.class || first == Long.class || first == Double.class) {
            int i = from + 1;
            while (i < to && values[i] != null && values[i].getClass() == first) {
                i++;
            }
            if (i == to) {
                return first == Integer.class ? INTS : first == Long.class ? LONGS : DOUBLES;
            }
        }
        for (int i = from; i < to; i++) {
            if (!isSimple(values[i])) {
                return SERIALIZED;
            }
        }
        return TAGGED;
    }

    private static boolean isSimple(Object value) {
        return value == null || value instanceof Integer || value instanceof Long || value instanceof Double
            || value instanceof Boolean || value instanceof String || value instanceof byte[]
            || value instanceof FailureReport || value == SKIPPED;
    }

    /** Bytes per value of a fixed-width encoding. */
    static int width(byte kind) {
        return kind == INTS ? 4 : 8;
    }

    static boolean isFixedWidth(byte kind) {
        return kind == INTS || kind == LONGS || kind == DOUBLES;
    }

    /** Writes {@code values[from, to)} of a fixed-width {@code kind} at {@code offset}. */
    static void writeFixed(byte kind, Object[] values, int from, int to, MemorySegment target, long offset) {
        long at = offset;
        switch (kind) {
            case INTS -> {
                for (int i = from; i < to; i++, at += 4) {
                    target.set(ValueLayout.JAVA_INT_UNALIGNED, at, (Integer) values[i]);
                }
            }
            case LONGS -> {
                for (int i = from; i < to; i++, at += 8) {
                    target.set(ValueLayout.JAVA_LONG_UNALIGNED, at, (Long) values[i]);
                }
            }
            case DOUBLES -> {
                for (int i = from; i < to; i++, at += 8) {
                    target.set(ValueLayout.JAVA_DOUBLE_UNALIGNED, at, (Double) values[i]);
                }
            }
            default -> throw new IllegalArgumentException("encoding=" + kind + " (expected: a fixed-width one)");
        }
    }

    /**
     * Reads {@code count} values of a fixed-width {@code kind} from {@code length} bytes at
     * {@code offset} into {@code target[at, at + count)}.
     *
     * @throws CodecException if the payload is too short for them
     */
    static void readFixed(byte kind, MemorySegment source, long offset, int length, Object[] target, int at,
                          int count) {
        if ((long) count * width(kind) > length) {
            throw new CodecException(count + " values of " + width(kind) + " bytes in a payload of " + length);
        }
        long from = offset;
        switch (kind) {
            case INTS -> {
                for (int i = at; i < at + count; i++, from += 4) {
                    target[i] = source.get(ValueLayout.JAVA_INT_UNALIGNED, from);
                }
            }
            case LONGS -> {
                for (int i = at; i < at + count; i++, from += 8) {
                    target[i] = source.get(ValueLayout.JAVA_LONG_UNALIGNED, from);
                }
            }
            case DOUBLES -> {
                for (int i = at; i < at + count; i++, from += 8) {
                    target[i] = source.get(ValueLayout.JAVA_DOUBLE_UNALIGNED, from);
                }
            }
            default -> throw new IllegalArgumentException("encoding=" + kind + " (expected: a fixed-width one)");
        }
    }

    /**
     * Writes one value in the tagged form; a value of no simple type is serialized on its own.
     *
     * @throws IOException if it is not simple and cannot be serialized (nothing is left written)
     */
    static void writeTagged(Object value, ByteScratch out) throws IOException {
        switch (value) {
            case null -> out.putByte(T_NULL);
            case Integer i -> {
                out.putByte(T_INT);
                out.putInt(i);
            }
            case Long l -> {
                out.putByte(T_LONG);
                out.putLong(l);
            }
            case Double d -> {
                out.putByte(T_DOUBLE);
                out.putDouble(d);
            }
            case Boolean b -> out.putByte(b ? T_TRUE : T_FALSE);
            case String s -> {
                out.putByte(T_STRING);
                out.putSized(s.getBytes(StandardCharsets.UTF_8));
            }
            case byte[] bytes -> {
                out.putByte(T_BYTES);
                out.putSized(bytes);
            }
            case FailureReport report -> {
                out.putByte(T_FAILURE);
                out.putSized(ProcessSerialization.write(report));
            }
            default -> {
                if (value == SKIPPED) {
                    out.putByte(T_SKIP);
                } else {
                    byte[] stream = ProcessSerialization.write(value);
                    out.putByte(T_SERIALIZED);
                    out.putSized(stream);
                }
            }
        }
    }

    /** {@code values[from, to)} as one serialization stream of an {@code Object[]}. */
    static byte[] serializeRun(Object[] values, int from, int to) throws IOException {
        return ProcessSerialization.write(Arrays.copyOfRange(values, from, to));
    }

    /** Reads the values of one payload, in order. */
    static final class Reader {
        private final byte kind;
        private final MemorySegment source;
        private long position;
        private final long end;
        private Object[] run;
        private int runIndex;
        private CodecException runFailure;

        /**
         * @param kind    the payload's encoding
         * @param source  the message bytes (valid only while the ring hands them over)
         * @param offset  where the payload starts
         * @param length  its length
         */
        Reader(byte kind, MemorySegment source, long offset, int length) {
            this.kind = kind;
            this.source = source;
            this.position = offset;
            this.end = offset + length;
            if (kind == SERIALIZED) {
                try {
                    run = (Object[]) ProcessSerialization.read(source.asSlice(offset, length).toArray(ValueLayout.JAVA_BYTE));
                } catch (IOException | ClassNotFoundException | RuntimeException unreadable) {
                    runFailure = new CodecException("values cannot be read here: " + unreadable, unreadable);
                }
            } else if (!isFixedWidth(kind) && kind != TAGGED) {
                throw new CodecException("encoding=" + kind + " (expected: 1 to 5)");
            }
        }

        /** The next value: the value, {@link #SKIPPED}, a {@link FailureReport}, or an {@link Unreadable}. */
        Object next() {
            switch (kind) {
                case INTS -> {
                    int value = source.get(ValueLayout.JAVA_INT_UNALIGNED, checked(4));
                    return value;
                }
                case LONGS -> {
                    long value = source.get(ValueLayout.JAVA_LONG_UNALIGNED, checked(8));
                    return value;
                }
                case DOUBLES -> {
                    double value = source.get(ValueLayout.JAVA_DOUBLE_UNALIGNED, checked(8));
                    return value;
                }
                case SERIALIZED -> {
                    if (runFailure != null) {
                        return new Unreadable(runFailure);
                    }
                    if (runIndex >= run.length) {
                        throw new CodecException("message holds " + run.length + " values, more were expected");
                    }
                    return run[runIndex++];
                }
                default -> {
                    return nextTagged();
                }
            }
        }

        private Object nextTagged() {
            byte tag = source.get(ValueLayout.JAVA_BYTE, checked(1));
            return switch (tag) {
                case T_NULL -> null;
                case T_TRUE -> Boolean.TRUE;
                case T_FALSE -> Boolean.FALSE;
                case T_SKIP -> SKIPPED;
                case T_INT -> source.get(ValueLayout.JAVA_INT_UNALIGNED, checked(4));
                case T_LONG -> source.get(ValueLayout.JAVA_LONG_UNALIGNED, checked(8));
                case T_DOUBLE -> source.get(ValueLayout.JAVA_DOUBLE_UNALIGNED, checked(8));
                case T_STRING -> new String(sized(), StandardCharsets.UTF_8);
                case T_BYTES -> sized();
                case T_SERIALIZED, T_FAILURE -> deserialize(sized(), tag == T_FAILURE);
                default -> throw new CodecException("value tag=" + tag + " (expected: 0 to " + T_SKIP + ")");
            };
        }

        private static Object deserialize(byte[] stream, boolean failure) {
            try {
                Object value = ProcessSerialization.read(stream);
                if (failure && !(value instanceof FailureReport)) {
                    throw new CodecException("a failure holds " + value.getClass().getName());
                }
                return value;
            } catch (IOException | ClassNotFoundException | RuntimeException unreadable) {
                return new Unreadable(new CodecException((failure ? "an exception" : "a value") + " of "
                    + stream.length + " bytes cannot be read here: " + unreadable, unreadable));
            }
        }

        private byte[] sized() {
            int length = source.get(ValueLayout.JAVA_INT_UNALIGNED, checked(4));
            if (length < 0) {
                throw new CodecException("value length=" + length + " (expected: >= 0)");
            }
            return source.asSlice(checked(length), length).toArray(ValueLayout.JAVA_BYTE);
        }

        /** The position of the next {@code bytes} bytes, moving past them. */
        private long checked(int bytes) {
            long at = position;
            if (at + bytes > end) {
                throw new CodecException("payload ends at byte " + (end - at) + " of a value of " + bytes);
            }
            position = at + bytes;
            return at;
        }
    }
}

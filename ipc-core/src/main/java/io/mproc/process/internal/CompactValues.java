package io.mproc.process.internal;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * The values that travel between a parent and its child without Java serialisation:
 * {@code null}, strings, boxed primitives and byte arrays, each as a tag byte and its bytes
 * (big endian, strings as a length and UTF-8, -1 for null). Used by {@link SpecCodec} for
 * captured values and arguments, and on its own, behind {@link #MAGIC}, for a target's return
 * value: a child whose target returns such a value never loads Java serialisation (its
 * classes, and the SHA-1 digest it computes for a {@code byte[]} field, cost milliseconds).
 */
public final class CompactValues {
    private CompactValues() {
    }

    /** The first four bytes of a value written on its own ({@link #encode}); Java serialisation begins with 0xACED. */
    static final int MAGIC = 0x4D505631;

    private static final byte TAG_NULL = 0;
    private static final byte TAG_STRING = 1;
    private static final byte TAG_INT = 2;
    private static final byte TAG_LONG = 3;
    private static final byte TAG_DOUBLE = 4;
    private static final byte TAG_FLOAT = 5;
    private static final byte TAG_SHORT = 6;
    private static final byte TAG_BYTE = 7;
    private static final byte TAG_CHAR = 8;
    private static final byte TAG_BOOLEAN = 9;
    private static final byte TAG_BYTES = 10;

    /** Whether {@code value} has a compact form. */
    static boolean isSimple(Object value) {
        return tag(value) >= 0;
    }

    /** {@code value} on its own behind {@link #MAGIC}, or null when it has no compact form. */
    public static byte[] encode(Object value) {
        if (!isSimple(value)) {
            return null;
        }
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream(32);
            DataOutputStream out = new DataOutputStream(bytes);
            out.writeInt(MAGIC);
            write(out, value);
            out.flush();
            return bytes.toByteArray();
        } catch (IOException impossible) {
            throw new UncheckedIOException(impossible); // a ByteArrayOutputStream does not fail
        }
    }

    /** Whether {@code bytes} are a value {@linkplain #encode encoded} on its own. */
    public static boolean isCompact(byte[] bytes) {
        return bytes.length >= Integer.BYTES && ByteBuffer.wrap(bytes).getInt() == MAGIC;
    }

    /**
     * The value {@linkplain #encode encoded} in {@code bytes}.
     *
     * @throws IllegalArgumentException when they are not a whole such value
     */
    public static Object decode(byte[] bytes) {
        ByteBuffer in = ByteBuffer.wrap(bytes);
        try {
            if (in.getInt() != MAGIC) {
                throw new IllegalArgumentException("not a compact value");
            }
            Object value = read(in);
            if (in.hasRemaining()) {
                throw new IllegalArgumentException(in.remaining() + " bytes after the value");
            }
            return value;
        } catch (BufferUnderflowException | IllegalStateException damaged) {
            throw new IllegalArgumentException("damaged compact value of " + bytes.length + " bytes: " + damaged,
                damaged);
        }
    }

    private static int tag(Object value) {
        return switch (value) {
            case null -> TAG_NULL;
            case String ignored -> TAG_STRING;
            case Integer ignored -> TAG_INT;
            case Long ignored -> TAG_LONG;
            case Double ignored -> TAG_DOUBLE;
            case Float ignored -> TAG_FLOAT;
            case Short ignored -> TAG_SHORT;
            case Byte ignored -> TAG_BYTE;
            case Character ignored -> TAG_CHAR;
            case Boolean ignored -> TAG_BOOLEAN;
            case byte[] ignored -> TAG_BYTES;
            default -> -1;
        };
    }

    /** Writes a simple value: its tag, then its bytes. */
    static void write(DataOutputStream out, Object value) throws IOException {
        out.writeByte(tag(value));
        switch (value) {
            case null -> { }
            case String text -> writeString(out, text);
            case Integer number -> out.writeInt(number);
            case Long number -> out.writeLong(number);
            case Double number -> out.writeDouble(number);
            case Float number -> out.writeFloat(number);
            case Short number -> out.writeShort(number);
            case Byte number -> out.writeByte(number);
            case Character character -> out.writeChar(character);
            case Boolean flag -> out.writeBoolean(flag);
            case byte[] array -> {
                out.writeInt(array.length);
                out.write(array);
            }
            default -> throw new IllegalArgumentException("no compact form for " + value.getClass().getName());
        }
    }

    /** Reads a value {@link #write} wrote. */
    static Object read(ByteBuffer in) {
        byte tag = in.get();
        return switch (tag) {
            case TAG_NULL -> null;
            case TAG_STRING -> readString(in);
            case TAG_INT -> in.getInt();
            case TAG_LONG -> in.getLong();
            case TAG_DOUBLE -> in.getDouble();
            case TAG_FLOAT -> in.getFloat();
            case TAG_SHORT -> in.getShort();
            case TAG_BYTE -> in.get();
            case TAG_CHAR -> in.getChar();
            case TAG_BOOLEAN -> in.get() != 0;
            case TAG_BYTES -> {
                byte[] array = new byte[count(in)];
                in.get(array);
                yield array;
            }
            default -> throw new IllegalStateException("unknown value tag " + tag);
        };
    }

    /** Writes a string, or null, as a byte length (-1: null) and UTF-8. */
    static void writeString(DataOutputStream out, String text) throws IOException {
        if (text == null) {
            out.writeInt(-1);
            return;
        }
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        out.writeInt(utf8.length);
        out.write(utf8);
    }

    static String readString(ByteBuffer in) {
        int length = in.getInt();
        if (length == -1) {
            return null;
        }
        if (length < 0 || length > in.remaining()) {
            throw new IllegalStateException("string of " + length + " bytes with " + in.remaining() + " left");
        }
        String text = new String(in.array(), in.position(), length, StandardCharsets.UTF_8);
        in.position(in.position() + length);
        return text;
    }

    /** A count that the remaining bytes could hold at least one byte of each of. */
    static int count(ByteBuffer in) {
        int count = in.getInt();
        if (count < 0 || count > in.remaining()) {
            throw new IllegalStateException("count " + count + " with " + in.remaining() + " bytes left");
        }
        return count;
    }
}

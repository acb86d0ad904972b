package io.mproc.pipe;

import io.mproc.codec.Codec;
import io.mproc.ring.MessageHandler;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * Receives the records of one message from the ring and puts the message together: a
 * {@link #WHOLE} record is a message on its own (decoded or copied in place); a longer message
 * is a {@link #FIRST} record (its total length, then data) followed by {@link #MORE} records
 * until the total is reached. One per connection end, used by its one reading thread.
 */
final class FrameReader implements MessageHandler {
    /** Ring type of a message in one record. */
    static final int WHOLE = 0;
    /** Ring type of a long message's first record: total length (int), then data. */
    static final int FIRST = 1;
    /** Ring type of a long message's following records: data. */
    static final int MORE = 2;

    private final Codec<Object> codec;
    private boolean decode;
    private boolean started;
    private boolean complete;
    private Object decoded;
    private RuntimeException failure;
    private byte[] bytes;
    private int filled;
    /** Copy mode with a caller's array: a whole message that fits goes straight there. */
    private byte[] into;
    private int intoOffset;
    private int intoLength = -1;

    FrameReader(Codec<Object> codec) {
        this.codec = codec;
    }

    /** Prepares for the next message: decoded by the codec, or copied as bytes. */
    void start(boolean decodeIt) {
        start(decodeIt, null, 0);
    }

    /**
     * Prepares for the next message, copied as bytes into {@code target} from {@code offset}
     * if it comes whole and fits ({@link #copiedInto()}), else into an array of its own.
     */
    void startInto(byte[] target, int offset) {
        start(false, target, offset);
    }

    private void start(boolean decodeIt, byte[] target, int offset) {
        into = target;
        intoOffset = offset;
        intoLength = -1;
        decode = decodeIt;
        started = false;
        complete = false;
        decoded = null;
        failure = null;
        bytes = null;
        filled = 0;
    }

    @Override
    public void onMessage(int type, MemorySegment buffer, long offset, int length) {
        switch (type) {
            case WHOLE -> {
                requireBetweenMessages(type);
                if (decode) {
                    try {
                        decoded = codec.decode(buffer, offset, length);
                    } catch (RuntimeException bad) {
                        failure = bad; // the record is consumed either way; the caller reports
                    }
                } else if (into != null && length <= into.length - intoOffset) {
                    MemorySegment.copy(buffer, ValueLayout.JAVA_BYTE, offset, into, intoOffset, length);
                    intoLength = length;
                } else {
                    bytes = new byte[length];
                    MemorySegment.copy(buffer, ValueLayout.JAVA_BYTE, offset, bytes, 0, length);
                }
                complete = true;
            }
            case FIRST -> {
                requireBetweenMessages(type);
                int total = buffer.get(ValueLayout.JAVA_INT_UNALIGNED, offset);
                bytes = new byte[total];
                started = true;
                append(buffer, offset + Integer.BYTES, length - Integer.BYTES);
            }
            case MORE -> {
                if (!started) {
                    throw new IllegalStateException("a continuation record outside a message");
                }
                append(buffer, offset, length);
            }
            default -> throw new IllegalStateException("a record of unknown type " + type);
        }
    }

    private void requireBetweenMessages(int type) {
        if (started) {
            throw new IllegalStateException("a record of type " + type + " inside a message of " + bytes.length
                + " bytes (" + filled + " received)");
        }
    }

    private void append(MemorySegment buffer, long offset, int length) {
        if (length > bytes.length - filled) {
            throw new IllegalStateException("a message longer than the " + bytes.length + " bytes it announced");
        }
        MemorySegment.copy(buffer, ValueLayout.JAVA_BYTE, offset, bytes, filled, length);
        filled += length;
        complete = filled == bytes.length;
    }

    /** Whether part of a long message has arrived and the rest is due. */
    boolean started() {
        return started && !complete;
    }

    boolean complete() {
        return complete;
    }

    /** The decoded message (decoding a long one now); throws what decoding threw. */
    Object decoded() {
        if (failure != null) {
            throw failure;
        }
        if (decoded == null && bytes != null) {
            return codec.decode(MemorySegment.ofArray(bytes), 0, bytes.length);
        }
        return decoded;
    }

    /** The message's bytes (copy mode), or null if they went into the caller's array. */
    byte[] bytes() {
        return bytes;
    }

    /** How many bytes went into the array of {@link #startInto}, or -1 if they did not. */
    int copiedInto() {
        return intoLength;
    }
}

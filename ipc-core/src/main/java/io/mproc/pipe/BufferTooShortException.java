package io.mproc.pipe;

import java.io.IOException;
import java.io.Serial;

/**
 * Python's {@code BufferTooShort}: the message received did not fit the buffer given to
 * {@link Connection#recvBytesInto}. The message has been taken from the pipe; it is here.
 */
public final class BufferTooShortException extends IOException {
    @Serial
    private static final long serialVersionUID = 1L;

    private final transient byte[] message;

    BufferTooShortException(String what, byte[] message) {
        super(what);
        this.message = message;
    }

    /** The whole message that did not fit. */
    public byte[] message() {
        return message;
    }
}

package io.mproc.codec;

import java.io.Serial;

/**
 * An element that cannot be encoded, or bytes that cannot be decoded (damaged, of another
 * format, or naming a class the {@link SerialFilter} refuses). The message says which class
 * or which bytes, and why.
 */
public class CodecException extends RuntimeException {
    @Serial
    private static final long serialVersionUID = 1L;

    public CodecException(String message) {
        super(message);
    }

    public CodecException(String message, Throwable cause) {
        super(message, cause);
    }
}

package io.mproc.bench.channel;

import java.io.IOException;

/**
 * A channel that cannot run in this JVM or on this machine at all (a library that cannot start,
 * a JVM flag it needs is missing), as opposed to one that broke while measuring. The suites note
 * the message in the report and skip the channel; the other channels still run.
 */
public final class ChannelUnavailableException extends IOException {

    private static final long serialVersionUID = 1L;

    public ChannelUnavailableException(String message) {
        super(message);
    }

    public ChannelUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}

package io.mproc.bench.channel;

/**
 * The payload checks a channel makes where a side opens, so that a spec it cannot carry fails
 * with a message naming the channel instead of measuring something else.
 */
public final class Payloads {

    private Payloads() {
    }

    /** Throws unless {@code channel} carries the spec's payload, which is 8 to {@code maxBytes} bytes. */
    public static void requireCarried(PingPongChannel channel, ChannelSpec spec, int maxBytes) {
        if (!channel.carries(spec.payloadBytes())) {
            throw new IllegalArgumentException(channel.name() + " carries 8 to " + maxBytes + " bytes, not "
                + spec.payloadBytes());
        }
    }

    /** Throws unless the spec's payload is the 8-byte value every stream carries. */
    public static void requireEightBytes(StreamChannel channel, ChannelSpec spec) {
        if (spec.payloadBytes() != Long.BYTES) {
            throw new IllegalArgumentException(channel.name() + " streams 8-byte values, not " + spec.payloadBytes()
                + " bytes");
        }
    }
}

package io.mproc.bench.channel;

import java.io.IOException;

/**
 * A transport measured by round trips between two JVMs. The bench JVM opens the pinger first
 * (creating whatever the channel shares), then starts the peer JVM, which opens the ponger by
 * the same spec. Message {@code n} (n = 1, 2, 3...) goes out, is echoed, and comes back before
 * message {@code n + 1} is sent.
 */
public interface PingPongChannel {

    /** The channel's name: the CLI and the peer find it by this, figures use it as subject. */
    String name();

    /** In the bench JVM, first: creates the channel's shared state and returns the timing side. */
    Pinger openPinger(ChannelSpec spec, PeerWatch watch) throws IOException;

    /** In the peer JVM, after the pinger exists: opens the echoing side. */
    Ponger openPonger(ChannelSpec spec, PeerWatch watch) throws IOException;

    /**
     * Whether the channel can carry a message of {@link ChannelSpec#payloadBytes()} bytes. A raw
     * counter carries exactly 8; a message ring carries whatever fits its records.
     */
    default boolean carries(int payloadBytes) {
        return payloadBytes == Long.BYTES;
    }

    /**
     * Whether a waiting side may go to sleep (block in the kernel) rather than spin. Such a
     * channel is also measured with its peer asleep, and for the CPU its idle side burns.
     */
    default boolean blocks() {
        return false;
    }

    /**
     * About how many times a shared-memory ring's round trip one of this channel's costs: 1 for
     * rings, more for a channel that goes through the kernel. The suite divides its counts by it,
     * so that a slow channel is measured in about the time a ring is (the percentiles then rest
     * on fewer samples). It sets how long the measurement runs, never what it reports.
     */
    default int relativeCost() {
        return 1;
    }
}

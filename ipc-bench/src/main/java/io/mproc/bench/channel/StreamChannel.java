package io.mproc.bench.channel;

import java.io.IOException;

/**
 * A transport measured by one-way throughput: a producer in the peer JVM sends the values
 * 1, 2, 3... as fast as the channel takes them; the consumer in the bench JVM counts them over
 * time. The consumer opens first and creates the shared state.
 */
public interface StreamChannel {

    /** The channel's name: the CLI and the peer find it by this, figures use it as subject. */
    String name();

    /** In the bench JVM, first: creates the channel's shared state and returns the receiving side. */
    StreamConsumer openConsumer(ChannelSpec spec, PeerWatch watch) throws IOException;

    /** In the peer JVM, after the consumer exists: opens the sending side. */
    StreamProducer openProducer(ChannelSpec spec, PeerWatch watch) throws IOException;

    /**
     * About how many times a shared-memory ring's time per message one of this channel's takes:
     * 1 for rings, more for a channel that goes through the kernel. The suite divides its counts
     * by it, so that a slow channel is measured in about the time a ring is; it sets how long the
     * measurement runs, never what it reports.
     */
    default int relativeCost() {
        return 1;
    }
}

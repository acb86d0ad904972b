package io.mproc.bench.channel;

import java.io.IOException;

/**
 * A stream channel carried by the peer's own stdout: as {@link StdioPingPongChannel}, the
 * harness starts the peer first and then opens the consumer on the peer's pipes.
 */
public interface StdioStreamChannel extends StreamChannel {

    /** In the bench JVM, after the peer started: the receiving side on the peer's pipes. */
    StreamConsumer openConsumer(ChannelSpec spec, PeerWatch watch, StdioLink peer) throws IOException;

    /** In the peer JVM: the sending side on its own stdin and stdout. */
    StreamProducer openProducer(ChannelSpec spec, PeerWatch watch, StdioLink own) throws IOException;

    /** There are no pipes without a peer: use {@link #openConsumer(ChannelSpec, PeerWatch, StdioLink)}. */
    @Override
    default StreamConsumer openConsumer(ChannelSpec spec, PeerWatch watch) {
        throw new UnsupportedOperationException(name() + " talks over a peer's stdin and stdout: open it on the peer's pipes");
    }

    /** There are no pipes without a peer: use {@link #openProducer(ChannelSpec, PeerWatch, StdioLink)}. */
    @Override
    default StreamProducer openProducer(ChannelSpec spec, PeerWatch watch) {
        throw new UnsupportedOperationException(name() + " talks over a peer's stdin and stdout: open it on the peer's pipes");
    }
}

package io.mproc.bench.channel;

import java.io.IOException;

/**
 * A ping-pong channel carried by the peer's own stdin and stdout rather than by files in the
 * run's directory. The pipes exist only once the peer runs, so the harness starts the peer
 * first (its READY and DONE go to stderr) and then opens the pinger on the peer's pipes.
 */
public interface StdioPingPongChannel extends PingPongChannel {

    /** In the bench JVM, after the peer started: the timing side on the peer's pipes. */
    Pinger openPinger(ChannelSpec spec, PeerWatch watch, StdioLink peer) throws IOException;

    /** In the peer JVM: the echoing side on its own stdin and stdout. */
    Ponger openPonger(ChannelSpec spec, PeerWatch watch, StdioLink own) throws IOException;

    /** There are no pipes without a peer: use {@link #openPinger(ChannelSpec, PeerWatch, StdioLink)}. */
    @Override
    default Pinger openPinger(ChannelSpec spec, PeerWatch watch) {
        throw new UnsupportedOperationException(name() + " talks over a peer's stdin and stdout: open it on the peer's pipes");
    }

    /** There are no pipes without a peer: use {@link #openPonger(ChannelSpec, PeerWatch, StdioLink)}. */
    @Override
    default Ponger openPonger(ChannelSpec spec, PeerWatch watch) {
        throw new UnsupportedOperationException(name() + " talks over a peer's stdin and stdout: open it on the peer's pipes");
    }
}

package io.mproc.bench.channel;

/** The timing side of a round trip. Used by one thread. */
public interface Pinger extends AutoCloseable {

    /**
     * Sends message {@code sequence} (a payload of the spec's size carrying it) and returns when
     * the peer's echo of it has arrived. Waits as the channel waits (spinning, blocking...), and
     * throws {@link PeerGoneException} when its {@link PeerWatch} says so.
     */
    void roundTrip(long sequence);

    /** Unmaps and closes; the bench deletes the run's files afterwards. */
    @Override
    void close();
}

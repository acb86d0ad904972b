package io.mproc.bench.channel;

/**
 * Tells a spinning side that waiting is pointless: the other process is gone or the run's
 * deadline has passed. A side that waits for its peer must call {@link #check()} now and then
 * (see {@link SpinWait}), or a crashed peer would leave it spinning a core forever.
 */
@FunctionalInterface
public interface PeerWatch {

    /** Throws {@link PeerGoneException} if waiting should stop. Not free: call it rarely. */
    void check();

    /** A watch that never stops anything, for in-process tests. */
    PeerWatch NONE = () -> { };
}

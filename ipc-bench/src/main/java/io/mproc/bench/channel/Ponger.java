package io.mproc.bench.channel;

/** The echoing side of a round trip, in the peer JVM. Used by one thread. */
public interface Ponger extends AutoCloseable {

    /** Waits for message {@code sequence} and sends it back. */
    void echo(long sequence);

    @Override
    void close();
}

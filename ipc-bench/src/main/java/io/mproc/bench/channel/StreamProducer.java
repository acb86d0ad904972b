package io.mproc.bench.channel;

/** The sending side of a stream, in the peer JVM. Used by one thread. */
public interface StreamProducer extends AutoCloseable {

    /** Sends {@code value}, waiting while the channel is full. */
    void send(long value);

    @Override
    void close();
}

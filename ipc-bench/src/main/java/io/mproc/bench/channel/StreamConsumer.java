package io.mproc.bench.channel;

/** The receiving side of a stream, in the bench JVM. Used by one thread. */
public interface StreamConsumer extends AutoCloseable {

    /**
     * Takes up to {@code limit} messages that have arrived and returns how many; 0 at once if
     * none has (the harness decides how to wait). Values arrive as 1, 2, 3...: a consumer may
     * check that and throw {@link IllegalStateException} on a gap.
     */
    int drain(int limit);

    @Override
    void close();
}

package io.mproc.bench.channel;

/** The peer of a benchmark died or did not answer in time. */
public final class PeerGoneException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public PeerGoneException(String message) {
        super(message);
    }
}

package io.mproc.bench.channel;

/**
 * What most of the bench's channels share: a name, how many times fewer
 * iterations they are measured with ({@code relativeCost()} of {@link PingPongChannel} and
 * {@link StreamChannel}), and for ping-pongs the payloads they carry: 8 bytes up to a maximum.
 * A subclass implements one of the channel interfaces; these methods are its.
 */
public abstract class CostedChannel {
    private final String name;
    private final int relativeCost;
    private final int maxPayloadBytes;

    /** A stream channel: 8-byte values only. */
    protected CostedChannel(String name, int relativeCost) {
        this(name, relativeCost, Long.BYTES);
    }

    /** A ping-pong channel carrying 8 to {@code maxPayloadBytes} bytes. */
    protected CostedChannel(String name, int relativeCost, int maxPayloadBytes) {
        this.name = name;
        this.relativeCost = relativeCost;
        this.maxPayloadBytes = maxPayloadBytes;
    }

    public String name() {
        return name;
    }

    public int relativeCost() {
        return relativeCost;
    }

    public boolean carries(int payloadBytes) {
        return payloadBytes >= Long.BYTES && payloadBytes <= maxPayloadBytes;
    }
}

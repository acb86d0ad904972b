package io.mproc.bench.channel;

import io.mproc.bench.channel.mapped.MappedLongPingPong;
import io.mproc.bench.channel.mapped.MappedLongRing;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Every channel the bench knows, by name. The peer JVM finds its channel here from the name on
 * its command line, so a channel is added in one place: register it below. Order is the
 * order suites measure them in.
 */
public final class ChannelCatalog {

    private static final Map<String, Supplier<PingPongChannel>> PING_PONG = new LinkedHashMap<>();
    private static final Map<String, Supplier<StreamChannel>> STREAM = new LinkedHashMap<>();

    static {
        PING_PONG.put(MappedLongPingPong.NAME, MappedLongPingPong::new);
        STREAM.put(MappedLongRing.NAME, MappedLongRing::new);
        // Later: mproc rings (spin and default waiting), Agrona OneToOneRingBuffer, Chronicle
        // Queue, sockets... Subjects named in TargetCatalog are judged against their targets.
    }

    private ChannelCatalog() {
    }

    public static List<String> pingPongNames() {
        return List.copyOf(PING_PONG.keySet());
    }

    public static List<String> streamNames() {
        return List.copyOf(STREAM.keySet());
    }

    public static PingPongChannel pingPong(String name) {
        Supplier<PingPongChannel> channel = PING_PONG.get(name);
        if (channel == null) {
            throw new IllegalArgumentException("no ping-pong channel " + name + "; known: " + PING_PONG.keySet());
        }
        return channel.get();
    }

    public static StreamChannel stream(String name) {
        Supplier<StreamChannel> channel = STREAM.get(name);
        if (channel == null) {
            throw new IllegalArgumentException("no stream channel " + name + "; known: " + STREAM.keySet());
        }
        return channel.get();
    }
}

package io.mproc.bench.channel;

import io.mproc.bench.channel.agrona.AgronaRingKind;
import io.mproc.bench.channel.agrona.AgronaRingPingPong;
import io.mproc.bench.channel.agrona.AgronaRingStream;
import io.mproc.bench.channel.chronicle.ChroniclePingPong;
import io.mproc.bench.channel.chronicle.ChronicleStream;
import io.mproc.bench.channel.mapped.MappedLongPingPong;
import io.mproc.bench.channel.mapped.MappedLongRing;
import io.mproc.bench.channel.mproc.MprocRingPingPong;
import io.mproc.bench.channel.mproc.MprocRingStream;
import io.mproc.bench.channel.mproc.RingKind;
import io.mproc.bench.channel.mproc.Waiting;
import io.mproc.bench.channel.socket.SocketKind;
import io.mproc.bench.channel.socket.SocketPingPong;
import io.mproc.bench.channel.socket.SocketStream;
import io.mproc.bench.channel.stdio.PipePingPong;
import io.mproc.bench.channel.stdio.PipeStream;
import io.mproc.bench.channel.sync.EventHandoff;
import io.mproc.bench.channel.sync.LockHandoff;
import io.mproc.bench.channel.sync.SemaphoreHandoff;
import io.mproc.bench.channel.primitives.MprocPipePingPong;
import io.mproc.bench.channel.primitives.QueueInPlacePingPong;
import io.mproc.bench.channel.primitives.QueuePingPong;
import io.mproc.queue.QueueShape;

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

    public static final String AGRONA_RING = "agrona-ring";
    public static final String AGRONA_MPSC_RING = "agrona-mpsc-ring";
    public static final String CHRONICLE_QUEUE = "chronicle-queue";
    public static final String UNIX_SOCKET = "unix-socket";
    public static final String TCP_LOOPBACK = "tcp-loopback";
    public static final String STDIO_PIPE = "stdio-pipe";
    public static final String MPROC_SPSC = "mproc-spsc";
    public static final String MPROC_MPSC = "mproc-mpsc";
    public static final String MPROC_MPMC = "mproc-mpmc";
    public static final String MPROC_SPSC_DEFAULT = "mproc-spsc-default";
    public static final String MPROC_SPSC_CLAIM = "mproc-spsc-claim";
    public static final String MPROC_QUEUE_SPIN = "mproc-queue-spin";
    public static final String MPROC_QUEUE_SPIN_INPLACE = "mproc-queue-spin-inplace";
    public static final String MPROC_QUEUE_SPIN_MANY = "mproc-queue-spin-many";
    public static final String MPROC_QUEUE_DEFAULT = "mproc-queue-default";
    public static final String MPROC_PIPE = "mproc-pipe";

    private static final Map<String, Supplier<PingPongChannel>> PING_PONG = new LinkedHashMap<>();
    private static final Map<String, Supplier<StreamChannel>> STREAM = new LinkedHashMap<>();
    /** Ping-pongs through io.mproc.sync, measured by the handoff suite (not the pingpong one). */
    private static final Map<String, Supplier<PingPongChannel>> HANDOFF = new LinkedHashMap<>();

    static {
        // Subjects named in TargetCatalog are judged against their targets: keep these names.
        // Peers first, so that each mproc figure's comparison was measured moments before it.
        PING_PONG.put(MappedLongPingPong.NAME, MappedLongPingPong::new);
        pingPong(() -> new AgronaRingPingPong(AGRONA_RING, AgronaRingKind.ONE_TO_ONE));
        pingPong(() -> new AgronaRingPingPong(AGRONA_MPSC_RING, AgronaRingKind.MANY_TO_ONE));
        pingPong(() -> new ChroniclePingPong(CHRONICLE_QUEUE));
        pingPong(() -> new SocketPingPong(UNIX_SOCKET, SocketKind.UNIX));
        pingPong(() -> new SocketPingPong(TCP_LOOPBACK, SocketKind.TCP_LOOPBACK));
        pingPong(() -> new PipePingPong(STDIO_PIPE));
        pingPong(() -> new MprocRingPingPong(MPROC_SPSC, RingKind.SPSC, Waiting.BUSY_SPIN));
        pingPong(() -> new MprocRingPingPong(MPROC_MPSC, RingKind.MPSC, Waiting.BUSY_SPIN));
        pingPong(() -> new MprocRingPingPong(MPROC_SPSC_DEFAULT, RingKind.SPSC, Waiting.SPIN_THEN_BLOCK));
        pingPong(() -> new MprocRingPingPong(MPROC_MPMC, RingKind.MPMC, Waiting.BUSY_SPIN));
        // The primitives over those rings: the queue's and the pipe's own targets.
        // Each queue of a ping-pong has one producer and one consumer: the judged queue figures
        // declare it (ONE_TO_ONE); -many is the default shape, for comparison.
        pingPong(() -> new QueuePingPong(MPROC_QUEUE_SPIN, QueueShape.ONE_TO_ONE, Waiting.BUSY_SPIN));
        pingPong(() -> new QueueInPlacePingPong(MPROC_QUEUE_SPIN_INPLACE));
        pingPong(() -> new QueuePingPong(MPROC_QUEUE_SPIN_MANY, QueueShape.MANY_TO_MANY, Waiting.BUSY_SPIN));
        pingPong(() -> new QueuePingPong(MPROC_QUEUE_DEFAULT, QueueShape.ONE_TO_ONE, Waiting.SPIN_THEN_BLOCK));
        pingPong(() -> new MprocPipePingPong(MPROC_PIPE, Waiting.BUSY_SPIN));

        STREAM.put(MappedLongRing.NAME, MappedLongRing::new);
        stream(() -> new AgronaRingStream(AGRONA_RING, AgronaRingKind.ONE_TO_ONE));
        stream(() -> new AgronaRingStream(AGRONA_MPSC_RING, AgronaRingKind.MANY_TO_ONE));
        stream(() -> new ChronicleStream(CHRONICLE_QUEUE));
        stream(() -> new SocketStream(UNIX_SOCKET, SocketKind.UNIX));
        stream(() -> new SocketStream(TCP_LOOPBACK, SocketKind.TCP_LOOPBACK));
        stream(() -> new PipeStream(STDIO_PIPE));
        stream(() -> new MprocRingStream(MPROC_SPSC, RingKind.SPSC, false));
        stream(() -> new MprocRingStream(MPROC_SPSC_CLAIM, RingKind.SPSC, true));
        stream(() -> new MprocRingStream(MPROC_MPSC, RingKind.MPSC, false));
        stream(() -> new MprocRingStream(MPROC_MPMC, RingKind.MPMC, false));
    }

    static {
        // Named <primitive>-spin / -blocking, as TargetCatalog's handoff rules name their subjects.
        handoff(() -> new EventHandoff(Waiting.BUSY_SPIN));
        handoff(() -> new EventHandoff(Waiting.SPIN_THEN_BLOCK));
        handoff(() -> new LockHandoff(Waiting.BUSY_SPIN));
        handoff(() -> new LockHandoff(Waiting.SPIN_THEN_BLOCK));
        handoff(() -> new SemaphoreHandoff(Waiting.BUSY_SPIN));
        handoff(() -> new SemaphoreHandoff(Waiting.SPIN_THEN_BLOCK));
    }

    private static void handoff(Supplier<PingPongChannel> channel) {
        HANDOFF.put(channel.get().name(), channel);
    }

    private ChannelCatalog() {
    }

    private static void pingPong(Supplier<PingPongChannel> channel) {
        PING_PONG.put(channel.get().name(), channel);
    }

    private static void stream(Supplier<StreamChannel> channel) {
        STREAM.put(channel.get().name(), channel);
    }

    public static List<String> pingPongNames() {
        return List.copyOf(PING_PONG.keySet());
    }

    public static List<String> streamNames() {
        return List.copyOf(STREAM.keySet());
    }

    /** The hand-off channels of the handoff suite; {@link #pingPong(String)} finds them too. */
    public static List<String> handoffNames() {
        return List.copyOf(HANDOFF.keySet());
    }

    public static PingPongChannel pingPong(String name) {
        Supplier<PingPongChannel> channel = PING_PONG.getOrDefault(name, HANDOFF.get(name));
        if (channel == null) {
            throw new IllegalArgumentException("no ping-pong channel " + name + "; known: " + PING_PONG.keySet()
                + ", " + HANDOFF.keySet());
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

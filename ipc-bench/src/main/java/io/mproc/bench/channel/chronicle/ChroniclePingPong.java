package io.mproc.bench.channel.chronicle;

import io.mproc.bench.channel.ChannelSpec;
import io.mproc.bench.channel.CostedChannel;
import io.mproc.bench.channel.Payloads;
import io.mproc.bench.channel.PeerWatch;
import io.mproc.bench.channel.PingPongChannel;
import io.mproc.bench.channel.Pinger;
import io.mproc.bench.channel.Ponger;
import io.mproc.bench.channel.SpinWait;
import net.openhft.chronicle.bytes.Bytes;
import net.openhft.chronicle.queue.ChronicleQueue;
import net.openhft.chronicle.queue.ExcerptAppender;
import net.openhft.chronicle.queue.ExcerptTailer;
import net.openhft.chronicle.wire.DocumentContext;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Round trips through a pair of Chronicle Queues in the run's directory, used the way Chronicle
 * is used: the pinger appends message n to the ping queue ({@code writingDocument}) and
 * busy-spins on a tailer of the pong queue ({@code readingDocument} until one is present); the
 * ponger tails the ping queue and, inside the reading document, appends its bytes to the pong
 * queue. The payload is the sequence followed by zeros up to the spec's size; the pinger copies a
 * longer echo out into its own array, as {@code MprocRingPingPong} does.
 *
 * <p>A queue is a journal: every message stays in its files (in /dev/shm, so in memory, each on
 * pages touched for the first time) until the bench side closes it and deletes its directory.
 * Appenders and tailers are created on the thread that uses them, as Chronicle requires.
 */
public final class ChroniclePingPong extends CostedChannel implements PingPongChannel {

    /** Largest payload measured; Chronicle itself takes far larger documents. */
    static final int MAX_PAYLOAD_BYTES = 64 * 1024;
    /** Up to a µs or so per round trip against a ring's few hundred ns: see {@link #relativeCost()}. */
    static final int RELATIVE_COST = 4;


    public ChroniclePingPong(String name) {
        super(name, RELATIVE_COST, MAX_PAYLOAD_BYTES);
    }

    @Override
    public Pinger openPinger(ChannelSpec spec, PeerWatch watch) throws IOException {
        Payloads.requireCarried(this, spec, MAX_PAYLOAD_BYTES);
        Path pingDir = spec.file(".chronicle-ping");
        Path pongDir = spec.file(".chronicle-pong");
        ChronicleQueue ping = ChronicleQueues.open(pingDir);
        try {
            return new PingSide(ping, pingDir, ChronicleQueues.open(pongDir), pongDir, spec.payloadBytes(), watch);
        } catch (IOException | RuntimeException failed) {
            ChronicleQueues.closeAndDelete(ping, pingDir);
            throw failed;
        }
    }

    @Override
    public Ponger openPonger(ChannelSpec spec, PeerWatch watch) throws IOException {
        Payloads.requireCarried(this, spec, MAX_PAYLOAD_BYTES);
        ChronicleQueue ping = ChronicleQueues.open(spec.file(".chronicle-ping"));
        try {
            return new PongSide(ping, ChronicleQueues.open(spec.file(".chronicle-pong")), watch);
        } catch (IOException | RuntimeException failed) {
            ping.close();
            throw failed;
        }
    }

    /** The bench side: created both queues, and deletes them on close. */
    private static final class PingSide implements Pinger {
        private final ChronicleQueue ping;
        private final Path pingDir;
        private final ChronicleQueue pong;
        private final Path pongDir;
        private final int length;
        private final byte[] zeros;
        private final byte[] in;
        private final SpinWait spin;
        private ExcerptAppender appender;
        private ExcerptTailer tailer;

        PingSide(ChronicleQueue ping, Path pingDir, ChronicleQueue pong, Path pongDir, int length, PeerWatch watch) {
            this.ping = ping;
            this.pingDir = pingDir;
            this.pong = pong;
            this.pongDir = pongDir;
            this.length = length;
            this.zeros = new byte[length - Long.BYTES];
            this.in = new byte[length];
            this.spin = new SpinWait(watch);
        }

        @Override
        public void roundTrip(long sequence) {
            if (appender == null) {
                appender = ping.createAppender();
                tailer = pong.createTailer();
            }
            try (DocumentContext out = appender.writingDocument()) {
                out.wire().bytes().writeLong(sequence).write(zeros);
            }
            while (!readEcho(sequence)) {
                spin.idle();
            }
        }

        private boolean readEcho(long sequence) {
            try (DocumentContext echo = tailer.readingDocument()) {
                if (!echo.isPresent()) {
                    return false;
                }
                Bytes<?> bytes = echo.wire().bytes();
                long received = bytes.readLong(bytes.readPosition());
                if (received != sequence || bytes.readRemaining() != length) {
                    throw new IllegalStateException("sent " + sequence + " in " + length + " bytes but the echo carried "
                        + received + " in " + bytes.readRemaining());
                }
                if (length > Long.BYTES) {
                    bytes.read(in, 0, length);
                }
                return true;
            }
        }

        @Override
        public void close() {
            try {
                ChronicleQueues.closeAndDelete(ping, pingDir);
            } finally {
                ChronicleQueues.closeAndDelete(pong, pongDir);
            }
        }
    }

    /** The peer side: echoes each ping's bytes from the ping queue into the pong queue. */
    private static final class PongSide implements Ponger {
        private final ChronicleQueue ping;
        private final ChronicleQueue pong;
        private final SpinWait spin;
        private ExcerptTailer tailer;
        private ExcerptAppender appender;
        private long echoed;

        PongSide(ChronicleQueue ping, ChronicleQueue pong, PeerWatch watch) {
            this.ping = ping;
            this.pong = pong;
            this.spin = new SpinWait(watch);
        }

        @Override
        public void echo(long sequence) {
            if (tailer == null) {
                tailer = ping.createTailer();
                appender = pong.createAppender();
            }
            while (!echoOne()) {
                spin.idle();
            }
            if (echoed != sequence) {
                throw new IllegalStateException("expected ping " + sequence + " but got " + echoed);
            }
        }

        private boolean echoOne() {
            try (DocumentContext ping = tailer.readingDocument()) {
                if (!ping.isPresent()) {
                    return false;
                }
                Bytes<?> bytes = ping.wire().bytes();
                echoed = bytes.readLong(bytes.readPosition());
                try (DocumentContext pong = appender.writingDocument()) {
                    pong.wire().bytes().write(bytes);
                }
                return true;
            }
        }

        @Override
        public void close() {
            try {
                ping.close();
            } finally {
                pong.close();
            }
        }
    }
}

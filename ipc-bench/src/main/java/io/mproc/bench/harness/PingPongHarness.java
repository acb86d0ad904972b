package io.mproc.bench.harness;

import io.mproc.bench.Counts;
import io.mproc.bench.channel.ChannelSpec;
import io.mproc.bench.channel.PingPongChannel;
import io.mproc.bench.channel.Pinger;
import io.mproc.bench.channel.StdioPingPongChannel;
import io.mproc.bench.latency.LatencyRecorder;
import io.mproc.bench.latency.LatencyRepetitions;
import io.mproc.bench.latency.RepeatedLatency;
import io.mproc.bench.machine.PinningPlan;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.locks.LockSupport;

/**
 * Round trips of a {@link PingPongChannel} between this JVM and a peer JVM. Each round trip
 * is timed alone with {@link System#nanoTime()} around {@link Pinger#roundTrip(long)}, so the
 * figure includes one clock read (tens of ns at most on a TSC clocksource), as the C floor's
 * does.
 */
public final class PingPongHarness {

    private final PinningPlan pinning;
    private final Duration limit;

    /** {@code limit} bounds the whole measurement; past it both sides give up. */
    public PingPongHarness(PinningPlan pinning, Duration limit) {
        this.pinning = pinning;
        this.limit = limit;
    }

    /** Back-to-back round trips: the peer is awake (spinning, or about to sleep) when each one starts. */
    public MeasuringThread.Outcome<RepeatedLatency> measure(PingPongChannel channel, ChannelSpec spec, Counts counts)
        throws Exception {
        return measure(channel, spec, counts, Duration.ZERO);
    }

    /**
     * Round trips with the pinger pausing {@code gap} ({@link LockSupport#parkNanos}) before each
     * timed one, outside the timing: long enough and the peer's spin phase has expired and it is
     * asleep in the kernel when the message arrives, so the round trip measures the wake-up path.
     * Warm-up round trips run back to back.
     */
    public MeasuringThread.Outcome<RepeatedLatency> measure(PingPongChannel channel, ChannelSpec spec, Counts counts,
                                                            Duration gap) throws Exception {
        PeerWatchHolder watch = new PeerWatchHolder();
        try (PeerSession<Pinger> session = open(channel, spec, counts.total(), watch)) {
            Pinger pinger = session.side();
            PeerProcess peer = session.peer();
            peer.awaitReady(Duration.ofSeconds(60));
            MeasuringThread.Outcome<RepeatedLatency> outcome =
                MeasuringThread.run(pinning, () -> rounds(pinger, counts, gap.toNanos()));
            peer.awaitSuccess(Duration.ofSeconds(30));
            return outcome;
        }
    }

    /** How long a blocked peer waits before its idle CPU is read: a process idle for long, not one just started. */
    static final Duration IDLE_SETTLE = Duration.ofSeconds(3);

    /** CPU burnt while waiting, % of one CPU: the whole peer JVM, and its waiting thread alone (-1: unknown). */
    public record IdleCpu(double process, double waitingThread) {
    }

    /**
     * The CPU the peer JVM burns while its ponger waits for a message that does not come: the
     * peer opens its side and waits for message 1; after {@link #IDLE_SETTLE} (the first
     * seconds of a JVM's life, and of a wait, run cold code: class loading, interpreted FFM
     * calls, the short first sleep slices), its CPU time is read over {@code window}, then
     * message 1 lets it finish.
     * Whole process, every thread (JIT, GC, the waiting one), and the waiting thread
     * ({@link PeerMain#WAITER_THREAD}) alone, as percentages of one CPU.
     */
    public IdleCpu idleCpuPercent(PingPongChannel channel, ChannelSpec spec, Duration window) throws Exception {
        PeerWatchHolder watch = new PeerWatchHolder();
        try (PeerSession<Pinger> session = open(channel, spec, 1, watch)) {
            Pinger pinger = session.side();
            PeerProcess peer = session.peer();
            peer.awaitReady(Duration.ofSeconds(60));
            Thread.sleep(IDLE_SETTLE);
            long cpuBefore = ProcessCpu.nanos(peer.pid());
            long waiterBefore = ProcessCpu.threadNanos(peer.pid(), PeerMain.WAITER_THREAD);
            long start = System.nanoTime();
            Thread.sleep(window);
            long cpuAfter = ProcessCpu.nanos(peer.pid());
            long waiterAfter = ProcessCpu.threadNanos(peer.pid(), PeerMain.WAITER_THREAD);
            long elapsed = System.nanoTime() - start;
            pinger.roundTrip(1);
            peer.awaitSuccess(Duration.ofSeconds(30));
            double waiter = waiterBefore < 0 ? -1 : 100.0 * (waiterAfter - waiterBefore) / elapsed;
            return new IdleCpu(100.0 * (cpuAfter - cpuBefore) / elapsed, waiter);
        }
    }

    /** The pinger and a peer answering {@code count} round trips, in the order the channel needs. */
    private PeerSession<Pinger> open(PingPongChannel channel, ChannelSpec spec, long count, PeerWatchHolder watch)
        throws IOException {
        PeerSession.Launcher peer = piped -> PeerProcess.start(pinning, "pong", channel.name(), spec, count, limit, piped);
        return channel instanceof StdioPingPongChannel overStdio
            ? PeerSession.peerFirst(stdio -> overStdio.openPinger(spec, watch, stdio), peer, watch)
            : PeerSession.filesFirst(() -> channel.openPinger(spec, watch), peer, watch);
    }

    private static RepeatedLatency rounds(Pinger pinger, Counts counts, long gapNanos) {
        long sequence = 0;
        for (long i = 0; i < counts.warmup(); i++) {
            pinger.roundTrip(++sequence);
        }
        LatencyRepetitions reps = new LatencyRepetitions(counts.reps());
        for (int rep = 0; rep < counts.reps(); rep++) {
            LatencyRecorder recorder = reps.begin();
            for (long i = 0; i < counts.perRep(); i++) {
                if (gapNanos > 0) {
                    LockSupport.parkNanos(gapNanos);
                }
                long start = System.nanoTime();
                pinger.roundTrip(++sequence);
                recorder.record(System.nanoTime() - start);
            }
            reps.end();
        }
        return reps.result();
    }
}

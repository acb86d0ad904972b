package io.mproc.bench.harness;

import io.mproc.bench.Counts;
import io.mproc.bench.channel.ChannelSpec;
import io.mproc.bench.channel.PingPongChannel;
import io.mproc.bench.channel.Pinger;
import io.mproc.bench.latency.LatencyRecorder;
import io.mproc.bench.latency.LatencySummary;
import io.mproc.bench.latency.RepeatedLatency;
import io.mproc.bench.machine.PinningPlan;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

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

    public MeasuringThread.Outcome<RepeatedLatency> measure(PingPongChannel channel, ChannelSpec spec, Counts counts)
        throws Exception {
        PeerWatchHolder watch = new PeerWatchHolder();
        try (Pinger pinger = channel.openPinger(spec, watch);
             PeerProcess peer = PeerProcess.start(pinning, "pong", channel.name(), spec, counts.total(), limit)) {
            watch.follow(peer.watch());
            peer.awaitReady(Duration.ofSeconds(60));
            MeasuringThread.Outcome<RepeatedLatency> outcome = MeasuringThread.run(pinning, () -> rounds(pinger, counts));
            peer.awaitSuccess(Duration.ofSeconds(30));
            return outcome;
        }
    }

    private static RepeatedLatency rounds(Pinger pinger, Counts counts) {
        long sequence = 0;
        for (long i = 0; i < counts.warmup(); i++) {
            pinger.roundTrip(++sequence);
        }
        LatencyRecorder recorder = new LatencyRecorder();
        List<LatencySummary> reps = new ArrayList<>(counts.reps());
        for (int rep = 0; rep < counts.reps(); rep++) {
            recorder.reset();
            for (long i = 0; i < counts.perRep(); i++) {
                long start = System.nanoTime();
                pinger.roundTrip(++sequence);
                recorder.record(System.nanoTime() - start);
            }
            reps.add(recorder.summary());
        }
        return new RepeatedLatency(reps);
    }
}
